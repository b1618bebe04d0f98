package dev.doppel.pipeline;

import dev.doppel.db.DatabaseTarget;
import dev.doppel.generate.condition.Audience;
import dev.doppel.model.SynthModel;
import java.util.Map;
import java.util.Set;

/**
 * What to generate and which table to load it into. The rows are those {@link SampleRequest} with the same model,
 * seed, row count, real ids and audience writes to a file: the same values, whatever the thread count.
 *
 * @param model the fitted model
 * @param rows how many synthetic rows
 * @param seed the root seed
 * @param threads worker threads (1 or more)
 * @param target the database, table and what to do when the table exists
 * @param realIds per identifier column, the real ids no synthetic id may equal (never stored)
 * @param audience which rows to generate; {@link Audience#none()} for all
 * @param copyGuard the rare training rows no synthetic row may copy; {@link CopyGuard#NONE} when unknown
 */
public record TableRequest(
        SynthModel model,
        long rows,
        long seed,
        int threads,
        DatabaseTarget target,
        Map<String, Set<String>> realIds,
        Audience audience,
        CopyGuard copyGuard) {

    public TableRequest {
        realIds = Map.copyOf(realIds);
        audience = audience == null ? Audience.none() : audience;
        copyGuard = copyGuard == null ? CopyGuard.NONE : copyGuard;
        SampleRequest.checkCounts(rows, threads);
    }

    public TableRequest(SynthModel model, long rows, long seed, int threads, DatabaseTarget target) {
        this(model, rows, seed, threads, target, Map.of(), Audience.none());
    }

    public TableRequest(SynthModel model, long rows, long seed, int threads, DatabaseTarget target,
            Map<String, Set<String>> realIds, Audience audience) {
        this(model, rows, seed, threads, target, realIds, audience, CopyGuard.NONE);
    }

    @Override
    public String toString() {
        return "TableRequest[" + rows + " rows to " + target + "]"; // never the ids
    }
}
