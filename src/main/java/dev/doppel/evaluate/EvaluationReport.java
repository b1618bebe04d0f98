package dev.doppel.evaluate;

import java.util.List;
import java.util.Map;

/**
 * Everything an evaluation found, written as {@code report.json} (stable snake_case keys) and drawn as
 * {@code report.html}. Holds scores and aggregates, never a row or a value of a direct-identifier column.
 *
 * @param about what was compared and how (files, rows, seed, profile hash, versions)
 * @param quality fidelity scores
 * @param privacy closeness and attack scores; null when there was nothing to measure against
 * @param charts what the HTML report draws
 * @param gate the thresholds checked; null when none were given
 * @param constraints violations of the profile's constraints; null when it declares none
 */
public record EvaluationReport(About about, QualityScores quality, PrivacyScores privacy, Charts charts, GateResult gate,
        ConstraintScores constraints) {

    /** A report without constraint checks. */
    public EvaluationReport(About about, QualityScores quality, PrivacyScores privacy, Charts charts, GateResult gate) {
        this(about, quality, privacy, charts, gate, null);
    }

    /**
     * @param real the real (training) table: file name (no folder) and rows
     * @param synthetic the synthetic table
     * @param holdout the real hold-out table; null without one
     * @param evaluatedColumns the columns compared
     * @param skippedColumns columns left out (identifiers, free text, empty, direct identifiers), by name
     * @param seed the seed of sampling inside the evaluation (and of the run, when a run wrote the report)
     * @param profileSha256 SHA-256 of the profile file; null without one
     * @param versions Doppel, Java and library versions
     * @param notes plain-language notes on what was sampled or left out
     */
    public record About(
            Table real,
            Table synthetic,
            Table holdout,
            List<String> evaluatedColumns,
            List<String> skippedColumns,
            long seed,
            String profileSha256,
            Map<String, String> versions,
            List<String> notes) {}

    /** A table by file name (no folder) and row count. */
    public record Table(String file, long rows) {}

    /** The same report with a gate result. */
    public EvaluationReport withGate(GateResult newGate) {
        return new EvaluationReport(about, quality, privacy, charts, newGate, constraints);
    }
}
