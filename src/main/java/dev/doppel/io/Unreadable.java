package dev.doppel.io;

import dev.doppel.error.InputException;
import java.io.Closeable;
import java.io.IOException;

/**
 * The one wording of an input file that cannot be read, "NAME: cannot be read (the error's type)", and the closing of
 * a reader's file, shared by the text readers: the error's type says what went wrong, its message (which may quote
 * the file) is never shown.
 */
final class Unreadable {
    private Unreadable() {}

    /** ": cannot be read (the error's type)", to follow a file's name. */
    static String reason(IOException e) {
        return ": cannot be read (" + e.getClass().getSimpleName() + ")";
    }

    /** The one-line error for file {@code name} failing with {@code e}. */
    static InputException error(String name, IOException e) {
        return new InputException(name + reason(e));
    }

    /** Closes {@code file}; a failure is the one-line error naming {@code name}. */
    static void close(Closeable file, String name) {
        try {
            file.close();
        } catch (IOException e) {
            throw error(name, e);
        }
    }

    /** Closes {@code file}, if any, on a path that is already failing with a clearer message than closing could give. */
    static void closeQuietly(Closeable file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // already failing with a clearer message
            }
        }
    }
}
