package dev.doppel.evaluate.utility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.TestData;
import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.QualityScores;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.RawTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole measure on a real public dataset: adult.csv cut at random into thirds A, B and C, B standing in for a
 * perfect synthetic table (a fresh sample of the same population). Skipped where the shared datasets are absent.
 */
class DatasetUtilityTest {
    @Test
    void adultThirdsLookAlikeAndPredictAlike() {
        RawTable all = TableReaders.read(TestData.require("adult.csv"), ReadOptions.DEFAULTS);
        List<ColumnSpec> specs = SchemaInference.infer(all, Map.of()).stream().map(ColumnProfile::spec).toList();
        int[] order = Tables.shuffled(all.rows(), 2026);
        int third = all.rows() / 3;
        RawTable a = Tables.rows(all, Tables.slice(order, 0, third));
        RawTable b = Tables.rows(all, Tables.slice(order, third, 2 * third));
        RawTable c = Tables.rows(all, Tables.slice(order, 2 * third, 3 * third));
        EncodedTable[] t = Tables.encode(specs, a, b, c);

        QualityScores.Propensity p = Propensity.measure(t[0], t[1], 7);
        assertThat(p.rows()).isEqualTo(2 * third);
        assertThat(p.parameters()).isBetween(60, 130); // 6 numbers + one-hot labels, native-country pooled at 30
        // two samples of one population: S_pMSE about 1 / (1 - c) = 2 (see PropensityTest), AUC about 1/2
        assertThat(p.sPmse()).isBetween(0.8, 3.5);
        assertThat(p.auc()).isBetween(0.48, 0.56);

        QualityScores.MlEfficacy m = MlEfficacy.measure(t[0], t[1], t[2], "class", 7);
        assertThat(m.task()).isEqualTo("classification");
        assertThat(m.testRows()).isEqualTo(third);
        assertThat(m.real()).isBetween(0.70, 0.85); // logistic regression on adult: macro F1 about 0.77
        assertThat(m.synthetic()).isCloseTo(m.real(), org.assertj.core.api.Assertions.within(0.03));

        QualityScores.MlEfficacy age = MlEfficacy.measure(t[0], t[1], t[2], "age", 7);
        assertThat(age.task()).isEqualTo("regression");
        assertThat(age.real()).isBetween(0.2, 0.6);
        assertThat(age.synthetic()).isCloseTo(age.real(), org.assertj.core.api.Assertions.within(0.03));
    }
}
