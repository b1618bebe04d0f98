package dev.doppel.evaluate.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.TestData;
import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.PrivacyScores;
import dev.doppel.evaluate.PrivacyScores.AttackResult;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.privacy.PrivacyRole;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.SchemaInference;
import dev.doppel.table.RawTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * adult.csv split at random into halves, training and hold-out; the "synthetic" table is the training half with each
 * column shuffled on its own (exact marginals, no row kept whole), a crude generator. Distances, linkability and
 * inference see nothing; singling out does, rightly: a shuffle keeps every rare value of every column (a lone
 * {@code fnlwgt}, say), so "column = v" predicates that single out a synthetic row single out a training person far
 * more often than an unseen one (risk about 0.25-0.30 over several seeds).
 */
class RealDatasetPrivacyTest {

    @Test
    void adultHalvesAndAColumnShuffleKeepNoRowButSingleOutByRareValues() {
        RawTable adult = TableReaders.read(TestData.require("adult.csv"), ReadOptions.DEFAULTS);
        List<ColumnProfile> profiles = SchemaInference.infer(adult, Map.of());
        int[] order = shuffled(adult.rows(), new SplittableRandom(3));
        int half = adult.rows() / 2;
        RawTable training = rows(adult, Arrays.copyOfRange(order, 0, half), null);
        RawTable holdout = rows(adult, Arrays.copyOfRange(order, half, adult.rows()), null);
        RawTable synthetic = rows(adult, Arrays.copyOfRange(order, 0, half), new SplittableRandom(4));
        Map<String, PrivacyRole> roles = Map.of("age", PrivacyRole.QUASI_IDENTIFIER, "sex",
                PrivacyRole.QUASI_IDENTIFIER, "race", PrivacyRole.QUASI_IDENTIFIER, "native-country",
                PrivacyRole.QUASI_IDENTIFIER, "marital-status", PrivacyRole.QUASI_IDENTIFIER);
        TableEncoder encoder = new TableEncoder(EvalSchema.of(profiles.stream().map(ColumnProfile::spec).toList(),
                roles));
        EncodedTable t = encoder.encodeReal(training);
        EncodedTable s = encoder.encode(synthetic);
        EncodedTable h = encoder.encode(holdout);

        PrivacyScores scores = PrivacyEvaluation.measure(t, s, h,
                PrivacyEvaluation.Settings.defaults(1).withMaxRows(1_500).withAttacks(250));

        assertThat(scores.dcr().synthetic().rows()).isEqualTo(1_500);
        assertThat(scores.exactCopyRate()).isLessThan(0.01);
        assertThat(scores.dcrShare()).isBetween(0.3, 0.7);
        assertThat(scores.dcr().synthetic().median()).isGreaterThan(scores.dcr().holdout().median());
        assertThat(scores.kAnonymity().quasiIdentifiers()).hasSize(5);
        assertThat(scores.kAnonymity().k()).isGreaterThanOrEqualTo(1);
        assertThat(scores.singlingOut().riskLow()).isGreaterThan(0.05);
        List<AttackResult> attacks = new ArrayList<>(List.of(scores.linkability()));
        attacks.addAll(scores.inference());
        assertThat(scores.inference()).hasSize(3);
        for (AttackResult a : attacks) {
            assertThat(a.attacks()).as(a.name()).isPositive();
            assertThat(a.risk()).as(a.name()).isBetween(-1.0, 1.0);
            assertThat(a.riskLow()).as(a.name()).isLessThan(0.1);
        }
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The given rows; with a random source, each column's cells are shuffled on their own. */
    private static RawTable rows(RawTable table, int[] rows, SplittableRandom shuffle) {
        List<String[]> columns = new ArrayList<>();
        for (int j = 0; j < table.columnCount(); j++) {
            int[] picked = shuffle == null ? rows : permute(rows, shuffle);
            String[] cells = new String[picked.length];
            for (int i = 0; i < picked.length; i++) {
                cells[i] = table.column(j)[picked[i]];
            }
            columns.add(cells);
        }
        return new RawTable(table.source(), table.names(), columns, table.missingMarkers(), table.dialect(),
                new int[rows.length]);
    }

    private static int[] permute(int[] rows, SplittableRandom random) {
        int[] p = rows.clone();
        for (int i = p.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
