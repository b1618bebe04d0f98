package dev.doppel.model;

import dev.doppel.mask.fake.Fakes;
import dev.doppel.privacy.PersonalData;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A direct identifier that is never learned: its values are made up by {@link Fakes} in the model's locale. The model
 * keeps only the share of missing cells and the value-free layouts (phone punctuation, e-mail domain style, id
 * character classes) that at least k rows share, each with its share.
 *
 * @param spec the column as written (a text column)
 * @param missingShare share of rows with a missing value
 * @param what the kind of personal data to make up
 * @param locale the locale fakes are drawn in, as a BCP 47 tag ("de-DE")
 * @param layouts layouts seen in at least k rows, most common first; empty for the locale's usual format
 * @param layoutShares each layout's share among the rows with one of them
 */
public record FakeColumn(
        ColumnSpec spec,
        double missingShare,
        PersonalData what,
        String locale,
        List<String> layouts,
        List<Double> layoutShares) implements ColumnModel {
    public FakeColumn {
        layouts = List.copyOf(layouts);
        layoutShares = List.copyOf(layoutShares);
        if (layouts.size() != layoutShares.size()) {
            throw new IllegalArgumentException("one share per layout expected");
        }
    }

    /**
     * Learns the column's missing share and common layouts.
     *
     * @param cells the column's cells, null where missing
     * @param k layouts seen in fewer rows are left out (a rare layout could point at one person)
     */
    public static FakeColumn fit(ColumnSpec spec, String[] cells, PersonalData what, String locale, int k) {
        int missing = 0;
        Map<String, Integer> counts = new TreeMap<>();
        for (String v : cells) {
            if (v == null) {
                missing++;
                continue;
            }
            String layout = Fakes.layoutOf(what, v);
            if (layout != null) {
                counts.merge(layout, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= k) {
                kept.add(e);
                total += e.getValue();
            }
        }
        kept.sort((a, b) -> b.getValue().equals(a.getValue()) ? a.getKey().compareTo(b.getKey()) : b.getValue() - a.getValue());
        List<String> layouts = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (Map.Entry<String, Integer> e : kept) {
            layouts.add(e.getKey());
            shares.add((double) e.getValue() / total);
        }
        double m = cells.length == 0 ? 0 : (double) missing / cells.length;
        return new FakeColumn(spec.withKind(ColumnKind.TEXT).withLayout(null), m, what, locale, layouts, shares);
    }
}
