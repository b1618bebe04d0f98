package dev.doppel.mask.fake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which locale's name lists do a column's real names come from? Used to fake names that look like the originals
 * (German customers get German fakes).
 *
 * <p>Each locale is scored by how likely its lists make the names, as if each name were drawn uniformly from the
 * locale's list: a name in the list scores -ln(list size), a name outside it scores ln(1e-6). Coverage therefore
 * decides, and among locales that cover the names equally the smaller, more specific lists win (Dutch lists hold 22,000
 * last names, many of them German or English). Only the answer and a share are returned, never a name.
 */
public final class LocaleGuess {
    /** How many distinct first and last names are looked at (the first ones met). */
    static final int SAMPLE = 2000;
    /** Below this share of known names there is no guess. */
    static final double MIN_SHARE = 0.3;
    private static final double MISS = Math.log(1e-6);
    private static final List<Locale> CANDIDATES = List.of(Locale.US, Locale.GERMANY, Locale.FRANCE,
            Locale.forLanguageTag("es-ES"), Locale.ITALY, Locale.forLanguageTag("nl-NL"));

    /**
     * The guess for a locale.
     *
     * @param locale the locale whose lists fit the names best
     * @param share the share of sampled names found in that locale's lists, 0 to 1
     */
    public record Guess(Locale locale, double share) {
        public Guess {
            Objects.requireNonNull(locale, "locale");
        }
    }

    private LocaleGuess() {}

    /**
     * The best-fitting locale among en-US, de-DE, fr-FR, es-ES, it-IT and nl-NL, or empty when there are no names or
     * fewer than 30% of them are in that locale's lists. Either collection may be empty; blanks are ignored; names are
     * compared case-insensitively. Builds the candidate locales' lists on first use (a few seconds).
     */
    public static Optional<Guess> fromNames(Collection<String> firstNames, Collection<String> lastNames) {
        List<String> first = sample(firstNames);
        List<String> last = sample(lastNames);
        int total = first.size() + last.size();
        if (total == 0) {
            return Optional.empty();
        }
        // the candidates' word lists load independently: in parallel, each into Fakes' cache (the scores below are
        // computed in candidate order, so the answer does not depend on which list loaded first)
        CANDIDATES.parallelStream().forEach(Fakes::of);
        Locale best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestHits = 0;
        for (Locale locale : CANDIDATES) {
            Vocabulary words = Fakes.of(locale).words();
            int firstHits = hits(first, words.firstKeys);
            int lastHits = hits(last, words.lastKeys);
            double score = firstHits * -Math.log(words.firstKeys.size()) + (first.size() - firstHits) * MISS
                    + lastHits * -Math.log(words.lastKeys.size()) + (last.size() - lastHits) * MISS;
            if (score > bestScore) {
                bestScore = score;
                best = locale;
                bestHits = firstHits + lastHits;
            }
        }
        double share = bestHits / (double) total;
        return share < MIN_SHARE || best == null ? Optional.empty() : Optional.of(new Guess(best, share));
    }

    private static List<String> sample(Collection<String> names) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String name : names) {
            if (distinct.size() >= SAMPLE) {
                break;
            }
            if (name != null && !name.isBlank()) {
                distinct.add(Vocabulary.key(name));
            }
        }
        return new ArrayList<>(distinct);
    }

    private static int hits(List<String> names, Set<String> known) {
        int n = 0;
        for (String name : names) {
            if (known.contains(name)) {
                n++;
            }
        }
        return n;
    }
}
