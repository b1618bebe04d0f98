package dev.doppel.model.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.doppel.TestData;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.CopulaFitter;
import dev.doppel.model.FitSettings;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.SynthModel;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.FileDialect;
import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sampler finds a numeric predictor's level from the column's cuts (a binary search over 31 doubles) instead of
 * two reads of its cdf; the level must be the same for every value, or sampled rows would take other leaves than the
 * fitted trees meant. Checked on every numeric column of the shared datasets and of a made-up table with a spike,
 * missing cells, integers and decimals: at each training value, at each cut and the doubles either side of it, at
 * ±0, the extremes, and at 20,000 random values over and beyond each column's range.
 */
class LevelCutsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"made-up", "telco_churn.csv", "bank_marketing.csv", "adult.csv", "marketing_campaign.tsv",
        "mall_customers.csv", "people_pii_1000.csv", "customers_pii_10000.csv"})
    void aLevelFromTheCutsIsTheLevelFromTheCdf(String dataset) {
        RawTable table = dataset.equals("made-up") ? madeUp()
                : TableReaders.read(TestData.require(dataset), ReadOptions.DEFAULTS);
        List<ColumnSpec> specs = SchemaInference.infer(table, Map.of()).stream().map(ColumnProfile::spec).toList();
        SynthModel model = CopulaFitter.fit(table, specs, FitSettings.DEFAULTS, "test");
        int checked = 0;
        for (ColumnModel m : model.columns()) {
            if (!(m instanceof NumericColumn column)) {
                continue;
            }
            double[] cuts = Levels.cuts(column);
            List<Double> xs = new ArrayList<>(List.of(0.0, -0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN,
                    Double.MIN_VALUE, -Double.MIN_VALUE));
            for (double c : cuts) {
                if (Double.isFinite(c)) {
                    xs.addAll(List.of(c, Math.nextDown(c), Math.nextUp(c)));
                }
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (String cell : table.column(table.indexOf(column.name()))) {
                try {
                    double x = Double.parseDouble(cell);
                    xs.add(x);
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                } catch (RuntimeException notPlain) {
                    // a date or a spelled number: the random values below cover its range
                }
            }
            if (lo > hi) { // a date column: its range in epoch days
                lo = column.marginal().quantile(0.0001);
                hi = column.marginal().quantile(0.9999);
            }
            SplittableRandom r = new SplittableRandom(column.name().hashCode());
            double span = Math.max(1, hi - lo);
            for (int i = 0; i < 20_000; i++) {
                xs.add(lo - span + 3 * span * r.nextDouble());
            }
            for (double x : xs) {
                assertEquals(Levels.ofNumber(column, x), Levels.ofNumber(cuts, x), column.name() + " at " + x);
            }
            checked++;
        }
        assertEquals(true, checked > 0, "no numeric column");
    }

    /** Counts with a spike at 0, missing cells, decimals at scale 2 and a skewed integer column. */
    private static RawTable madeUp() {
        int n = 3_000;
        SplittableRandom r = new SplittableRandom(5);
        List<String> names = List.of("visits", "spend", "age");
        List<String[]> columns = new ArrayList<>();
        names.forEach(x -> columns.add(new String[n]));
        for (int i = 0; i < n; i++) {
            columns.get(0)[i] = r.nextDouble() < 0.4 ? "0" : Integer.toString(1 + (int) (-8 * Math.log(r.nextDouble())));
            columns.get(1)[i] = r.nextDouble() < 0.1 ? ""
                    : String.format(Locale.ROOT, "%.2f", Math.exp(3 + r.nextGaussian()));
            columns.get(2)[i] = Integer.toString(18 + (int) (60 * r.nextDouble() * r.nextDouble()));
        }
        return new RawTable("made-up", names, columns, List.of("", "", ""), FileDialect.RFC4180, new int[n]);
    }
}
