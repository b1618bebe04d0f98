package dev.doppel.io;

import dev.doppel.error.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The data files behind an input path: the file itself, or for a folder its data files in a stable order. A folder
 * holds either Parquet files ({@code *.parquet}) or delimited text files ({@code *.csv}, {@code *.tsv},
 * {@code *.txt}) that share one header, as Spark, Hive or a split export write them; they are read in order of their
 * names (compared as strings), so the same folder always gives the same rows in the same order. Hidden files and
 * files whose names start with {@code _} or {@code .} (such as {@code _SUCCESS}) and sub-folders are ignored.
 */
public final class InputFiles {
    private static final List<String> TEXT = List.of(".csv", ".tsv", ".txt");

    private InputFiles() {}

    /**
     * @throws InputException when the path does not exist, or is a folder without data files or with both kinds
     */
    public static List<Path> of(Path input) {
        if (!Files.isDirectory(input)) {
            return List.of(input); // TableReaders.open reports a missing or unreadable file
        }
        String name = name(input);
        List<Path> files;
        try (Stream<Path> listing = Files.list(input)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(p -> !name(p).startsWith(".") && !name(p).startsWith("_"))
                    .sorted((a, b) -> name(a).compareTo(name(b)))
                    .toList();
        } catch (IOException e) {
            throw new InputException(name + ": the folder cannot be listed (" + e.getClass().getSimpleName() + ")");
        }
        List<Path> parquet = files.stream().filter(p -> lower(p).endsWith(".parquet")).toList();
        List<Path> text = files.stream().filter(p -> TEXT.stream().anyMatch(lower(p)::endsWith)).toList();
        if (!parquet.isEmpty() && !text.isEmpty()) {
            throw new InputException(name + ": the folder holds both Parquet and CSV files; give a folder of one kind");
        }
        if (parquet.isEmpty() && text.isEmpty()) {
            throw new InputException(name + ": the folder holds no data files (*.csv, *.tsv, *.txt or *.parquet)");
        }
        return parquet.isEmpty() ? text : parquet;
    }

    private static String lower(Path p) {
        return name(p).toLowerCase(Locale.ROOT);
    }

    static String name(Path p) {
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }
}
