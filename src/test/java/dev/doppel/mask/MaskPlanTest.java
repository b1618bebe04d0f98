package dev.doppel.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.error.InputException;
import dev.doppel.privacy.Detection;
import dev.doppel.privacy.MaskAction;
import dev.doppel.privacy.PersonalData;
import dev.doppel.privacy.PrivacyRole;
import dev.doppel.profile.Profile;
import dev.doppel.profile.ProfileFile;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskPlanTest {
    private static final List<ColumnSpec> SPECS = List.of(
            ColumnSpec.of("email", ColumnKind.IDENTIFIER),
            ColumnSpec.of("city", ColumnKind.CATEGORICAL),
            ColumnSpec.of("age", ColumnKind.INTEGER),
            ColumnSpec.of("spend", ColumnKind.DECIMAL));
    private static final List<Detection> DETECTED = List.of(
            new Detection(PrivacyRole.DIRECT_IDENTIFIER, PersonalData.EMAIL, "header says e-mail", MaskAction.FAKE),
            new Detection(PrivacyRole.QUASI_IDENTIFIER, PersonalData.CITY, "header says city", MaskAction.GENERALISE),
            new Detection(PrivacyRole.QUASI_IDENTIFIER, PersonalData.AGE, "header says age", MaskAction.GENERALISE),
            Detection.none());

    private static MaskPlan plan(String yaml, MaskMode mode) {
        Profile profile = yaml == null ? null : ProfileFile.parse(yaml, "p.yaml");
        return MaskPlan.resolve(SPECS, DETECTED, profile, 5, mode, "p.yaml", yaml);
    }

    @Test
    void maskAppliesDetectionDefaultsToEveryDetectedColumn() {
        MaskPlan plan = plan(null, MaskMode.MASK);
        assertThat(plan.columns()).extracting(ColumnMask::action)
                .containsExactly(MaskAction.FAKE, MaskAction.GENERALISE, MaskAction.GENERALISE, MaskAction.KEEP);
        assertThat(plan.column("age").orElseThrow().level()).isEqualTo("5");
        assertThat(plan.column("city").orElseThrow().level()).isEqualTo("rare");
        assertThat(plan.quasiIdentifiers()).containsExactly("city", "age");
        assertThat(plan.k()).isZero();
        assertThat(plan.rareBelow()).isEqualTo(5);
    }

    @Test
    void synthesisMasksDirectIdentifiersButLearnsQuasiIdentifiersUnlessTold() {
        MaskPlan plan = plan(null, MaskMode.SYNTHESIS);
        assertThat(plan.columns()).extracting(ColumnMask::action)
                .containsExactly(MaskAction.FAKE, MaskAction.KEEP, MaskAction.KEEP, MaskAction.KEEP);
        MaskPlan told = plan("columns:\n  age: {action: generalise, level: \"10\"}\n", MaskMode.SYNTHESIS);
        assertThat(told.column("age").orElseThrow().action()).isEqualTo(MaskAction.GENERALISE);
        assertThat(told.column("age").orElseThrow().fromProfile()).isTrue();
    }

    @Test
    void aDetectedDirectIdentifierIsOnlyCopiedWithAnExplicitKeep() {
        MaskPlan roleOnly = plan("columns:\n  email: {role: other}\n", MaskMode.MASK);
        assertThat(roleOnly.column("email").orElseThrow().action()).isEqualTo(MaskAction.FAKE);
        MaskPlan keep = plan("columns:\n  email: {action: keep}\n", MaskMode.MASK);
        assertThat(keep.column("email").orElseThrow().action()).isEqualTo(MaskAction.KEEP);
    }

    @Test
    void profileCanDeclareADirectIdentifierDetectionMissed() {
        MaskPlan plan = plan("columns:\n  spend: {role: direct-identifier}\n", MaskMode.SYNTHESIS);
        assertThat(plan.column("spend").orElseThrow().action()).isEqualTo(MaskAction.PSEUDONYMISE);
    }

    @Test
    void skipMeansDrop() {
        MaskPlan plan = plan("columns:\n  spend: {skip: true}\n", MaskMode.MASK);
        assertThat(plan.column("spend").orElseThrow().action()).isEqualTo(MaskAction.DROP);
    }

    @Test
    void privacySectionSetsKAndQuasiIdentifiers() {
        MaskPlan plan = plan("privacy:\n  k: 10\n  quasi_identifiers: [age]\n  max_suppressed: 0.01\n  locale: de-DE\n",
                MaskMode.MASK);
        assertThat(plan.k()).isEqualTo(10);
        assertThat(plan.rareBelow()).isEqualTo(10);
        assertThat(plan.quasiIdentifiers()).containsExactly("age");
        assertThat(plan.maxSuppressed()).isEqualTo(0.01);
        assertThat(plan.locale()).isEqualTo("de-DE");
        assertThat(plan.keyEnv()).isEqualTo("DOPPEL_KEY");
    }

    @Test
    void badSettingsNameTheColumnAndLine() {
        assertThatThrownBy(() -> plan("columns:\n  spend: {action: shred}\n", MaskMode.MASK))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line 2").hasMessageContaining("'spend'").hasMessageContaining("unknown action");
        assertThatThrownBy(() -> plan("columns:\n  spend: {action: fake}\n", MaskMode.MASK))
                .isInstanceOf(InputException.class).hasMessageContaining("add as:");
        assertThatThrownBy(() -> plan("columns:\n  spend: {action: generalise}\n", MaskMode.MASK))
                .isInstanceOf(InputException.class).hasMessageContaining("needs a level");
        assertThatThrownBy(() -> plan("columns:\n  spend: {level: \"10\"}\n", MaskMode.MASK))
                .isInstanceOf(InputException.class).hasMessageContaining("only applies to action: generalise");
        assertThatThrownBy(() -> plan("privacy:\n  k: 1\n", MaskMode.MASK))
                .isInstanceOf(InputException.class).hasMessageContaining("privacy.k");
        assertThatThrownBy(() -> plan("privacy:\n  quasi_identifiers: [email]\n", MaskMode.MASK))
                .isInstanceOf(InputException.class).hasMessageContaining("direct identifier");
        assertThatThrownBy(() -> plan("privacy:\n  quasi_identifiers: [nope]\n", MaskMode.MASK))
                .isInstanceOf(InputException.class).hasMessageContaining("not in the data");
    }

    @Test
    void pseudonymiseAndGeneraliseAcceptAmericanSpelling() {
        MaskPlan plan = plan("columns:\n  email: {action: pseudonymize}\n  age: {action: generalize, level: \"10\"}\n",
                MaskMode.MASK);
        assertThat(plan.column("email").orElseThrow().action()).isEqualTo(MaskAction.PSEUDONYMISE);
        assertThat(plan.column("age").orElseThrow().action()).isEqualTo(MaskAction.GENERALISE);
        assertThat(plan.needsKey()).isTrue();
    }
}
