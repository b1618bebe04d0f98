package dev.doppel.pipeline;

import dev.doppel.error.OutputException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What a job throws for an exception met while it streamed rows: the jobs run their work through
 * {@link dev.doppel.generate.BatchPipeline}, whose steps may throw any exception, and all report it the same way.
 */
final class JobFailures {
    private JobFailures() {}

    /**
     * {@code e} itself when unchecked (Doppel's one-line errors among them); any other is unexpected, a bug, and is
     * wrapped as "{@code work} failed".
     */
    static RuntimeException unchecked(Exception e, String work) {
        return e instanceof RuntimeException re ? re : new IllegalStateException(work + " failed", e);
    }

    /**
     * As {@link #unchecked}, but an I/O error becomes the one-line {@link OutputException} "OUT: cannot be written
     * (its type)", naming the file by its name alone, never a value.
     */
    static RuntimeException writing(Exception e, Path output, String work) {
        if (e instanceof IOException) {
            return new OutputException(output.getFileName() + ": cannot be written (" + e.getClass().getSimpleName() + ")");
        }
        return unchecked(e, work);
    }
}
