package dev.doppel.evaluate.risk;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.privacy.PrivacyRole;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.table.FileDialect;
import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Test tables: hand-written ones from string cells, and random draws from one known mixed distribution (numbers,
 * labels, missing cells, some correlation), so independent samples of the same population can be compared.
 */
final class MixedTables {
    static final List<ColumnSpec> SPECS = List.of(
            ColumnSpec.of("age", ColumnKind.INTEGER),
            ColumnSpec.of("income", ColumnKind.DECIMAL),
            ColumnSpec.of("city", ColumnKind.CATEGORICAL),
            ColumnSpec.of("plan", ColumnKind.CATEGORICAL),
            ColumnSpec.of("visits", ColumnKind.INTEGER),
            ColumnSpec.of("segment", ColumnKind.CATEGORICAL));
    private static final String[] CITIES = {"north", "south", "east", "west", "centre", "harbour", "hill", "lake"};
    private static final String[] PLANS = {"basic", "plus", "pro"};

    private MixedTables() {}

    /** A raw table from column names and columns of cells (null = missing). */
    static RawTable raw(List<String> names, List<String[]> columns) {
        List<String> markers = new ArrayList<>();
        names.forEach(n -> markers.add(""));
        int rows = columns.isEmpty() ? 0 : columns.get(0).length;
        return new RawTable("test", names, columns, markers, FileDialect.RFC4180, new int[rows]);
    }

    /** {@code n} rows drawn from the known distribution, with {@code seed}. */
    static RawTable sample(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String[]> columns = new ArrayList<>();
        for (int j = 0; j < SPECS.size(); j++) {
            columns.add(new String[n]);
        }
        for (int i = 0; i < n; i++) {
            int age = (int) Math.round(Math.max(18, Math.min(90, 42 + 13 * normal(r))));
            double income = Math.exp(10 + 0.5 * normal(r) + 0.01 * (age - 42));
            int city = Math.min(CITIES.length - 1, (int) Math.floor(Math.abs(normal(r)) * 2.5));
            int plan = income > 30_000 ? (r.nextDouble() < 0.6 ? 2 : 1) : r.nextInt(2);
            int visits = (int) Math.floor(-Math.log(1 - r.nextDouble()) * 6);
            columns.get(0)[i] = r.nextDouble() < 0.03 ? null : Integer.toString(age);
            columns.get(1)[i] = r.nextDouble() < 0.05 ? null : String.format(Locale.ROOT, "%.2f", income);
            columns.get(2)[i] = CITIES[city];
            columns.get(3)[i] = r.nextDouble() < 0.02 ? null : PLANS[plan];
            columns.get(4)[i] = Integer.toString(visits);
            columns.get(5)[i] = (age < 35 ? "young-" : "older-") + (visits > 5 ? "active" : "quiet");
        }
        return raw(SPECS.stream().map(ColumnSpec::name).toList(), columns);
    }

    private static double normal(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /** Training, synthetic and hold-out (null when absent) encoded with one schema. */
    record Encoded(EncodedTable training, EncodedTable synthetic, EncodedTable holdout) {}

    static Encoded encode(Map<String, PrivacyRole> roles, RawTable training, RawTable synthetic, RawTable holdout) {
        TableEncoder encoder = new TableEncoder(EvalSchema.of(SPECS, roles));
        EncodedTable t = encoder.encodeReal(training);
        return new Encoded(t, encoder.encode(synthetic), holdout == null ? null : encoder.encode(holdout));
    }
}
