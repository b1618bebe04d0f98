package dev.doppel.mask.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The word lists the build stores in the jar are exactly the lists Datafaker gives at run time. */
class VocabularyResourceTest {
    private static String stored(Locale locale) throws IOException {
        try (InputStream in = Vocabulary.class.getResourceAsStream(Vocabulary.resource(locale))) {
            assertThat(in).as("the build stores " + Vocabulary.resource(locale)).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void storedListsEqualDatafakersForGermanAndEnglish() throws IOException {
        for (Locale locale : new Locale[] {Locale.GERMANY, Locale.US}) {
            String fromDatafaker = Vocabulary.fromDatafaker(locale).write();
            assertThat(stored(locale)).isEqualTo(fromDatafaker);
            assertThat(Vocabulary.read(stored(locale)).write()).isEqualTo(fromDatafaker);
        }
    }

    @Test
    void everySupportedLocaleIsStored() throws IOException {
        for (LocaleProfile profile : LocaleProfile.values()) {
            Vocabulary v = Vocabulary.read(stored(profile.locale));
            assertThat(v.anyFirst()).isNotEmpty();
            assertThat(v.last()).isNotEmpty();
            assertThat(v.cities()).isNotEmpty();
        }
    }
}
