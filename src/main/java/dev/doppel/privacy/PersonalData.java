package dev.doppel.privacy;

import static dev.doppel.privacy.MaskAction.FAKE;
import static dev.doppel.privacy.MaskAction.GENERALISE;
import static dev.doppel.privacy.MaskAction.KEEP;
import static dev.doppel.privacy.MaskAction.PSEUDONYMISE;
import static dev.doppel.privacy.PrivacyRole.DIRECT_IDENTIFIER;
import static dev.doppel.privacy.PrivacyRole.QUASI_IDENTIFIER;
import static dev.doppel.privacy.PrivacyRole.SENSITIVE;

import java.util.Locale;

/**
 * The kinds of personal data Doppel recognises, each with its default role and proposed action.
 *
 * <p>The roles follow what a data-protection officer expects of a customer table:
 * <ul>
 *   <li>Names (first, last, full), e-mail, phone, IBAN, card number, street address, IP address and customer or record
 *       keys are <b>direct identifiers</b>: each can single out one person on its own (a first name among a customer
 *       table's other columns is treated the same way, as the standard identifier lists do).</li>
 *   <li>{@link #COMPANY} is a direct identifier too: in customer tables it is the employer or the customer's own
 *       business, and a sole trader's company name is the person's name (GDPR covers it as personal data).</li>
 *   <li>{@link #WEBSITE} is a direct identifier: a customer's homepage or business site points at one party.</li>
 *   <li>{@link #CITY}, {@link #POSTCODE}, {@link #BIRTH_DATE}, {@link #AGE}, {@link #GENDER}, {@link #JOB_TITLE},
 *       {@link #COUNTRY}, {@link #NATIONALITY}, {@link #MARITAL_STATUS} and {@link #EDUCATION} are
 *       <b>quasi-identifiers</b>: harmless alone, identifying in combination (postcode, birth date and sex single out
 *       most people). City is quasi, not direct: many people share one.</li>
 *   <li>{@link #HEALTH}, {@link #ETHNICITY} and {@link #RELIGION} are <b>sensitive</b> (GDPR Art. 9).</li>
 * </ul>
 */
public enum PersonalData {
    EMAIL("e-mail", "e-mail addresses", DIRECT_IDENTIFIER, FAKE),
    PHONE("phone number", "phone numbers", DIRECT_IDENTIFIER, FAKE),
    IBAN("IBAN", "IBANs with a valid mod-97 check", DIRECT_IDENTIFIER, FAKE),
    CARD_NUMBER("card number", "card numbers with a valid Luhn check", DIRECT_IDENTIFIER, FAKE),
    IP_ADDRESS("IP address", "IPv4 or IPv6 addresses", DIRECT_IDENTIFIER, FAKE),
    FIRST_NAME("first name", "names", DIRECT_IDENTIFIER, FAKE),
    LAST_NAME("last name", "names", DIRECT_IDENTIFIER, FAKE),
    FULL_NAME("name", "names", DIRECT_IDENTIFIER, FAKE),
    COMPANY("company", "company names", DIRECT_IDENTIFIER, FAKE),
    STREET_ADDRESS("street address", "addresses", DIRECT_IDENTIFIER, FAKE),
    WEBSITE("website", "web addresses (URLs)", DIRECT_IDENTIFIER, FAKE),
    CUSTOMER_ID("customer id", "unique", DIRECT_IDENTIFIER, PSEUDONYMISE),
    RECORD_ID("record key", "unique", DIRECT_IDENTIFIER, PSEUDONYMISE),
    POSTCODE("postcode", "postcodes (German/US 5-digit, US ZIP+4 or UK)", QUASI_IDENTIFIER, GENERALISE),
    CITY("city", "city names", QUASI_IDENTIFIER, GENERALISE),
    COUNTRY("country", "countries", QUASI_IDENTIFIER, KEEP),
    BIRTH_DATE("date of birth", "dates (or birth years) giving an age from 0 to 120", QUASI_IDENTIFIER, GENERALISE),
    AGE("age", "whole numbers from 0 to 120", QUASI_IDENTIFIER, GENERALISE),
    GENDER("gender", "gender words", QUASI_IDENTIFIER, KEEP),
    JOB_TITLE("job title", "job titles", QUASI_IDENTIFIER, GENERALISE),
    NATIONALITY("nationality", "nationalities", QUASI_IDENTIFIER, KEEP),
    MARITAL_STATUS("marital status", "marital states", QUASI_IDENTIFIER, KEEP),
    EDUCATION("education", "education levels", QUASI_IDENTIFIER, KEEP),
    HEALTH("health", "health data", SENSITIVE, KEEP),
    ETHNICITY("ethnicity", "ethnic origins", SENSITIVE, KEEP),
    RELIGION("religion", "religions", SENSITIVE, KEEP);

    private final String label;
    private final String valueNoun;
    private final PrivacyRole role;
    private final MaskAction action;

    PersonalData(String label, String valueNoun, PrivacyRole role, MaskAction action) {
        this.label = label;
        this.valueNoun = valueNoun;
        this.role = role;
        this.action = action;
    }

    /** How evidence names it: "header says e-mail". */
    public String label() {
        return label;
    }

    /** How evidence names values that pass its check: "100% of values are e-mail addresses". */
    public String valueNoun() {
        return valueNoun;
    }

    public PrivacyRole role() {
        return role;
    }

    public MaskAction action() {
        return action;
    }

    /** The spelling used in printed tables: lower case with hyphens ("first-name"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a profile's spelling: the {@link #key()}, e.g. "email", "first-name" ('_' works for '-'). */
    public static java.util.Optional<PersonalData> fromKey(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (PersonalData d : values()) {
            if (d.key().equals(k)) {
                return java.util.Optional.of(d);
            }
        }
        return java.util.Optional.empty();
    }
}
