package dev.doppel.mask;

import dev.doppel.privacy.MaskAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link PrivacyManifest} of a run or a mask from what was settled and counted. */
public final class PrivacyManifests {
    private PrivacyManifests() {}

    /**
     * @param command "run" or "mask"
     * @param version Doppel's version
     * @param input the input file
     * @param rows rows read
     * @param columns columns read
     * @param output the data file written
     * @param profileName the profile's path, or null
     * @param profileText the profile's text, or null
     * @param seed the seed
     * @param plan the masking plan
     * @param setup the locale and key
     * @param stage the stage that masked (suppressed cells, k-anonymity); null when none ran
     */
    public static PrivacyManifest of(
            String command,
            String version,
            Path input,
            long rows,
            int columns,
            Path output,
            String profileName,
            String profileText,
            long seed,
            MaskPlan plan,
            MaskSetup setup,
            MaskingStage stage) {
        List<PrivacyManifest.Column> entries = new ArrayList<>();
        for (int c = 0; c < plan.columns().size(); c++) {
            ColumnMask m = plan.columns().get(c);
            Map<String, String> parameters = new LinkedHashMap<>();
            if (m.action() == MaskAction.GENERALISE) {
                parameters.put("level", m.level());
            }
            if (m.action() == MaskAction.SUPPRESS || "rare".equals(m.level())) {
                parameters.put("rare_below", Integer.toString(plan.rareBelow()));
            }
            if (m.action() == MaskAction.FAKE) {
                parameters.put("as", m.what().key());
                parameters.put("locale", setup.locale().toLanguageTag());
            }
            if (m.action() == MaskAction.PSEUDONYMISE) {
                if (m.what() != null) {
                    parameters.put("as", m.what().key());
                }
                if (command.equals("mask")) {
                    String style = stage.pseudonymStyle(c);
                    parameters.put("style", style);
                    parameters.put("method", style.startsWith("vocabulary") ? "HMAC-SHA256 keyed choice of a word"
                            : "SipHash-2-4 keyed format-preserving permutation (v2)");
                    parameters.put("key_id", (setup.key() != null ? setup.key() : stage.derivedKey()).id());
                } else {
                    parameters.put("style", "fresh ids of the same shape (synthetic rows have no real value)");
                }
            }
            if (m.note() != null) {
                parameters.put("note", m.note());
            }
            entries.add(new PrivacyManifest.Column(m.name(), m.role().key(), m.what() == null ? null : m.what().key(),
                    m.action().key(), parameters, m.fromProfile() ? "profile" : "detection",
                    m.evidence().isEmpty() ? null : m.evidence(), stage == null ? 0 : stage.suppressedCells(c)));
        }
        return new PrivacyManifest(PrivacyManifest.FORMAT, PrivacyManifest.VERSION, "doppel " + version, command,
                new PrivacyManifest.Input(input.getFileName().toString(), rows, columns),
                output.getFileName().toString(),
                profileName == null ? null : new PrivacyManifest.ProfileRef(
                        Path.of(profileName).getFileName().toString(), PrivacyManifest.sha256(profileText)),
                seed, setup.localeChoice(), setup.key() != null ? setup.key() : stage == null ? null : stage.derivedKey(),
                stage == null ? null : stage.kAnonymity(), entries);
    }
}
