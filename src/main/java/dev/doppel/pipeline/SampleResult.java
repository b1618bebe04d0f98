package dev.doppel.pipeline;

import dev.doppel.report.FidelitySummary;
import java.nio.file.Path;

/**
 * What a sampling run did.
 *
 * @param file the file written
 * @param rows rows written
 * @param bytes the file's size
 * @param seconds wall time of generation and writing
 * @param summary the fidelity summary
 */
public record SampleResult(Path file, long rows, long bytes, double seconds, FidelitySummary summary) {
    public double rowsPerSecond() {
        return seconds > 0 ? rows / seconds : 0;
    }
}
