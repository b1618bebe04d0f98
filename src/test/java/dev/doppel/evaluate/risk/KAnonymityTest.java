package dev.doppel.evaluate.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.doppel.evaluate.EncodedTable;
import dev.doppel.evaluate.EvalSchema;
import dev.doppel.evaluate.PrivacyScores.KAnonymityResult;
import dev.doppel.evaluate.TableEncoder;
import dev.doppel.privacy.PrivacyRole;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KAnonymityTest {
    private static final List<ColumnSpec> SPECS = List.of(ColumnSpec.of("zip", ColumnKind.CATEGORICAL),
            ColumnSpec.of("age", ColumnKind.INTEGER), ColumnSpec.of("spend", ColumnKind.DECIMAL));

    /** Rows as "zip,age" pairs repeated by count; spend (not a quasi-identifier) differs on every row. */
    private static List<String[]> rows(Object... pairAndCount) {
        List<String> zip = new ArrayList<>();
        List<String> age = new ArrayList<>();
        for (int i = 0; i < pairAndCount.length; i += 2) {
            String[] pair = ((String) pairAndCount[i]).split(",", -1);
            for (int c = 0; c < (Integer) pairAndCount[i + 1]; c++) {
                zip.add(pair[0].isEmpty() ? null : pair[0]);
                age.add(pair[1].isEmpty() ? null : pair[1]);
            }
        }
        String[] spend = new String[zip.size()];
        for (int i = 0; i < spend.length; i++) {
            spend[i] = Integer.toString(i);
        }
        return List.of(zip.toArray(String[]::new), age.toArray(String[]::new), spend);
    }

    private static KAnonymityResult measure(Map<String, PrivacyRole> roles, List<String[]> training,
            List<String[]> synthetic) {
        TableEncoder encoder = new TableEncoder(EvalSchema.of(SPECS, roles));
        List<String> names = List.of("zip", "age", "spend");
        EncodedTable t = encoder.encodeReal(MixedTables.raw(names, training));
        EncodedTable s = encoder.encode(MixedTables.raw(names, synthetic));
        return KAnonymity.measure(s, t);
    }

    @Test
    void findsTheSmallestClassAndTheRowsInSmallClasses() {
        Map<String, PrivacyRole> roles = Map.of("zip", PrivacyRole.QUASI_IDENTIFIER, "age",
                PrivacyRole.QUASI_IDENTIFIER);
        // training: (A,30) once, (B,40) once, (A,31) three times
        List<String[]> training = rows("A,30", 1, "B,40", 1, "A,31", 3);
        // synthetic classes: (A,30) x2, (B,40) x1, (A,31) x6, (C,,) x4 (age missing twice counts as one class)
        List<String[]> synthetic = rows("A,30", 2, "B,40", 1, "A,31", 6, "C,", 4);
        KAnonymityResult r = measure(roles, training, synthetic);
        assertThat(r.quasiIdentifiers()).containsExactly("zip", "age");
        assertThat(r.k()).isEqualTo(1);
        assertThat(r.classes()).isEqualTo(4);
        assertThat(r.shareBelow5()).isCloseTo((2 + 1 + 4) / 13.0, within(1e-12));
        // (A,30) and (B,40) are unique in training: 3 synthetic rows repeat them
        assertThat(r.trainingMatches()).isCloseTo(3 / 13.0, within(1e-12));
    }

    @Test
    void numbersFormClassesOnlyWhenEqual() {
        Map<String, PrivacyRole> roles = Map.of("age", PrivacyRole.QUASI_IDENTIFIER);
        KAnonymityResult r = measure(roles, rows("A,30", 5), rows("A,30", 5, "A,30.5", 5, "A,31", 1));
        assertThat(r.k()).isEqualTo(1);
        assertThat(r.classes()).isEqualTo(3);
        assertThat(r.trainingMatches()).isZero();
    }

    @Test
    void withoutQuasiIdentifiersNothingIsMeasured() {
        KAnonymityResult r = measure(Map.of(), rows("A,30", 1), rows("A,30", 1));
        assertThat(r.quasiIdentifiers()).isEmpty();
        assertThat(r.k()).isZero();
        assertThat(r.classes()).isZero();
    }
}
