package dev.doppel;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.doppel.cli.DoppelCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers: the {@code doppel} command line in-process, and an independent CSV reader for its output. */
public final class CliRunner {
    private CliRunner() {}

    /** What one command printed and returned. */
    public record Run(int code, String out, String err) {
        /** The non-empty lines written to standard error. */
        public List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    public static Run doppel(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DoppelCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Every record of a delimited file, header first, read with FastCSV (not Doppel's reader). */
    public static List<List<String>> readCsv(Path file, String separator) {
        try (CsvReader<CsvRecord> reader =
                CsvReader.builder().fieldSeparator(separator).ofCsvRecord(file, StandardCharsets.UTF_8)) {
            return reader.stream().map(CsvRecord::getFields).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of a folder, names only, sorted. */
    public static List<String> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
