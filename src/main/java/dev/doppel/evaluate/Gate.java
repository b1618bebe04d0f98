package dev.doppel.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.doppel.error.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Thresholds a report must meet, from the profile's {@code evaluate:} section or the command line
 * ({@code --fail-under quality=0.85 --max dcr-share=0.55}). A metric is named by its report key
 * ({@code quality.overall}, {@code privacy.dcr_share}, {@code privacy.singling_out.risk}...) or by a short alias
 * ({@code quality}, {@code dcr-share}, {@code attack-risk}...); dashes and underscores are interchangeable. A value the
 * report lacks (not measured) fails its check: a gate that cannot be checked must not pass silently.
 *
 * @param thresholds in the order given
 */
public record Gate(List<Threshold> thresholds) {

    /** The short names a gate accepts, and the report key each stands for. */
    public static final Map<String, String> ALIASES = aliases();

    /** The largest attack risk of the three criteria (inference: the worst column). */
    public static final String ATTACK_RISK = "privacy.attack_risk";

    /**
     * @param metric the report key
     * @param min true for a lower bound ({@code --fail-under}), false for an upper one ({@code --max})
     * @param limit the bound
     */
    public record Threshold(String metric, boolean min, double limit) {
        public boolean privacy() {
            return metric.startsWith("privacy.");
        }
    }

    public Gate {
        thresholds = List.copyOf(thresholds);
    }

    public static Gate none() {
        return new Gate(List.of());
    }

    public boolean isEmpty() {
        return thresholds.isEmpty();
    }

    /**
     * Thresholds from {@code name=value} pairs (the command line) or a map (the profile); {@code where} names the
     * source for messages.
     */
    public static Gate of(Map<String, Double> failUnder, Map<String, Double> max, String where) {
        List<Threshold> list = new ArrayList<>();
        if (failUnder != null) {
            failUnder.forEach((k, v) -> list.add(new Threshold(key(k, where), true, checked(v, k, where))));
        }
        if (max != null) {
            max.forEach((k, v) -> list.add(new Threshold(key(k, where), false, checked(v, k, where))));
        }
        return new Gate(list);
    }

    /** Parses {@code name=value} pairs, e.g. from repeated {@code --fail-under} options. */
    public static Map<String, Double> pairs(List<String> specs, String option) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (specs == null) {
            return out;
        }
        for (String spec : specs) {
            for (String part : spec.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0 || eq == part.length() - 1) {
                    throw new UsageException(option + " takes METRIC=VALUE, e.g. " + option + " quality=0.85");
                }
                try {
                    out.put(part.substring(0, eq).strip(), Double.parseDouble(part.substring(eq + 1).strip()));
                } catch (NumberFormatException e) {
                    throw new UsageException(option + " " + part.substring(0, eq).strip() + ": the threshold must be a number");
                }
            }
        }
        return out;
    }

    /** This gate and another's thresholds; the other's win for a metric and bound both give. */
    public Gate and(Gate other) {
        Map<String, Threshold> merged = new LinkedHashMap<>();
        for (Threshold t : thresholds) {
            merged.put(t.metric() + (t.min() ? ">" : "<"), t);
        }
        for (Threshold t : other.thresholds()) {
            merged.put(t.metric() + (t.min() ? ">" : "<"), t);
        }
        return new Gate(new ArrayList<>(merged.values()));
    }

    /** Checks every threshold against the report. */
    public GateResult check(EvaluationReport report) {
        JsonNode tree = ReportJson.toTree(report);
        List<GateResult.Check> checks = new ArrayList<>();
        boolean passed = true;
        for (Threshold t : thresholds) {
            double value = t.metric().equals(ATTACK_RISK) ? worstAttack(report.privacy()) : lookup(tree, t.metric());
            boolean ok = !Double.isNaN(value) && (t.min() ? value >= t.limit() : value <= t.limit());
            passed &= ok;
            checks.add(new GateResult.Check(t.metric(), t.min() ? "min" : "max", t.limit(), value, ok, t.privacy()));
        }
        return new GateResult(passed, checks);
    }

    /** One line per failed check, e.g. "privacy.dcr_share is 0.91, above the maximum 0.55". */
    public static List<String> failures(GateResult result) {
        List<String> lines = new ArrayList<>();
        for (GateResult.Check c : result.checks()) {
            if (!c.passed()) {
                lines.add(Double.isNaN(c.value())
                        ? c.metric() + " was not measured, so its " + (c.bound().equals("min") ? "minimum " : "maximum ")
                                + fmt(c.threshold()) + " cannot be confirmed"
                        : c.metric() + " is " + fmt(c.value()) + (c.bound().equals("min") ? ", under the minimum "
                                : ", above the maximum ") + fmt(c.threshold()));
            }
        }
        return lines;
    }

    static double worstAttack(PrivacyScores privacy) {
        if (privacy == null) {
            return Double.NaN;
        }
        double worst = Double.NaN;
        List<PrivacyScores.AttackResult> all = new ArrayList<>();
        if (privacy.singlingOut() != null) {
            all.add(privacy.singlingOut());
        }
        if (privacy.linkability() != null) {
            all.add(privacy.linkability());
        }
        if (privacy.inference() != null) {
            all.addAll(privacy.inference());
        }
        for (PrivacyScores.AttackResult a : all) {
            if (!Double.isNaN(a.risk()) && (Double.isNaN(worst) || a.risk() > worst)) {
                worst = a.risk();
            }
        }
        return worst;
    }

    private static double lookup(JsonNode tree, String key) {
        JsonNode node = tree;
        for (String part : key.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node != null && node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static String key(String name, String where) {
        String k = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        String alias = ALIASES.get(k);
        if (alias != null) {
            return alias;
        }
        if (k.startsWith("quality.") || k.startsWith("privacy.") || k.startsWith("constraints.")) {
            return k;
        }
        throw new UsageException(where + ": unknown gate metric '" + name + "' (use a report key such as"
                + " quality.overall, privacy.dcr_share or constraints.violations, or one of: " + String.join(", ", ALIASES.keySet()) + ")");
    }

    private static double checked(Double v, String name, String where) {
        if (v == null || Double.isNaN(v) || Double.isInfinite(v)) {
            throw new UsageException(where + ": the threshold of '" + name + "' must be a number");
        }
        return v;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    private static Map<String, String> aliases() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("quality", "quality.overall");
        m.put("overall", "quality.overall");
        m.put("column_shapes", "quality.column_shapes");
        m.put("shapes", "quality.column_shapes");
        m.put("column_pair_trends", "quality.column_pair_trends");
        m.put("pair_trends", "quality.column_pair_trends");
        m.put("missing_values", "quality.missing_values");
        m.put("pmse", "quality.propensity.pmse");
        m.put("s_pmse", "quality.propensity.s_pmse");
        m.put("auc", "quality.propensity.auc");
        m.put("ml_efficacy", "quality.ml_efficacy.synthetic");
        m.put("tstr", "quality.ml_efficacy.synthetic");
        m.put("exact_copy_rate", "privacy.exact_copy_rate");
        m.put("exact_copies", "privacy.exact_copy_rate");
        m.put("dcr_share", "privacy.dcr_share");
        m.put("singling_out", "privacy.singling_out.risk");
        m.put("linkability", "privacy.linkability.risk");
        m.put("attack_risk", ATTACK_RISK);
        m.put("k", "privacy.k_anonymity.k");
        m.put("k_anonymity", "privacy.k_anonymity.k");
        m.put("constraint_violations", "constraints.violations");
        m.put("violations", "constraints.violations");
        return java.util.Collections.unmodifiableMap(m);
    }
}
