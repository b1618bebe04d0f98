package dev.doppel.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a column's header name says, in English or German. The name is split into lower-case words (camelCase,
 * spaces, underscores, hyphens; umlauts spelled out), words that only qualify ("customer", "primary", "number", digits)
 * are dropped, and what is left must be one of the known phrases exactly. So "Phone 1", "E-Mail", "Vorname" and
 * "Date of birth" match, while "PhoneService" or "product name" do not.
 */
final class HeaderRules {
    /** Words that qualify a phrase without changing what it is. */
    private static final Set<String> FILLER = Set.of("number", "nr", "no", "num", "primary", "secondary", "private",
            "privat", "personal", "customer", "customers", "kunde", "kunden", "client", "user", "contact", "kontakt",
            "person", "main", "billing", "shipping", "delivery", "work", "business", "home", "haupt", "the");
    /** Customer keys: "customer id", "customerID", "User Id", "Kundennummer", "id". Matched before fillers go. */
    private static final Pattern CUSTOMER_KEY = Pattern.compile(
            "(customer|client|user|kunden?|member|account|patient|employee|mitarbeiter|contact|person) ?"
                    + "(id|nr|no|number|nummer|key|uuid|guid|identifier|code)"
                    + "|id|uuid|guid|identifier|kundennummer|kundennr|kundenid|kdnr|customerid|userid|clientid");
    private static final Map<String, PersonalData> PHRASES = new HashMap<>();

    static {
        add(PersonalData.EMAIL, "email", "e mail", "mail", "email address", "e mail address", "mail address",
                "emailadresse", "e mail adresse", "email adresse", "mailadresse", "mail adresse");
        add(PersonalData.PHONE, "phone", "telephone", "tel", "telefon", "telefonnummer", "mobile", "mobile phone",
                "mobil", "mobilnummer", "mobiltelefon", "handy", "handynummer", "cell", "cell phone", "cellphone",
                "fax", "phonenumber", "rufnummer", "festnetz");
        add(PersonalData.IBAN, "iban", "bankverbindung", "kontonummer");
        add(PersonalData.CARD_NUMBER, "credit card", "card", "kreditkarte", "kreditkartennummer", "cc", "pan",
                "kartennummer", "creditcard", "debit card");
        add(PersonalData.IP_ADDRESS, "ip", "ip address", "ip adresse", "ipv", "ip addr");
        add(PersonalData.FIRST_NAME, "first name", "firstname", "given name", "forename", "vorname", "fname");
        add(PersonalData.LAST_NAME, "last name", "lastname", "surname", "family name", "nachname", "familienname",
                "lname");
        add(PersonalData.FULL_NAME, "name", "full name", "fullname", "vollstaendiger name");
        add(PersonalData.COMPANY, "company", "company name", "firma", "firmenname", "employer", "organisation",
                "organization", "arbeitgeber", "unternehmen");
        add(PersonalData.STREET_ADDRESS, "street", "street address", "address", "adresse", "anschrift", "strasse",
                "strasse hausnummer", "street name", "address line", "hausnummer", "house", "postal address");
        add(PersonalData.WEBSITE, "website", "web site", "url", "homepage", "home page", "webseite", "webpage", "web");
        add(PersonalData.POSTCODE, "plz", "postleitzahl", "zip", "zip code", "zipcode", "postcode", "post code",
                "postal code", "postal", "postalcode");
        add(PersonalData.CITY, "city", "stadt", "ort", "town", "wohnort", "city name", "place of residence",
                "gemeinde");
        add(PersonalData.COUNTRY, "country", "land", "country name", "native country", "country of residence");
        add(PersonalData.BIRTH_DATE, "date of birth", "birth date", "birthdate", "dob", "birthday", "geburtsdatum",
                "geburtstag", "year birth", "year of birth", "birth year", "geburtsjahr");
        add(PersonalData.AGE, "age", "alter", "age years", "age in years");
        add(PersonalData.GENDER, "gender", "sex", "geschlecht", "anrede", "salutation");
        add(PersonalData.JOB_TITLE, "job", "job title", "jobtitle", "occupation", "beruf", "profession", "position",
                "taetigkeit");
        add(PersonalData.NATIONALITY, "nationality", "nationalitaet", "staatsangehoerigkeit", "citizenship");
        add(PersonalData.MARITAL_STATUS, "marital", "marital status", "familienstand", "civil status");
        add(PersonalData.EDUCATION, "education", "education level", "bildung", "schulabschluss", "ausbildung",
                "bildungsabschluss");
        add(PersonalData.HEALTH, "health", "diagnosis", "diagnose", "gesundheit", "disability", "behinderung",
                "illness", "krankheit", "health status", "medical condition");
        add(PersonalData.ETHNICITY, "race", "ethnicity", "ethnic group", "ethnic origin", "ethnie");
        add(PersonalData.RELIGION, "religion", "konfession", "religious affiliation", "faith");
    }

    private HeaderRules() {}

    private static void add(PersonalData what, String... phrases) {
        for (String phrase : phrases) {
            PHRASES.put(phrase, what);
        }
    }

    /** What the header name says the column holds, if anything. */
    static Optional<PersonalData> match(String header) {
        List<String> words = words(header);
        if (CUSTOMER_KEY.matcher(String.join(" ", words)).matches()) {
            return Optional.of(PersonalData.CUSTOMER_ID);
        }
        List<String> kept = new ArrayList<>();
        for (String w : words) {
            if (!FILLER.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                kept.add(w);
            }
        }
        return Optional.ofNullable(PHRASES.get(String.join(" ", kept)));
    }

    /** The header as lower-case words: "customerID" → [customer, id]; "Straße" → [strasse]; "E-Mail 2" → [e, mail, 2]. */
    static List<String> words(String header) {
        String spaced = header
                .replaceAll("(?i)ipv(?=[46])", "ipv") // "IPv4" is one word, not "I Pv4"
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue").replace("ß", "ss")
                .replaceAll("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ")
                .replaceAll("(?<=[A-Za-z])(?=\\d)|(?<=\\d)(?=[A-Za-z])", " ")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String w : spaced.split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
