package dev.doppel.mask.fake;

import dev.doppel.mask.fake.FakePerson.Word;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * One locale's word lists, taken once from Datafaker and then used without it: first names (by gender where the
 * locale's lists have one), last names, cities, streets, countries, job titles and company suffixes.
 *
 * <p>Name lists are read whole from the locale's own Datafaker data; lists that Datafaker only composes (cities,
 * streets) are drawn a few thousand times from a {@code Faker} seeded with a fixed constant. Every list is
 * de-duplicated and sorted, so the same Datafaker version gives the same lists in any JVM. Immutable.
 */
final class Vocabulary {
    /** Fixed seed for the draws that build composed lists; never the clock. */
    private static final long BUILD_SEED = 0x5EED_D0BBE1L;
    private static final int DRAWS = 4000;

    final List<Word> femaleFirst;
    final List<Word> maleFirst;
    /** Every first name; the draw list for locales whose lists have no gender. */
    final List<Word> anyFirst;
    final boolean gendered;
    final List<Word> last;
    final List<Word> cities;
    final List<Word> streets;
    final List<Word> countries;
    final List<Word> jobTitles;
    final List<Word> companySuffixes;
    /** Lower-case first and last names, for {@link LocaleGuess}. */
    final Set<String> firstKeys;
    final Set<String> lastKeys;

    private Vocabulary(Map<String, List<String>> lists, boolean gendered) {
        this.gendered = gendered;
        femaleFirst = words(lists.get("femaleFirst"));
        maleFirst = words(lists.get("maleFirst"));
        anyFirst = words(lists.get("anyFirst"));
        last = words(lists.get("last"));
        cities = words(lists.get("cities"));
        streets = words(lists.get("streets"));
        countries = words(lists.get("countries"));
        jobTitles = words(lists.get("jobTitles"));
        companySuffixes = words(lists.get("companySuffixes"));
        firstKeys = keys(anyFirst);
        lastKeys = keys(last);
    }

    /** The lists by name, in the order {@link #write} writes them. */
    private Map<String, List<Word>> lists() {
        Map<String, List<Word>> out = new LinkedHashMap<>();
        out.put("femaleFirst", femaleFirst);
        out.put("maleFirst", maleFirst);
        out.put("anyFirst", anyFirst);
        out.put("last", last);
        out.put("cities", cities);
        out.put("streets", streets);
        out.put("countries", countries);
        out.put("jobTitles", jobTitles);
        out.put("companySuffixes", companySuffixes);
        return out;
    }

    /**
     * The lists as text: a {@code #gendered true|false} line, then per list a {@code #name} line and one word per line.
     * The build writes every supported locale's lists this way into the jar ({@link VocabularyExport}), so a run reads
     * them in milliseconds instead of loading Datafaker's YAML (1 to 2 s for English).
     */
    String write() {
        StringBuilder sb = new StringBuilder("#gendered ").append(gendered).append('\n');
        lists().forEach((name, words) -> {
            sb.append('#').append(name).append('\n');
            words.forEach(w -> sb.append(w.text()).append('\n'));
        });
        return sb.toString();
    }

    /** Reads what {@link #write} wrote. */
    static Vocabulary read(String text) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        boolean gendered = false;
        List<String> current = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#gendered ")) {
                gendered = Boolean.parseBoolean(line.substring("#gendered ".length()));
            } else if (line.startsWith("#")) {
                current = new ArrayList<>();
                lists.put(line.substring(1), current);
            } else if (!line.isEmpty() && current != null) {
                current.add(line);
            }
        }
        for (String name : List.of("femaleFirst", "maleFirst", "anyFirst", "last", "cities", "streets", "countries",
                "jobTitles", "companySuffixes")) {
            if (!lists.containsKey(name)) {
                throw new IllegalStateException("the built-in word lists lack " + name);
            }
        }
        return new Vocabulary(lists, gendered);
    }

    /** The resource a locale's lists are stored in, inside the jar. */
    static String resource(Locale locale) {
        return "vocabulary/" + locale.toLanguageTag() + ".txt";
    }

    private Vocabulary(Faker faker) {
        Object firstList = fetch(faker, "name.first_name");
        List<String> plainFirst = strings(firstList);
        gendered = plainFirst.isEmpty(); // the list only refers to the gendered lists: "#{female_first_name}"
        if (gendered) {
            femaleFirst = words(strings(fetch(faker, "name.female_first_name")));
            maleFirst = words(strings(fetch(faker, "name.male_first_name")));
            List<String> all = new ArrayList<>();
            femaleFirst.forEach(w -> all.add(w.text()));
            maleFirst.forEach(w -> all.add(w.text()));
            anyFirst = words(all);
        } else {
            anyFirst = words(plainFirst);
            femaleFirst = anyFirst;
            maleFirst = anyFirst;
        }
        last = words(strings(fetch(faker, "name.last_name")));
        cities = drawn(faker.address()::city);
        streets = drawn(faker.address()::streetName);
        countries = drawn(faker.address()::country);
        jobTitles = drawn(faker.job()::title);
        companySuffixes = words(strings(fetch(faker, "company.suffix")));
        firstKeys = keys(anyFirst);
        lastKeys = keys(last);
        if (anyFirst.isEmpty() || last.isEmpty() || cities.isEmpty() || companySuffixes.isEmpty()) {
            throw new IllegalStateException("Datafaker has no name lists for locale " + faker.getContext().getLocale());
        }
    }

    /** Builds the lists for one locale (about 50 ms after Datafaker's first load). */
    static Vocabulary build(Locale locale) {
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource(locale))) {
            if (in != null) {
                return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // fall back to Datafaker
        }
        return fromDatafaker(locale);
    }

    /** The lists taken from Datafaker itself (what the build stores; used when the stored lists are absent). */
    static Vocabulary fromDatafaker(Locale locale) {
        return new Vocabulary(new Faker(locale, new Random(BUILD_SEED)));
    }

    /** The lower-case key under which names are compared. */
    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static Object fetch(Faker faker, String key) {
        Object value = faker.fakeValuesService().fetchObject(key, faker.getContext());
        return value == null ? List.of() : value;
    }

    /** The plain entries of a Datafaker list, leaving out expressions ("#{...}") and blanks. */
    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        if (list instanceof Collection<?> items) {
            for (Object item : items) {
                if (item instanceof String s && !s.isBlank() && !s.contains("#{")) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static List<Word> drawn(Supplier<String> draw) {
        List<String> values = new ArrayList<>(DRAWS);
        for (int i = 0; i < DRAWS; i++) {
            String v = draw.get();
            if (v.indexOf(',') < 0) { // fr streets such as "Allée, Voie ..." read badly in a CSV cell
                values.add(v);
            }
        }
        return words(values);
    }

    /** De-duplicated, sorted by UTF-16 code units (locale-independent), each with its ASCII form. */
    private static List<Word> words(Collection<String> values) {
        List<Word> out = new ArrayList<>();
        for (String v : new TreeSet<>(values)) {
            out.add(new Word(v, AsciiFold.fold(v)));
        }
        return List.copyOf(out);
    }

    private static Set<String> keys(List<Word> words) {
        Set<String> out = new HashSet<>();
        words.forEach(w -> out.add(key(w.text())));
        return Set.copyOf(out);
    }
}
