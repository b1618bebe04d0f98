package dev.doppel.mask.fake;

import dev.doppel.mask.fake.FakePerson.Gender;
import dev.doppel.mask.fake.FakePerson.Word;
import dev.doppel.privacy.PersonalData;
import dev.doppel.privacy.PrivacyRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Made-up personal data for one locale, fast enough to fake every row of a large table: names, e-mails, phones,
 * IBANs, card numbers, IP addresses, companies, websites, street addresses, ids, postcodes, cities, countries and job
 * titles.
 *
 * <p>Word lists come from Datafaker once per locale (see {@link Vocabulary}); each value is then composed from them
 * with the caller's {@link SplittableRandom} alone, so the same seed gives the same values in any JVM and on any
 * thread. A row's names, e-mail, company and website all come from one {@link FakePerson}. Where a value-free
 * {@linkplain #layoutOf layout} of the real value is known, the fake follows it (phone punctuation, e-mail domain
 * style, id character classes, IBAN country, card length); without one it takes the locale's usual format.
 *
 * <p>Validity: IBANs pass mod 97, card numbers pass Luhn, e-mails, phones and IP addresses pass the checks of
 * {@link dev.doppel.privacy.ValueChecks}. Fakes are not checked against real values; use a {@link RealValueFilter} for
 * that. Without a layout, e-mails use the reserved example domains (RFC 2606), so no fake reaches a real mailbox.
 *
 * <p>Immutable and thread-safe; one instance per locale is built on first use and cached.
 */
public final class Fakes {
    /** The FULL_NAME layout of names written "Last, First". */
    static final String LAST_COMMA_FIRST = "last, first";
    static final String EXAMPLE = "example";
    static final String FREE_MAIL = "freemail";
    static final String COMPANY_DOMAIN = "company";

    /** Tries at making up a value that is not a real one before giving up. */
    private static final int ATTEMPTS = 1000;
    private static final java.util.Set<PersonalData> PERSON_KINDS = java.util.EnumSet.of(PersonalData.FIRST_NAME,
            PersonalData.LAST_NAME, PersonalData.FULL_NAME, PersonalData.EMAIL, PersonalData.COMPANY,
            PersonalData.WEBSITE);
    private static final Map<LocaleProfile, Fakes> CACHE = new ConcurrentHashMap<>();
    private static final List<String> CARD_LAYOUTS = List.of(
            "4###############", "4### #### #### ####", "5###############", "5### #### #### ####", "3##############");
    private static final String ID_LAYOUT = "A99999999";
    /** E-mail and website layouts split at their colons, by layout: they are few, and met once per faked cell. */
    private static final Map<String, String[]> LAYOUT_PARTS = new ConcurrentHashMap<>();
    private static final int MAX_LAYOUT_PARTS = 10_000;

    private final LocaleProfile profile;
    private final Vocabulary words;
    /** Free-mail domains by suffix, the locale's own first. */
    private final Map<String, List<String>> freeMailBySuffix;
    private final Map<PersonalData, Maker> makers;

    private Fakes(LocaleProfile profile) {
        this.profile = profile;
        this.words = Vocabulary.build(profile.locale);
        Map<String, List<String>> bySuffix = new HashMap<>();
        List<String> domains = new ArrayList<>(profile.freeMail);
        Domains.FREE_MAIL.stream().filter(d -> !profile.freeMail.contains(d)).forEach(domains::add);
        for (String d : domains) {
            bySuffix.computeIfAbsent(Domains.suffixOf(d), k -> new ArrayList<>()).add(d);
        }
        bySuffix.replaceAll((k, v) -> List.copyOf(v));
        this.freeMailBySuffix = Map.copyOf(bySuffix);
        this.makers = makers();
    }

    /**
     * The fakes of a locale: en-US, en-GB, de-DE, fr-FR, es-ES, it-IT and nl-NL have their own; another country of
     * one of these languages gets that language's first (de-AT → de-DE), any other language gets en-US. The first
     * call per locale takes 0.2 to 0.6 s, and the first English one 3 to 5 s, as Datafaker loads its English data
     * (measured on 2 cores); later calls return the cached instance.
     */
    public static Fakes of(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return CACHE.computeIfAbsent(LocaleProfile.of(locale), Fakes::new);
    }

    /** The locale whose lists and formats are used, which may differ from the one asked for. */
    public Locale locale() {
        return profile.locale;
    }

    /** True for every direct identifier and for city, postcode, country and job title. */
    /**
     * The locale's word list for a kind made of single words (first names, last names, cities), sorted and without
     * duplicates: what pseudonyms "into a Datafaker value" are drawn from. Empty for other kinds.
     */
    public List<String> words(PersonalData what) {
        List<FakePerson.Word> list = switch (what) {
            case FIRST_NAME -> words.anyFirst();
            case LAST_NAME -> words.last();
            case CITY -> words.cities();
            default -> List.of();
        };
        return list.stream().map(FakePerson.Word::text).toList();
    }

    /** True for kinds built from the row's made-up person (names, e-mail, company, website), so that they agree. */
    public static boolean personBound(PersonalData what) {
        return PERSON_KINDS.contains(what);
    }

    /**
     * A made-up value and the person it was built from.
     *
     * @param value the value
     * @param person the row's person after drawing: a new one when a person-bound value had to be redrawn
     */
    public record Drawn(String value, FakePerson person) {
        @Override
        public String toString() {
            return "Drawn[hidden]";
        }
    }

    /**
     * {@link #fake}, drawn again while {@code isReal} says the value is a real one. A person-bound value is redrawn
     * with a new person (a real name stays real however the row spells it), which the caller keeps for the rest of the
     * row so that its names and e-mail still agree.
     *
     * @param column the column's name, for the error when the locale's words are nearly all real values
     * @throws dev.doppel.error.InputException after {@value #ATTEMPTS} real values in a row
     */
    public Drawn fakeAvoiding(PersonalData what, FakePerson person, String layout, SplittableRandom rnd,
            java.util.function.Predicate<String> isReal, String column) {
        return fakeAvoiding(maker(what), what, person, layout, rnd, isReal, column);
    }

    /** {@link #fakeAvoiding(PersonalData, FakePerson, String, SplittableRandom, java.util.function.Predicate, String)}
     * with the kind's {@link #maker} at hand. */
    public Drawn fakeAvoiding(Maker maker, PersonalData what, FakePerson person, String layout, SplittableRandom rnd,
            java.util.function.Predicate<String> isReal, String column) {
        FakePerson p = person;
        String value = maker.make(p, layout, rnd);
        for (int attempt = 1; isReal.test(value); attempt++) {
            if (attempt >= ATTEMPTS) {
                throw new dev.doppel.error.InputException("column '" + column + "': the made-up " + what.label()
                        + " values keep equalling real ones (the data uses most of the locale's vocabulary); use"
                        + " action: pseudonymise or another privacy.locale");
            }
            if (personBound(what)) {
                p = person(rnd);
            }
            value = maker.make(p, layout, rnd);
        }
        return new Drawn(value, p);
    }

    public boolean canFake(PersonalData what) {
        return what.role() == PrivacyRole.DIRECT_IDENTIFIER
                || what == PersonalData.CITY
                || what == PersonalData.POSTCODE
                || what == PersonalData.COUNTRY
                || what == PersonalData.JOB_TITLE;
    }

    /** One made-up person: gender (where the locale's lists have one), first and last name, and an employer name. */
    public FakePerson person(SplittableRandom rnd) {
        Gender gender;
        Word first;
        if (words.gendered) {
            gender = rnd.nextBoolean() ? Gender.FEMALE : Gender.MALE;
            first = pick(gender == Gender.FEMALE ? words.femaleFirst() : words.maleFirst(), rnd);
        } else {
            gender = Gender.UNSPECIFIED;
            first = pick(words.anyFirst(), rnd);
        }
        return new FakePerson(first, pick(words.last(), rnd), gender, employer(rnd));
    }

    /**
     * An employer: a last name, or two joined by a hyphen one time in three ("Lang-Weber"), so that company names,
     * company e-mail domains and websites come from a space far larger than the last-name list (English has only
     * 473), and a fake rarely has to be redrawn for equalling a real value.
     */
    private Word employer(SplittableRandom rnd) {
        Word one = pick(words.last(), rnd);
        if (rnd.nextInt(3) != 0) {
            return one;
        }
        Word two = pick(words.last(), rnd);
        return new Word(one.text() + "-" + two.text(), one.ascii() + "-" + two.ascii());
    }

    /**
     * A made-up value of a kind.
     *
     * @param what a kind for which {@link #canFake} is true
     * @param person the row's person; names, e-mail, company and website are built from it. May be null, then a new
     *     person is drawn.
     * @param layout null, or the {@link #layoutOf} of a real value of the same kind
     * @param rnd the caller's generator; the only source of randomness
     * @return a value, never null
     * @throws IllegalArgumentException when {@code what} cannot be faked
     */
    public String fake(PersonalData what, FakePerson person, String layout, SplittableRandom rnd) {
        return maker(what).make(person, layout, rnd);
    }

    /**
     * Makes up values of one kind: {@link #fake} for that kind, as an object a caller keeps (per column, say). Each
     * kind has its own, so a loop over columns of several kinds calls several small methods rather than one that
     * holds every kind's code (which the JIT compiler spends seconds on).
     */
    @FunctionalInterface
    public interface Maker {
        /**
         * A made-up value.
         *
         * @param person the row's person; null to draw one (kinds built from a person), or null for other kinds
         * @param layout null, or the {@link #layoutOf} of a real value of the kind
         */
        String make(FakePerson person, String layout, SplittableRandom rnd);
    }

    /**
     * The {@link Maker} of a kind.
     *
     * @throws IllegalArgumentException when {@link #canFake} is false for the kind
     */
    public Maker maker(PersonalData what) {
        Maker maker = makers.get(what);
        if (maker == null) {
            throw new IllegalArgumentException("cannot fake " + what.key() + " values");
        }
        return maker;
    }

    /** One maker per kind that can be faked; kinds built from a person draw one when given none. */
    private Map<PersonalData, Maker> makers() {
        Map<PersonalData, Maker> m = new java.util.EnumMap<>(PersonalData.class);
        m.put(PersonalData.FIRST_NAME, (p, layout, rnd) -> orPerson(p, rnd).firstName());
        m.put(PersonalData.LAST_NAME, (p, layout, rnd) -> orPerson(p, rnd).lastName());
        m.put(PersonalData.FULL_NAME, (p, layout, rnd) -> fullName(orPerson(p, rnd), layout));
        m.put(PersonalData.EMAIL, (p, layout, rnd) -> email(orPerson(p, rnd), layout, rnd));
        m.put(PersonalData.PHONE, (p, layout, rnd) ->
                Shapes.phone(layout != null ? layout : pick(profile.phoneLayouts, rnd), rnd));
        m.put(PersonalData.IBAN, (p, layout, rnd) -> iban(layout, rnd));
        m.put(PersonalData.CARD_NUMBER, (p, layout, rnd) ->
                Shapes.card(isCardLayout(layout) ? layout : pick(CARD_LAYOUTS, rnd), rnd));
        m.put(PersonalData.IP_ADDRESS, (p, layout, rnd) -> "6".equals(layout) ? Shapes.ipv6(rnd) : Shapes.ipv4(rnd));
        m.put(PersonalData.COMPANY, (p, layout, rnd) -> company(orPerson(p, rnd), rnd));
        m.put(PersonalData.WEBSITE, (p, layout, rnd) -> website(orPerson(p, rnd), layout));
        m.put(PersonalData.STREET_ADDRESS, (p, layout, rnd) -> street(rnd));
        Maker id = (p, layout, rnd) -> Shapes.classes(layout != null ? layout : ID_LAYOUT, rnd);
        m.put(PersonalData.CUSTOMER_ID, id);
        m.put(PersonalData.RECORD_ID, id);
        m.put(PersonalData.POSTCODE, (p, layout, rnd) ->
                Shapes.classes(layout != null ? layout : pick(profile.postcodeLayouts, rnd), rnd));
        m.put(PersonalData.CITY, (p, layout, rnd) -> pick(words.cities(), rnd).text());
        m.put(PersonalData.COUNTRY, (p, layout, rnd) -> pick(words.countries(), rnd).text());
        m.put(PersonalData.JOB_TITLE, (p, layout, rnd) -> pick(words.jobTitles(), rnd).text());
        for (PersonalData what : PersonalData.values()) {
            if (m.containsKey(what) != canFake(what)) {
                throw new IllegalStateException("fake makers and canFake disagree on " + what.key());
            }
        }
        return m;
    }

    /** The given person, or a new one (only kinds built from a person draw one: a phone or an id needs none). */
    private FakePerson orPerson(FakePerson person, SplittableRandom rnd) {
        return person != null ? person : person(rnd);
    }

    private static String fullName(FakePerson p, String layout) {
        return LAST_COMMA_FIRST.equals(layout)
                ? p.lastName() + ", " + p.firstName()
                : p.firstName() + " " + p.lastName();
    }

    private String company(FakePerson p, SplittableRandom rnd) {
        return p.employer().text() + " " + pick(words.companySuffixes(), rnd).text();
    }

    /**
     * The value-free layout of a real value, or null when the kind has no layout or the value does not pass the kind's
     * check. Kept: phone punctuation, prefix (+CC, 00CC, trunk 0) and length; e-mail domain style (example, free-mail
     * or company), common public TLD, local-part separator and whether it has digits; website scheme, www and TLD; id
     * and postcode character classes per position; IBAN country and length; card first digit and length; IP version;
     * whether a full name is written "Last, First". Never a name, a domain that is not a public provider, or a digit
     * beyond a country code, trunk prefix or card network digit.
     */
    public static String layoutOf(PersonalData what, String realValue) {
        return realValue == null ? null : Layouts.of(what, realValue);
    }

    private String email(FakePerson p, String layout, SplittableRandom rnd) {
        String style = EXAMPLE;
        String tld = profile.tld;
        String separator = null;
        boolean digits = rnd.nextInt(3) == 0;
        if (layout != null) {
            String[] parts = parts(layout);
            if (parts.length == 4) {
                style = parts[0];
                tld = parts[1];
                separator = parts[2];
                digits = parts[3].equals("1");
            }
        }
        String first = orElse(p.first().ascii(), "user");
        String last = orElse(p.last().ascii(), "name");
        StringBuilder local = new StringBuilder(32);
        int variant = rnd.nextInt(10);
        if (separator == null) {
            separator = variant < 6 ? "." : variant < 8 ? "" : "_";
        }
        if (!separator.isEmpty()) {
            if (variant < 7) {
                local.append(first).append(separator).append(last);
            } else if (variant < 9) {
                local.append(first.charAt(0)).append(separator).append(last);
            } else {
                local.append(last).append(separator).append(first);
            }
        } else if (variant < 4) {
            local.append(first.charAt(0)).append(last);
        } else if (variant < 8) {
            local.append(first).append(last);
        } else {
            local.append(first).append(last.charAt(0));
        }
        if (digits) {
            local.append(rnd.nextBoolean() ? 10 + rnd.nextInt(90) : 1950 + rnd.nextInt(60));
        }
        appendDomain(local.append('@'), p, style, tld, rnd);
        return local.toString();
    }

    /** A layout split at its colons (shared: the caller must not change it). */
    private static String[] parts(String layout) {
        String[] parts = LAYOUT_PARTS.get(layout);
        if (parts == null) {
            parts = layout.split(":", -1);
            if (LAYOUT_PARTS.size() < MAX_LAYOUT_PARTS) {
                LAYOUT_PARTS.put(layout, parts);
            }
        }
        return parts;
    }

    /** Appends the e-mail domain to {@code out}. */
    private void appendDomain(StringBuilder out, FakePerson p, String style, String tld, SplittableRandom rnd) {
        if (style.equals(FREE_MAIL)) {
            List<String> candidates = freeMailBySuffix.getOrDefault(tld, profile.freeMail);
            out.append(pick(candidates, rnd));
        } else if (style.equals(COMPANY_DOMAIN)) {
            out.append(orElse(p.employer().ascii(), "firm")).append('.').append(tld);
        } else {
            String example = "example." + tld;
            out.append(Domains.EXAMPLE.contains(example) ? example : pick(Domains.EXAMPLE, rnd));
        }
    }

    private String website(FakePerson p, String layout) {
        String scheme = "https";
        String www = "www";
        String tld = profile.tld;
        String slash = "";
        if (layout != null) {
            String[] parts = parts(layout);
            if (parts.length == 4) {
                scheme = parts[0];
                www = parts[1];
                tld = parts[2];
                slash = parts[3];
            }
        }
        StringBuilder url = new StringBuilder(40);
        if (!scheme.isEmpty()) {
            url.append(scheme).append("://");
        }
        if (!www.isEmpty() || scheme.isEmpty()) {
            url.append("www.");
        }
        return url.append(orElse(p.employer().ascii(), "firm")).append('.').append(tld).append(slash).toString();
    }

    private String iban(String layout, SplittableRandom rnd) {
        String country = profile.ibanCountry;
        int length = Shapes.ibanLength(country);
        boolean grouped = false;
        if (layout != null && layout.length() >= 4 && isUpper(layout.charAt(0)) && isUpper(layout.charAt(1))) {
            String digits = layout.strip().substring(2);
            if (digits.chars().allMatch(c -> c >= '0' && c <= '9') && digits.length() <= 2) {
                int n = Integer.parseInt(digits);
                if (n >= 15 && n <= 34) {
                    country = layout.substring(0, 2);
                    length = n;
                    grouped = layout.endsWith(" ");
                }
            }
        }
        return Shapes.iban(country, length, grouped, rnd);
    }

    private String street(SplittableRandom rnd) {
        String street = pick(words.streets(), rnd).text();
        int number = profile.numberBeforeStreet ? 1 + rnd.nextInt(9999) : 1 + rnd.nextInt(199);
        return profile.numberBeforeStreet ? number + " " + street : street + " " + number;
    }

    private static boolean isCardLayout(String layout) {
        if (layout == null) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < layout.length(); i++) {
            char c = layout.charAt(i);
            if (c == '#' || (c >= '0' && c <= '9')) {
                digits++;
            } else if (c != ' ' && c != '-') {
                return false;
            }
        }
        return digits >= 12 && digits <= 19;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static String orElse(String ascii, String fallback) {
        return ascii.isEmpty() ? fallback : ascii;
    }

    private static <T> T pick(List<T> list, SplittableRandom rnd) {
        return list.get(rnd.nextInt(list.size()));
    }

    /** The locale's word lists, for {@link LocaleGuess}. */
    Vocabulary words() {
        return words;
    }
}
