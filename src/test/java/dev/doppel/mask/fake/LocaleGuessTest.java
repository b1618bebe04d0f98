package dev.doppel.mask.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.mask.fake.LocaleGuess.Guess;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real English names are guessed en-US, German, French, Dutch names their own locale; no names, no guess. */
class LocaleGuessTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"customers_pii_10000.csv", "people_pii_1000.csv"})
    void englishNamesOfTheSharedDatasetsAreEnUs(String dataset) {
        Optional<Guess> guess = LocaleGuess.fromNames(
                PiiColumns.column(dataset, "First Name"), PiiColumns.column(dataset, "Last Name"));
        assertThat(guess).isPresent();
        assertThat(guess.get().locale()).isEqualTo(Locale.US);
        // Datafaker's en lists hold nearly all of these first names but few of their last names
        assertThat(guess.get().share()).isBetween(0.4, 1.0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "en-US"})
    void namesDrawnFromALocalesListsAreGuessedAsThatLocale(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        Fakes fakes = Fakes.of(locale);
        SplittableRandom rnd = new SplittableRandom(31);
        List<String> first = new ArrayList<>();
        List<String> last = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            FakePerson p = fakes.person(rnd);
            first.add(p.firstName());
            last.add(p.lastName());
        }
        Optional<Guess> guess = LocaleGuess.fromNames(first, last);
        assertThat(guess).map(Guess::locale).contains(locale);
        assertThat(guess.get().share()).isEqualTo(1.0);
    }

    @Test
    void germanNamesWrittenInCapitalsAreStillGerman() {
        List<String> first = List.of("JÜRGEN", "Ursula", "  Sönke ", "Hannelore", "Björn", "Uwe", "Wiebke");
        List<String> last = List.of("Müller", "SCHMIDT", "Schäfer", "Kühn", "Wagner", "Böhm", "Zimmermann");
        assertThat(LocaleGuess.fromNames(first, last)).map(Guess::locale).contains(Locale.GERMANY);
    }

    @Test
    void noNamesOrUnknownNamesGiveNoGuess() {
        assertThat(LocaleGuess.fromNames(List.of(), List.of())).isEmpty();
        assertThat(LocaleGuess.fromNames(List.of(" ", ""), List.of())).isEmpty();
        assertThat(LocaleGuess.fromNames(List.of("Xqzt", "Vvrpl", "Qqq"), List.of("Zzkx", "Wqjv"))).isEmpty();
    }
}
