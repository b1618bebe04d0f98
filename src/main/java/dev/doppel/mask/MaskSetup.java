package dev.doppel.mask;

import dev.doppel.mask.fake.Fakes;
import dev.doppel.mask.fake.LocaleGuess;
import dev.doppel.mask.pseudo.PseudonymKey;
import dev.doppel.mask.pseudo.Pseudonymiser;
import dev.doppel.error.InputException;
import dev.doppel.privacy.MaskAction;
import dev.doppel.privacy.PersonalData;
import dev.doppel.table.RawTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table-wide pieces masking needs besides the plan: the locale of the fakes and the pseudonymisation key.
 *
 * @param locale the fakes' locale
 * @param localeChoice the locale and how it was chosen, for the manifest
 * @param secret the pseudonymisation key; null when nothing is pseudonymised (its toString shows only its id)
 * @param pseudonymiser null when nothing is pseudonymised
 * @param key where the key came from and its non-secret id; null when nothing is pseudonymised
 */
public record MaskSetup(
        Locale locale,
        PrivacyManifest.LocaleChoice localeChoice,
        PseudonymKey secret,
        Pseudonymiser pseudonymiser,
        PrivacyManifest.Key key) {

    /** The pseudonym domain: one for every column and file, so that joins across tables still work. */
    public static final String DOMAIN = "doppel";

    /** Names at least this share of which come from one locale's vocabulary decide the locale. */
    static final double GUESS_SHARE = 0.3;

    /**
     * @param plan the masking plan
     * @param sample rows to guess the locale from (names are read, never kept)
     * @param where the profile's name, for messages
     * @param pseudonymise true when real values are pseudonymised here (mask), so the key is needed; run makes up
     *     fresh ids instead and needs none
     */
    public static MaskSetup of(MaskPlan plan, RawTable sample, String where, boolean pseudonymise) {
        Locale locale;
        PrivacyManifest.LocaleChoice choice;
        if (plan.locale() != null) {
            try {
                locale = new Locale.Builder().setLanguageTag(plan.locale()).build();
            } catch (IllformedLocaleException e) {
                throw new InputException(where + ": privacy.locale must be a language tag such as de-DE or en-US");
            }
            choice = new PrivacyManifest.LocaleChoice(locale.toLanguageTag(), "profile");
        } else {
            Optional<LocaleGuess.Guess> guess = guess(plan, sample);
            if (guess.isPresent()) {
                locale = guess.get().locale();
                choice = new PrivacyManifest.LocaleChoice(locale.toLanguageTag(), String.format(Locale.ROOT,
                        "guessed: %.0f%% of the names are in its vocabulary", 100 * guess.get().share()));
            } else {
                locale = Locale.US;
                choice = new PrivacyManifest.LocaleChoice(locale.toLanguageTag(), "default (no names to guess from)");
            }
        }
        Pseudonymiser pseudonymiser = null;
        PrivacyManifest.Key key = null;
        PseudonymKey secret = null;
        boolean keySet = plan.keyFile() != null || System.getenv(plan.keyEnv()) != null;
        boolean asked = plan.columns().stream().anyMatch(c -> c.action() == MaskAction.PSEUDONYMISE && c.fromProfile());
        // A profile that asks for pseudonyms by name needs the key (they must join across files); detection's
        // proposal without a key gets one derived from the seed and the input (see MaskingStage).
        if (pseudonymise && plan.needsKey() && (keySet || asked)) {
            String source;
            if (plan.keyFile() != null) {
                secret = PseudonymKey.fromFile(Path.of(plan.keyFile()));
                source = "key file " + Path.of(plan.keyFile()).getFileName();
            } else {
                secret = PseudonymKey.fromEnvironment(plan.keyEnv());
                source = "environment variable " + plan.keyEnv();
            }
            pseudonymiser = Pseudonymiser.of(secret, DOMAIN);
            key = new PrivacyManifest.Key(source, secret.id());
        }
        return new MaskSetup(locale, choice, secret, pseudonymiser, key);
    }

    public Fakes fakes() {
        return Fakes.of(locale);
    }

    private static Optional<LocaleGuess.Guess> guess(MaskPlan plan, RawTable sample) {
        List<String> first = new ArrayList<>();
        List<String> last = new ArrayList<>();
        for (ColumnMask m : plan.columns()) {
            if (m.action() == MaskAction.KEEP || m.action() == MaskAction.DROP) {
                continue;
            }
            int c = sample.indexOf(m.name());
            if (c < 0) {
                continue;
            }
            List<String> into = m.what() == PersonalData.FIRST_NAME ? first
                    : m.what() == PersonalData.LAST_NAME ? last : null;
            if (m.what() == PersonalData.FULL_NAME) {
                for (String v : sample.column(c)) {
                    if (v != null) {
                        String[] parts = v.trim().split("\\s+");
                        if (parts.length >= 2) {
                            first.add(parts[0]);
                            last.add(parts[parts.length - 1]);
                        }
                    }
                }
            } else if (into != null) {
                for (String v : sample.column(c)) {
                    if (v != null) {
                        into.add(v);
                    }
                }
            }
        }
        if (first.isEmpty() && last.isEmpty()) {
            return Optional.empty();
        }
        return LocaleGuess.fromNames(first, last).filter(g -> g.share() >= GUESS_SHARE);
    }
}
