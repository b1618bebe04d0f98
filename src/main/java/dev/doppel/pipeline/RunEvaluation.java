package dev.doppel.pipeline;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.Evaluation;
import dev.doppel.evaluate.EvaluationReport;
import dev.doppel.evaluate.Gate;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.RowReader;
import dev.doppel.io.TableReaders;
import dev.doppel.mask.MaskingStage;
import dev.doppel.table.RawTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation inside {@code run}: the synthetic file just written, read back, against the rows the model learned
 * (after masking, so generalised columns are compared as the model saw them) and the hold-out, masked the same way.
 */
final class RunEvaluation {
    /** At most this many synthetic rows are read back; rows are independent draws, so the first ones are a sample. */
    static final int MAX_SYNTHETIC_ROWS = 1_000_000;

    private RunEvaluation() {}

    static EvaluationReport evaluate(Fitting.Masked masked, RawTable holdout, Path synthetic, ReadOptions options,
            Evaluation.Settings settings, Evaluation.Sources sources, Gate gate, Evaluation.Rules rules) {
        EvalSchema schema = EvalSchema.of(masked.specs(), masked.plan().roles());
        TableEncoder encoder = new TableEncoder(schema);
        EncodedTable training = encoder.encodeReal(masked.table());
        EncodedTable synth;
        List<String> notes = new ArrayList<>(sources.notes());
        try (RowReader rows = TableReaders.open(synthetic, options)) {
            synth = encoder.encode(rows, MAX_SYNTHETIC_ROWS);
            if (rows.next() != null) {
                notes.add(String.format(java.util.Locale.ROOT,
                        "Quality was measured on the first %,d synthetic rows (independent draws, so a fair sample).",
                        MAX_SYNTHETIC_ROWS));
            }
        }
        EncodedTable held = holdout == null ? null : encoder.encode(coarsened(holdout, masked.stage()));
        Evaluation.Sources withNotes = new Evaluation.Sources(sources.real(), sources.synthetic(), sources.holdout(),
                sources.profileSha256(), sources.versions(), notes);
        return Evaluation.run(training, synth, held, settings, withNotes, gate, rules);
    }

    /** The hold-out generalised and suppressed as the training rows were. */
    private static RawTable coarsened(RawTable table, MaskingStage stage) {
        return stage.coarsens() ? Fitting.coarsened(table, stage, new int[table.rows()]) : table;
    }
}
