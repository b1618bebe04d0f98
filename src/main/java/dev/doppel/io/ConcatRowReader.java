package dev.doppel.io;

import dev.doppel.error.InputException;
import dev.doppel.table.FileDialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of several files with one header, one file after the other, as one {@link RowReader}: a folder of parts.
 * Only one file is open at a time. {@link #line()} is the line in the current file, and errors name that file, so a
 * message still points at the right place. Every file must have the first file's column names in the same order.
 */
final class ConcatRowReader implements RowReader {
    private final String source;
    private final List<Path> files;
    private final ReadOptions options;
    private final List<String> names;
    private final FileDialect dialect;
    private final List<String> fileNames = new ArrayList<>();
    private final List<String> markers;
    private RowReader current;
    private int part;

    private ConcatRowReader(String source, List<Path> files, ReadOptions options, RowReader first) {
        this.source = source;
        this.files = List.copyOf(files);
        this.options = options;
        this.current = first;
        this.names = first.names();
        this.dialect = first.dialect();
        this.markers = new ArrayList<>(java.util.Collections.nCopies(names.size(), ""));
        for (Path f : files) {
            fileNames.add(InputFiles.name(f));
        }
    }

    /**
     * Opens the first file (its header and first row checked, as {@link TableReaders#open} does).
     *
     * @param source the folder's name, for the model and messages
     * @param files at least one, in reading order
     */
    static ConcatRowReader open(String source, List<Path> files, ReadOptions options) {
        return new ConcatRowReader(source, files, options, TableReaders.open(files.get(0), options));
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public FileDialect dialect() {
        return dialect;
    }

    @Override
    public String[] next() {
        while (true) {
            String[] row = current.next();
            if (row != null) {
                return row;
            }
            keepMarkers();
            current.close();
            if (part + 1 >= files.size()) {
                return null;
            }
            part++;
            current = TableReaders.open(files.get(part), options);
            if (!current.names().equals(names)) {
                String name = fileNames.get(part);
                current.close();
                throw new InputException(name + ": the header differs from " + fileNames.get(0)
                        + "'s (every file in the folder needs the same columns in the same order)");
            }
        }
    }

    /** Per column, the first file's missing marker, else the first later file's that had one. */
    private void keepMarkers() {
        fillEmpty(markers, current.missingMarkers());
    }

    /** Per column, {@code seen}'s marker where {@code markers} has none yet. */
    private static void fillEmpty(List<String> markers, List<String> seen) {
        for (int c = 0; c < markers.size(); c++) {
            if (markers.get(c).isEmpty()) {
                markers.set(c, seen.get(c));
            }
        }
    }

    @Override
    public int line() {
        return current.line();
    }

    /** The index in {@link #files()} of the file the last row came from. */
    int part() {
        return part;
    }

    /** The files' names (no folder), in reading order. */
    List<String> files() {
        return List.copyOf(fileNames);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public List<String> missingMarkers() {
        List<String> out = new ArrayList<>(markers);
        fillEmpty(out, current.missingMarkers());
        return List.copyOf(out);
    }

    @Override
    public void close() {
        current.close();
    }
}
