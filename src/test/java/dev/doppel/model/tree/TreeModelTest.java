package dev.doppel.model.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.doppel.TestData;
import dev.doppel.generate.condition.Audience;
import dev.doppel.io.ModelFile;
import dev.doppel.io.OutputFormat;
import dev.doppel.io.ParquetBatchWriter.Compression;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.model.CopulaFitter;
import dev.doppel.model.FitSettings;
import dev.doppel.model.SynthModel;
import dev.doppel.pipeline.Progress;
import dev.doppel.pipeline.SampleRequest;
import dev.doppel.pipeline.Sampling;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.RawTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sequential tree model on real data: what it keeps that the copula cannot, its leaves, and its determinism. */
class TreeModelTest {
    @TempDir
    Path dir;

    private static RawTable telco() {
        return TableReaders.read(TestData.require("telco_churn.csv"), ReadOptions.DEFAULTS);
    }

    private static List<ColumnSpec> specs(RawTable t) {
        return SchemaInference.infer(t, Map.of()).stream().map(ColumnProfile::spec).toList();
    }

    private static SynthModel tree(RawTable t, List<ColumnSpec> specs, int threads) {
        SynthModel copula = CopulaFitter.fit(t, specs, FitSettings.DEFAULTS, "test");
        return TreeFitter.fit(copula, t, specs, TreeSettings.defaults(5), threads);
    }

    private RawTable sample(SynthModel model, int rows, int threads, String name, Audience audience) {
        Path out = dir.resolve(name);
        Sampling.run(new SampleRequest(model, rows, 7, threads, OutputFormat.CSV, Compression.SNAPPY, out, true,
                Map.of(), audience), Progress.NONE);
        return TableReaders.read(out, ReadOptions.DEFAULTS);
    }

    @Test
    void leavesHoldAtLeastMinLeafRowsAndGroupsAtLeastKScores() {
        RawTable t = telco();
        SynthModel model = tree(t, specs(t), 2);
        int minLeaf = TreeSettings.automaticMinLeaf(t.rows(), 5);
        assertEquals(Math.round(Math.sqrt(t.rows())), minLeaf); // 7,043 rows: 84
        int leaves = 0;
        for (ColumnTree tree : model.trees().trees()) {
            for (ColumnTree.Leaf leaf : tree.leaves()) {
                leaves++;
                assertTrue(leaf.rows() >= minLeaf, tree.column() + ": a leaf of " + leaf.rows() + " rows");
                for (int w : leaf.weight()) {
                    assertTrue(w >= 5, tree.column() + ": a group of " + w + " scores");
                }
            }
        }
        assertTrue(leaves > model.trees().trees().size(), "the trees split at all");
    }

    /**
     * TotalCharges is nearly MonthlyCharges × tenure: the trees keep that interaction, which a copula (monotone
     * dependence only) loses. Measured as the share of rows where TotalCharges is within 25% of the product.
     */
    @Test
    void keepsTheInteractionTheCopulaLoses() {
        RawTable t = telco();
        List<ColumnSpec> specs = specs(t);
        double real = productShare(t);
        SynthModel copula = CopulaFitter.fit(t, specs, FitSettings.DEFAULTS, "test");
        double fromCopula = productShare(sample(copula, 20_000, 2, "copula.csv", Audience.none()));
        double fromTrees = productShare(sample(tree(t, specs, 2), 20_000, 2, "tree.csv", Audience.none()));
        assertTrue(real > 0.9, "real share " + real);
        assertTrue(fromTrees > fromCopula + 0.1, "trees " + fromTrees + " vs copula " + fromCopula);
        assertTrue(fromTrees > 0.6, "trees " + fromTrees);
    }

    private static double productShare(RawTable t) {
        String[] monthly = t.column(t.names().indexOf("MonthlyCharges"));
        String[] tenure = t.column(t.names().indexOf("tenure"));
        String[] total = t.column(t.names().indexOf("TotalCharges"));
        int near = 0;
        int counted = 0;
        for (int r = 0; r < t.rows(); r++) {
            if (monthly[r] == null || tenure[r] == null || total[r] == null || Double.parseDouble(tenure[r]) == 0) {
                continue;
            }
            double product = Double.parseDouble(monthly[r]) * Double.parseDouble(tenure[r]);
            counted++;
            near += Math.abs(Double.parseDouble(total[r]) - product) <= 0.25 * product ? 1 : 0;
        }
        return (double) near / counted;
    }

    @Test
    void sameSeedSameBytesWhateverTheThreadsAndThroughTheModelFile() throws Exception {
        RawTable t = telco();
        List<ColumnSpec> specs = specs(t);
        SynthModel one = tree(t, specs, 1);
        SynthModel two = tree(t, specs, 2);
        Path file = dir.resolve("model.json");
        ModelFile.write(two, file, true);
        SynthModel read = ModelFile.read(file);
        sample(one, 20_000, 1, "a.csv", Audience.none());
        sample(read, 20_000, 2, "b.csv", Audience.none());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.csv")), Files.readAllBytes(dir.resolve("b.csv")));
        assertEquals("tree", read.kind());
    }

    @Test
    void whereHoldsInEveryRowAndTheRestFollowsTheCondition() {
        RawTable t = telco();
        SynthModel model = tree(t, specs(t), 2);
        RawTable out = sample(model, 5_000, 2, "where.csv",
                Audience.compile(model, "Contract = 'Two year'", null));
        String[] contract = out.column(out.names().indexOf("Contract"));
        for (String c : contract) {
            assertEquals("Two year", c);
        }
        // churn among real two-year customers is about 3%, overall 27%: the conditioned rows follow the former
        double churn = share(out, "Churn", "Yes");
        assertTrue(churn < 0.08, "churn share " + churn);
    }

    /** The share of a column's cells that hold {@code label}. */
    static double share(RawTable t, String column, String label) {
        String[] cells = t.column(t.names().indexOf(column));
        int n = 0;
        for (String c : cells) {
            n += label.equals(c) ? 1 : 0;
        }
        return (double) n / cells.length;
    }
}
