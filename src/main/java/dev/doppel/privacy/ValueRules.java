package dev.doppel.privacy;

import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.schema.TemporalLayout;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Value checks per kind of personal data, and the share of a column's values that pass them. A rule counts when at
 * least {@link #THRESHOLD} of the checked values pass.
 */
final class ValueRules {
    /** The share of values that must pass a check for it to count. */
    static final double THRESHOLD = 0.9;
    /** Kinds recognised from values alone, strongest first (a Luhn-valid card number also looks like a phone). */
    private static final List<PersonalData> BY_VALUES = List.of(PersonalData.EMAIL, PersonalData.IBAN,
            PersonalData.CARD_NUMBER, PersonalData.IP_ADDRESS, PersonalData.WEBSITE, PersonalData.PHONE,
            PersonalData.GENDER);
    /** At most this many labels for a column to count as gender from its values alone. */
    private static final int MAX_GENDER_LABELS = 6;

    /** How many of the checked values passed a rule. */
    record Result(PersonalData what, int passed, int checked) {
        double share() {
            return checked == 0 ? 0 : (double) passed / checked;
        }

        boolean counts() {
            return checked > 0 && share() >= THRESHOLD;
        }
    }

    private ValueRules() {}

    /** The check that confirms a header's claim for a column of this kind; empty when values cannot tell. */
    static Optional<Predicate<String>> confirming(PersonalData what, ColumnSpec spec) {
        ColumnKind kind = spec.kind();
        return Optional.ofNullable(switch (what) {
            case EMAIL -> ValueChecks::isEmail;
            case PHONE -> ValueChecks::isPhone;
            case IBAN -> Checksums::isIban;
            case CARD_NUMBER -> Checksums::isCardNumber;
            case IP_ADDRESS -> ValueChecks::isIpAddress;
            case WEBSITE -> ValueChecks::isUrl;
            case POSTCODE -> ValueChecks::isPostcode;
            case GENDER -> ValueChecks::isGenderWord;
            case AGE -> kind == ColumnKind.INTEGER || kind == ColumnKind.DECIMAL ? ValueRules::isAge : null;
            case BIRTH_DATE -> birthDateCheck(spec);
            default -> null;
        });
    }

    /** The share of {@code sample} that passes {@code what}'s check (which must exist for the spec). */
    static Result check(PersonalData what, ColumnSpec spec, List<String> sample) {
        Predicate<String> rule = confirming(what, spec).orElseThrow();
        int passed = 0;
        for (String v : sample) {
            if (rule.test(v)) {
                passed++;
            }
        }
        return new Result(what, passed, sample.size());
    }

    /**
     * What the values alone say, when a strong check counts: e-mail, IBAN, card number, IP address, URL, phone (only
     * when most values have a phone layout, not bare digits) and gender words (only for a few labels). Birth dates and
     * postcodes are never recognised from values alone: any date or any 5-digit code would do.
     */
    static Optional<Result> fromValues(ColumnSpec spec, List<String> sample) {
        ColumnKind kind = spec.kind();
        boolean textual = kind == ColumnKind.TEXT || kind == ColumnKind.IDENTIFIER || kind == ColumnKind.CATEGORICAL;
        for (PersonalData what : BY_VALUES) {
            boolean applies = textual || (what == PersonalData.CARD_NUMBER && kind == ColumnKind.INTEGER);
            if (!applies || (what == PersonalData.GENDER && new HashSet<>(sample).size() > MAX_GENDER_LABELS)) {
                continue;
            }
            int[] formatted = new int[1];
            Result result = checkUnlessHopeless(what, spec, sample, formatted);
            // a phone column counts only when most values have a phone layout, not bare digits
            if (result != null && result.counts()
                    && (what != PersonalData.PHONE || formatted[0] * 2L >= sample.size())) {
                return Optional.of(result);
            }
        }
        return Optional.empty();
    }

    /**
     * {@link #check}, or null as soon as the result cannot count: at the first failure that leaves too few values to
     * pass. A column is then not run through every kind's check in full (most checks fail on most columns at once).
     */
    private static Result checkUnlessHopeless(PersonalData what, ColumnSpec spec, List<String> sample,
            int[] formattedPhones) {
        Predicate<String> rule = confirming(what, spec).orElseThrow();
        int n = sample.size();
        int failed = 0;
        for (String v : sample) {
            if (rule.test(v)) {
                // for phones, also count ValueChecks.isFormattedPhone in the same pass (isPhone just held)
                if (what == PersonalData.PHONE && !v.trim().chars().allMatch(Character::isDigit)) {
                    formattedPhones[0]++;
                }
            } else {
                failed++;
                if ((double) (n - failed) / n < THRESHOLD) {
                    return null; // even if every value left passed, the share would stay below the threshold
                }
            }
        }
        return new Result(what, n - failed, n);
    }

    private static boolean isAge(String v) {
        try {
            double age = Double.parseDouble(v);
            return age >= 0 && age <= 120;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Dates (or birth years) that put a person's age between 0 and 120 years today. */
    private static Predicate<String> birthDateCheck(ColumnSpec spec) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate oldest = today.minusYears(120);
        if (spec.kind() == ColumnKind.INTEGER) {
            return v -> {
                try {
                    int year = Integer.parseInt(v);
                    return year >= oldest.getYear() && year <= today.getYear();
                } catch (NumberFormatException e) {
                    return false;
                }
            };
        }
        if (spec.kind() != ColumnKind.DATE && spec.kind() != ColumnKind.DATETIME) {
            return null;
        }
        boolean dateTime = spec.kind() == ColumnKind.DATETIME;
        TemporalLayout layout = TemporalLayout.of(spec.layout(), dateTime);
        long from = oldest.toEpochDay();
        long to = today.toEpochDay();
        return v -> {
            double number = layout.toNumber(v);
            double day = dateTime ? Math.floor(number / 86_400) : number;
            return !Double.isNaN(day) && day >= from && day <= to;
        };
    }
}
