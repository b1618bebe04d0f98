package dev.doppel.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.model.ColumnModel;
import dev.doppel.model.CopulaFitter;
import dev.doppel.model.FitSettings;
import dev.doppel.model.NumericColumn;
import dev.doppel.model.SynthModel;
import dev.doppel.model.tree.ColumnTree;
import dev.doppel.model.tree.Levels;
import dev.doppel.model.tree.TreeFitter;
import dev.doppel.model.tree.TreeSettings;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What the tree-sampling tests read off a model and one of its sampled batches. */
final class SampledTrees {
    private SampledTrees() {}

    /** Writes {@code csv} to {@code file} and fits the tree model on it (inferred columns, default k, 2 threads). */
    static SynthModel fitTree(Path file, String csv, TreeSettings settings) throws IOException {
        Files.writeString(file, csv);
        RawTable t = TableReaders.read(file, ReadOptions.DEFAULTS);
        List<ColumnSpec> specs = SchemaInference.infer(t, Map.of()).stream().map(ColumnProfile::spec).toList();
        SynthModel copula = CopulaFitter.fit(t, specs, FitSettings.DEFAULTS, "test");
        return TreeFitter.fit(copula, t, specs, settings, 2);
    }

    /** The tree that draws {@code column}. */
    static ColumnTree tree(SynthModel model, String column) {
        return model.trees().trees().stream().filter(t -> t.column().equals(column)).findFirst().orElseThrow();
    }

    /** The model column named {@code name}. */
    static int column(SynthModel model, String name) {
        List<ColumnModel> columns = model.columns();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name);
    }

    /** Batch 0 of a stratified output of {@code rows} rows, drawn with {@code seed}. */
    static Batch draw(SynthModel model, long seed, int rows) {
        RowSampler sampler = new RowSampler(model, seed, Map.of(), rows);
        assertTrue(sampler.stratified());
        Batch batch = sampler.newBatch(rows);
        sampler.fill(batch, 0, 0, rows);
        return batch;
    }

    /** Each of the batch's first {@code rows} rows' leaf in {@code tree}, walked with its sampled predictor levels. */
    static int[] leaves(SynthModel model, ColumnTree tree, Batch batch, int rows) {
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            int node = 0;
            while (tree.feature()[node] >= 0) {
                int c = column(model, tree.predictors().get(tree.feature()[node]));
                ColumnModel m = model.columns().get(c);
                int level = m instanceof NumericColumn num ? Levels.ofNumber(num, batch.numbers(c)[r])
                        : Levels.ofCode(batch.codes(c)[r]);
                node = ColumnTree.goesLeft(tree.left()[node], level) ? tree.next()[node] : tree.next()[node] + 1;
            }
            out[r] = tree.next()[node];
        }
        return out;
    }

    /** sup |F_n − F| of a sample (sorted in place) against a column's distribution of present values. */
    static double kolmogorov(double[] x, NumericColumn column) {
        Arrays.sort(x);
        double d = 0;
        for (int i = 0; i < x.length; i++) {
            double f = column.cdf(x[i]);
            d = Math.max(d, Math.max((i + 1.0) / x.length - f, f - (double) i / x.length));
        }
        return d;
    }
}
