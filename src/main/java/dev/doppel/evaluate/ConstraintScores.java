package dev.doppel.evaluate;

import java.util.List;

/**
 * How often the profile's constraints break, in the synthetic rows and (for reference) in the real ones. JSON key
 * {@code constraints}; a gate checks {@code constraints.violations} (alias {@code constraint-violations}).
 *
 * @param violations synthetic rows breaking a constraint, summed over the constraints; NaN when a constraint could
 *     not be checked (one of its columns is not evaluated), so a gate on it cannot pass unchecked
 * @param checks one per constraint, in profile order
 */
public record ConstraintScores(double violations, List<Check> checks) {
    public ConstraintScores {
        checks = List.copyOf(checks);
    }

    /**
     * @param type order, sum, formula or allowed
     * @param rule the rule in words, e.g. {@code a <= b} (column names and the profile's expression, no value)
     * @param realRows real rows where every column of the rule is present
     * @param realViolations those that break it
     * @param syntheticRows synthetic rows where every column of the rule is present
     * @param syntheticViolations those that break it (by construction 0)
     * @param note why it was not checked, or null
     */
    public record Check(String type, String rule, long realRows, long realViolations, long syntheticRows,
            long syntheticViolations, String note) {}
}
