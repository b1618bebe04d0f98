package dev.doppel.evaluate;

import java.util.List;

/**
 * The thresholds checked against a report and whether each held. JSON key {@code gate}.
 *
 * @param passed true when every check held (also when there were none)
 * @param checks one per threshold, in the order given
 */
public record GateResult(boolean passed, List<Check> checks) {

    /**
     * @param metric the report key, e.g. {@code quality.overall} or {@code privacy.dcr_share}
     * @param bound "min" (value must be at least the threshold) or "max" (at most)
     * @param threshold the limit
     * @param value the report's value; NaN when the report lacks it (a failed check)
     * @param passed whether the value kept the bound
     * @param privacy true for a privacy metric (what {@code --gate-before-write} acts on)
     */
    public record Check(String metric, String bound, double threshold, double value, boolean passed, boolean privacy) {}
}
