package dev.doppel.mask.pseudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.doppel.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.datafaker.Faker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VocabularyPseudonymsTest {
    private static final PseudonymKey KEY = PseudonymKey.ofBytes(PseudonymKeyTest.randomBytes(32, 21));
    private static List<String> fakeFirstNames;
    private static List<String> realFirstNames;

    @BeforeAll
    static void vocabularyAndValues() throws IOException {
        Faker faker = new Faker(Locale.ENGLISH, new Random(1));
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < 30_000; i++) {
            names.add(faker.name().firstName());
        }
        fakeFirstNames = List.copyOf(names);
        Path customers = TestData.require("customers_pii_10000.csv");
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(customers, StandardCharsets.UTF_8)) {
            realFirstNames = csv.stream().map(r -> r.getField("First Name")).collect(Collectors.toList());
        }
    }

    @Test
    void injectiveWhileValuesDoNotOutnumberWords() {
        Set<String> distinct = new HashSet<>(realFirstNames);
        assertThat(fakeFirstNames.size()).isGreaterThanOrEqualTo(distinct.size());
        VocabularyPseudonyms names = VocabularyPseudonyms.assign(KEY, "first_name", fakeFirstNames, realFirstNames);
        Set<String> pseudonyms = distinct.stream().map(names::pseudonymOf).collect(Collectors.toSet());
        assertThat(names.size()).isEqualTo(distinct.size());
        assertThat(pseudonyms).hasSameSizeAs(distinct);
        assertThat(fakeFirstNames).containsAll(pseudonyms);
        assertThat(names.suffixed()).isZero();
    }

    @Test
    void injectiveWhenVocabularyIsExactlyFull() {
        List<String> words = fakeFirstNames.subList(0, 50);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            values.add("customer-" + i);
        }
        VocabularyPseudonyms p = VocabularyPseudonyms.assign(KEY, "d", words, values);
        assertThat(values.stream().map(p::pseudonymOf).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(words);
    }

    @Test
    void inputOrderAndDuplicatesDoNotChangeTheMap() {
        List<String> shuffled = new ArrayList<>(realFirstNames);
        Collections.shuffle(shuffled, new Random(3));
        shuffled.addAll(realFirstNames.subList(0, 500));
        VocabularyPseudonyms a = VocabularyPseudonyms.assign(KEY, "first_name", fakeFirstNames, realFirstNames);
        VocabularyPseudonyms b = VocabularyPseudonyms.assign(KEY, "first_name", fakeFirstNames, shuffled);
        for (String v : realFirstNames) {
            assertThat(b.pseudonymOf(v)).isEqualTo(a.pseudonymOf(v));
        }
    }

    @Test
    void anotherKeyGivesAnotherMap() {
        PseudonymKey other = PseudonymKey.ofBytes(PseudonymKeyTest.randomBytes(32, 22));
        VocabularyPseudonyms a = VocabularyPseudonyms.assign(KEY, "first_name", fakeFirstNames, realFirstNames);
        VocabularyPseudonyms b = VocabularyPseudonyms.assign(other, "first_name", fakeFirstNames, realFirstNames);
        Set<String> distinct = new HashSet<>(realFirstNames);
        long same = distinct.stream().filter(v -> a.pseudonymOf(v).equals(b.pseudonymOf(v))).count();
        // chance agreement is about 1 in the vocabulary size (thousands) per value: 5% is a loose bound
        assertThat(same).isLessThan(distinct.size() / 20);
    }

    @Test
    void moreValuesThanWordsGetDistinctSuffixedWords() {
        List<String> words = List.of("Anna", "Bert", "Carl", "Dora", "Emil", "Anna"); // duplicate dropped
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            values.add("v" + i);
        }
        VocabularyPseudonyms p = VocabularyPseudonyms.assign(KEY, "d", words, values);
        Set<String> out = values.stream().map(p::pseudonymOf).collect(Collectors.toSet());
        assertThat(out).hasSize(2000);
        assertThat(p.vocabularySize()).isEqualTo(5);
        assertThat(p.suffixed()).isEqualTo(1995);
        assertThat(out.stream().filter(s -> s.matches("[A-Z][a-z]{3}-[0-9a-z]{4,}")).count()).isEqualTo(1995);
    }

    @Test
    void toStringAndErrorsShowNoValues() {
        VocabularyPseudonyms p = VocabularyPseudonyms.assign(KEY, "first_name", fakeFirstNames, realFirstNames);
        String first = realFirstNames.get(0);
        assertThat(p.toString())
                .startsWith("VocabularyPseudonyms[domain=first_name, key=" + KEY.id())
                .doesNotContain(first)
                .doesNotContain(p.pseudonymOf(first));
        assertThatThrownBy(() -> p.pseudonymOf("Zebedee-not-a-name"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Zebedee"));
    }
}
