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

    /** The names of the lists, in the order {@link #write} writes them. */
    private static final List<String> NAMES = List.of("femaleFirst", "maleFirst", "anyFirst", "last", "cities",
            "streets", "countries", "jobTitles", "companySuffixes");

    /** The lists by name, each sorted and without duplicates. */
    private final Map<String, List<String>> texts;
    final boolean gendered;
    /** Lower-case first and last names, for {@link LocaleGuess}. */
    final Set<String> firstKeys;
    final Set<String> lastKeys;
    /**
     * The lists as words with their ASCII forms, made on first use: {@link LocaleGuess} loads several locales' lists
     * and needs only the keys of names, so the locales it does not pick never fold their words.
     */
    private volatile Words words;

    /** The word lists, once folded. */
    private record Words(List<Word> femaleFirst, List<Word> maleFirst, List<Word> anyFirst, List<Word> last,
            List<Word> cities, List<Word> streets, List<Word> countries, List<Word> jobTitles,
            List<Word> companySuffixes) {}

    /**
     * @param lists every list of {@link #NAMES}, sorted by UTF-16 code units and without duplicates
     */
    private Vocabulary(Map<String, List<String>> lists, boolean gendered) {
        this.gendered = gendered;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (String name : NAMES) {
            copy.put(name, List.copyOf(lists.get(name)));
        }
        this.texts = copy;
        firstKeys = keys(copy.get("anyFirst"));
        lastKeys = keys(copy.get("last"));
    }

    private Words words() {
        Words w = words;
        if (w == null) {
            synchronized (this) {
                w = words;
                if (w == null) {
                    w = new Words(fold("femaleFirst"), fold("maleFirst"), fold("anyFirst"), fold("last"),
                            fold("cities"), fold("streets"), fold("countries"), fold("jobTitles"),
                            fold("companySuffixes"));
                    words = w;
                }
            }
        }
        return w;
    }

    private List<Word> fold(String list) {
        List<Word> out = new ArrayList<>();
        for (String text : texts.get(list)) {
            out.add(new Word(text, AsciiFold.fold(text)));
        }
        return List.copyOf(out);
    }

    List<Word> femaleFirst() {
        return words().femaleFirst();
    }

    List<Word> maleFirst() {
        return words().maleFirst();
    }

    /** Every first name; the draw list for locales whose lists have no gender. */
    List<Word> anyFirst() {
        return words().anyFirst();
    }

    List<Word> last() {
        return words().last();
    }

    List<Word> cities() {
        return words().cities();
    }

    List<Word> streets() {
        return words().streets();
    }

    List<Word> countries() {
        return words().countries();
    }

    List<Word> jobTitles() {
        return words().jobTitles();
    }

    List<Word> companySuffixes() {
        return words().companySuffixes();
    }

    /**
     * The lists as text: a {@code #gendered true|false} line, then per list a {@code #name} line and one word per line.
     * The build writes every supported locale's lists this way into the jar ({@link VocabularyExport}), so a run reads
     * them in milliseconds instead of loading Datafaker's YAML (1 to 2 s for English).
     */
    String write() {
        StringBuilder sb = new StringBuilder("#gendered ").append(gendered).append('\n');
        texts.forEach((name, list) -> {
            sb.append('#').append(name).append('\n');
            list.forEach(w -> sb.append(w).append('\n'));
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
        for (String name : NAMES) {
            if (!lists.containsKey(name)) {
                throw new IllegalStateException("the built-in word lists lack " + name);
            }
            lists.put(name, sortedDistinct(lists.get(name)));
        }
        return new Vocabulary(lists, gendered);
    }

    /** The resource a locale's lists are stored in, inside the jar. */
    static String resource(Locale locale) {
        return "vocabulary/" + locale.toLanguageTag() + ".txt";
    }

    /** The lists read from a Datafaker of the locale. */
    private static Vocabulary of(Faker faker) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        List<String> plainFirst = strings(fetch(faker, "name.first_name"));
        boolean gendered = plainFirst.isEmpty(); // the list only refers to the gendered lists: "#{female_first_name}"
        if (gendered) {
            List<String> female = sortedDistinct(strings(fetch(faker, "name.female_first_name")));
            List<String> male = sortedDistinct(strings(fetch(faker, "name.male_first_name")));
            List<String> all = new ArrayList<>(female);
            all.addAll(male);
            lists.put("femaleFirst", female);
            lists.put("maleFirst", male);
            lists.put("anyFirst", sortedDistinct(all));
        } else {
            List<String> any = sortedDistinct(plainFirst);
            lists.put("femaleFirst", any);
            lists.put("maleFirst", any);
            lists.put("anyFirst", any);
        }
        lists.put("last", sortedDistinct(strings(fetch(faker, "name.last_name"))));
        lists.put("cities", drawn(faker.address()::city));
        lists.put("streets", drawn(faker.address()::streetName));
        lists.put("countries", drawn(faker.address()::country));
        lists.put("jobTitles", drawn(faker.job()::title));
        lists.put("companySuffixes", sortedDistinct(strings(fetch(faker, "company.suffix"))));
        if (lists.get("anyFirst").isEmpty() || lists.get("last").isEmpty() || lists.get("cities").isEmpty()
                || lists.get("companySuffixes").isEmpty()) {
            throw new IllegalStateException("Datafaker has no name lists for locale " + faker.getContext().getLocale());
        }
        return new Vocabulary(lists, gendered);
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
        return of(new Faker(locale, new Random(BUILD_SEED)));
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

    private static List<String> drawn(Supplier<String> draw) {
        List<String> values = new ArrayList<>(DRAWS);
        for (int i = 0; i < DRAWS; i++) {
            String v = draw.get();
            if (v.indexOf(',') < 0) { // fr streets such as "Allée, Voie ..." read badly in a CSV cell
                values.add(v);
            }
        }
        return sortedDistinct(values);
    }

    /**
     * De-duplicated and sorted by UTF-16 code units (locale-independent). The stored lists are that already, which
     * one pass confirms, so loading a locale does not sort its tens of thousands of words again.
     */
    private static List<String> sortedDistinct(Collection<String> values) {
        List<String> list = new ArrayList<>(values);
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i - 1).compareTo(list.get(i)) >= 0) {
                return List.copyOf(new TreeSet<>(values));
            }
        }
        return List.copyOf(list);
    }

    private static Set<String> keys(List<String> words) {
        Set<String> out = new HashSet<>();
        words.forEach(w -> out.add(key(w)));
        return Set.copyOf(out);
    }
}
