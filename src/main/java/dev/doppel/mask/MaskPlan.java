package dev.doppel.mask;

import dev.doppel.error.InputException;
import dev.doppel.privacy.Detection;
import dev.doppel.privacy.MaskAction;
import dev.doppel.privacy.PersonalData;
import dev.doppel.privacy.PrivacyRole;
import dev.doppel.profile.Profile;
import dev.doppel.profile.ProfileFile;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What masking does with every column of a table, and the table-wide settings: detection's proposals, overridden by
 * the profile, checked for consistency. Safe by default: a column detected as a direct identifier is faked or
 * pseudonymised unless the profile gives it an action of its own, and only {@code action: keep} copies it.
 *
 * @param columns one entry per input column, in file order
 * @param k the k-anonymity to enforce over {@link #quasiIdentifiers()}; 0 when none is asked for
 * @param quasiIdentifiers the columns k-anonymity is counted (and, with k, enforced) over
 * @param maxSuppressed the largest share of rows whose quasi-identifiers may be suppressed
 * @param rareBelow values seen in fewer rows than this count as rare (generalise level "rare" and suppress)
 * @param locale the locale the profile asks for (e.g. "de-DE"); null to guess it from the data
 * @param keyEnv the environment variable holding the pseudonymisation key
 * @param keyFile the file holding the pseudonymisation key; null to use {@link #keyEnv()}
 */
public record MaskPlan(
        List<ColumnMask> columns,
        int k,
        List<String> quasiIdentifiers,
        double maxSuppressed,
        int rareBelow,
        String locale,
        String keyEnv,
        String keyFile) {

    /** The environment variable the key is read from unless the profile names another. */
    public static final String DEFAULT_KEY_ENV = "DOPPEL_KEY";
    /** The share of rows whose quasi-identifiers k-anonymity may suppress, unless the profile says otherwise. */
    public static final double DEFAULT_MAX_SUPPRESSED = 0.05;

    /** Kinds {@code fake} can make up. */
    public static final Set<PersonalData> FAKEABLE = EnumSet.of(
            PersonalData.EMAIL, PersonalData.PHONE, PersonalData.IBAN, PersonalData.CARD_NUMBER,
            PersonalData.IP_ADDRESS, PersonalData.FIRST_NAME, PersonalData.LAST_NAME, PersonalData.FULL_NAME,
            PersonalData.COMPANY, PersonalData.STREET_ADDRESS, PersonalData.WEBSITE, PersonalData.CUSTOMER_ID,
            PersonalData.RECORD_ID, PersonalData.CITY, PersonalData.POSTCODE, PersonalData.COUNTRY,
            PersonalData.JOB_TITLE);

    public MaskPlan {
        columns = List.copyOf(columns);
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
    }

    /** The entry for a column name; absent for unknown names. */
    /** Each column's privacy role, by name. */
    public java.util.Map<String, dev.doppel.privacy.PrivacyRole> roles() {
        java.util.Map<String, dev.doppel.privacy.PrivacyRole> roles = new java.util.HashMap<>();
        for (ColumnMask m : columns) {
            roles.put(m.name(), m.role());
        }
        return roles;
    }

    public Optional<ColumnMask> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** True when any column is pseudonymised, so a key is needed. */
    public boolean needsKey() {
        return columns.stream().anyMatch(c -> c.action() == MaskAction.PSEUDONYMISE);
    }

    /**
     * Resolves the plan.
     *
     * @param specs the columns' specs (after the profile's kind overrides)
     * @param detections detection's result, one per column
     * @param profile the profile, or null for detection's defaults only
     * @param minGroup the model's k (min_group), used as the rare-value threshold when the profile sets no k
     * @param mode run or mask: decides the defaults for columns the profile leaves alone
     * @param profileName the profile's file name, for messages
     * @param profileText the profile's text, for line numbers in messages (may be null)
     */
    public static MaskPlan resolve(
            List<ColumnSpec> specs,
            List<Detection> detections,
            Profile profile,
            int minGroup,
            MaskMode mode,
            String profileName,
            String profileText) {
        Map<String, Profile.Column> entries = profile == null ? Map.of() : profile.columns();
        Profile.Privacy privacy = profile == null ? new Profile.Privacy(null, null, null, null, null, null) : profile.privacy();
        List<ColumnMask> masks = new ArrayList<>(specs.size());
        for (int c = 0; c < specs.size(); c++) {
            ColumnSpec spec = specs.get(c);
            masks.add(column(spec, detections.get(c), entries.get(spec.name()), mode,
                    where(profileName, profileText, spec.name())));
        }
        int k = privacy.k() == null ? 0 : privacy.k();
        if (privacy.k() != null && k < 2) {
            throw new InputException(profileName + ": privacy.k must be at least 2 (k = 1 protects no one)");
        }
        double maxSuppressed = privacy.maxSuppressed() == null ? DEFAULT_MAX_SUPPRESSED : privacy.maxSuppressed();
        if (!(maxSuppressed >= 0 && maxSuppressed <= 1)) {
            throw new InputException(profileName + ": privacy.max_suppressed must be a share between 0 and 1");
        }
        List<String> qis = quasiIdentifiers(masks, privacy, profileName);
        String keyEnv = privacy.keyEnv() != null ? privacy.keyEnv() : DEFAULT_KEY_ENV;
        if (!keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new InputException(profileName + ": privacy.key_env must be an environment variable name");
        }
        return new MaskPlan(masks, k, qis, maxSuppressed, k > 0 ? k : minGroup,
                privacy.locale(), keyEnv, privacy.keyFile());
    }

    private static List<String> quasiIdentifiers(List<ColumnMask> masks, Profile.Privacy privacy, String profileName) {
        Set<String> names = masks.stream().map(ColumnMask::name).collect(Collectors.toCollection(LinkedHashSet::new));
        if (privacy.quasiIdentifiers() != null) {
            for (String q : privacy.quasiIdentifiers()) {
                if (!names.contains(q)) {
                    throw new InputException(profileName + ": privacy.quasi_identifiers names column '" + q
                            + "', which is not in the data (names are case-sensitive)");
                }
                ColumnMask m = masks.stream().filter(x -> x.name().equals(q)).findFirst().orElseThrow();
                if (!countable(m)) {
                    throw new InputException(profileName + ": privacy.quasi_identifiers names column '" + q
                            + "', which is " + (m.action() == MaskAction.DROP ? "dropped" : "replaced as a direct identifier")
                            + "; leave it out of the list");
                }
            }
            return List.copyOf(new LinkedHashSet<>(privacy.quasiIdentifiers()));
        }
        return masks.stream()
                .filter(m -> m.role() == PrivacyRole.QUASI_IDENTIFIER && countable(m))
                .map(ColumnMask::name)
                .toList();
    }

    /** Columns whose real values reach the output (as they are or coarsened): only those count for k-anonymity. */
    private static boolean countable(ColumnMask m) {
        return m.action() == MaskAction.KEEP || m.action() == MaskAction.GENERALISE
                || m.action() == MaskAction.SUPPRESS;
    }

    private static ColumnMask column(
            ColumnSpec spec, Detection detected, Profile.Column entry, MaskMode mode, String where) {
        PrivacyRole role = detected.role();
        PersonalData what = detected.what();
        MaskAction action = null;
        String level = null;
        boolean fromProfile = false;
        if (entry != null) {
            if (entry.role() != null) {
                role = PrivacyRole.fromKey(entry.role()).orElseThrow(() -> new InputException(where + ": unknown role '"
                        + entry.role() + "' (use one of " + keys(PrivacyRole.values()) + ")"));
            }
            if (entry.as() != null) {
                what = PersonalData.fromKey(entry.as()).orElseThrow(() -> new InputException(where + ": unknown 'as' '"
                        + entry.as() + "' (use one of " + keys(PersonalData.values()) + ")"));
            }
            if (entry.action() != null) {
                action = MaskAction.fromKey(entry.action()).orElseThrow(() -> new InputException(where
                        + ": unknown action '" + entry.action() + "' (use one of " + keys(MaskAction.values()) + ")"));
                fromProfile = true;
            }
            if (Boolean.TRUE.equals(entry.skip())) {
                if (action != null && action != MaskAction.DROP) {
                    throw new InputException(where + ": skip: true and action: " + action.key() + " contradict each other");
                }
                action = MaskAction.DROP;
                fromProfile = true;
            }
            level = entry.level();
        }
        if (action == null) {
            action = defaultAction(detected, role, what, mode);
        }
        if (level != null && action != MaskAction.GENERALISE) {
            throw new InputException(where + ": level only applies to action: generalise");
        }
        if (action == MaskAction.FAKE && (what == null || !FAKEABLE.contains(what))) {
            throw new InputException(where + ": action fake needs to know what to make up; add as: with one of "
                    + FAKEABLE.stream().map(PersonalData::key).collect(Collectors.joining(", ")));
        }
        if (action == MaskAction.GENERALISE && level == null) {
            level = defaultLevel(what, spec).orElseThrow(() -> new InputException(where
                    + ": action generalise needs a level for a " + spec.kind().key() + " column (e.g. level: 10 for"
                    + " bands of 10, level: year for dates, level: prefix 3 for codes, level: rare for labels)"));
        }
        return new ColumnMask(spec.name(), role, what, action, level, detected.evidence(), fromProfile);
    }

    /**
     * Detection's action where the profile gives none. A detected direct identifier always keeps its masking action
     * (only an explicit {@code action: keep} copies it); in synthesis, everything else is learned as it is.
     */
    private static MaskAction defaultAction(Detection detected, PrivacyRole role, PersonalData what, MaskMode mode) {
        if (detected.role() == PrivacyRole.DIRECT_IDENTIFIER) {
            return detected.action();
        }
        if (role == PrivacyRole.DIRECT_IDENTIFIER) { // the profile says so; detection did not
            return what != null && FAKEABLE.contains(what) && what.role() == PrivacyRole.DIRECT_IDENTIFIER
                    ? what.action() : MaskAction.PSEUDONYMISE;
        }
        if (mode == MaskMode.SYNTHESIS) {
            return MaskAction.KEEP;
        }
        return role == detected.role() ? detected.action() : MaskAction.KEEP;
    }

    /** The generalisation level detection proposes for a kind of personal data, by the column's kind. */
    static Optional<String> defaultLevel(PersonalData what, ColumnSpec spec) {
        ColumnKind kind = spec.kind();
        if (what == PersonalData.AGE && kind == ColumnKind.INTEGER) {
            return Optional.of("5");
        }
        if (what == PersonalData.BIRTH_DATE && kind == ColumnKind.INTEGER) {
            return Optional.of("10"); // birth years: decades
        }
        if (what == PersonalData.POSTCODE) {
            return Optional.of("prefix 3");
        }
        return switch (kind) {
            case DATE, DATETIME -> Optional.of(what == PersonalData.BIRTH_DATE ? "year" : "month");
            case CATEGORICAL, BOOLEAN, TEXT, IDENTIFIER -> Optional.of("rare");
            default -> Optional.empty();
        };
    }

    private static String where(String profileName, String text, String column) {
        int line = text == null ? 0 : ProfileFile.lineOf(text, column);
        return (profileName == null ? "profile" : profileName) + (line > 0 ? ", line " + line : "") + ": column '"
                + column + "'";
    }

    private static String keys(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> {
            if (v instanceof PrivacyRole r) {
                return r.key();
            }
            if (v instanceof MaskAction a) {
                return a.key();
            }
            return ((PersonalData) v).key();
        }).collect(Collectors.joining(", "));
    }
}
