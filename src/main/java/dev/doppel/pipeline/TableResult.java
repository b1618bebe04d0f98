package dev.doppel.pipeline;

import dev.doppel.db.DatabaseTarget;
import dev.doppel.db.TableLoader;
import dev.doppel.report.FidelitySummary;

/**
 * What a load into a table did.
 *
 * @param target where the rows went
 * @param action whether the table was created, replaced or appended to
 * @param rows rows loaded
 * @param seconds wall time of generation and loading, commit included
 * @param summary the fidelity summary of the rows loaded
 */
public record TableResult(DatabaseTarget target, TableLoader.Action action, long rows, double seconds,
        FidelitySummary summary) {
    public double rowsPerSecond() {
        return seconds > 0 ? rows / seconds : 0;
    }
}
