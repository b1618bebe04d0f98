package dev.doppel.cli;

import dev.doppel.mask.PrivacyManifest;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The manifest for people: one line per column that masking touched, then k-anonymity. No values. */
final class MaskReport {
    private MaskReport() {}

    static String render(PrivacyManifest manifest) {
        StringBuilder sb = new StringBuilder();
        int width = Math.min(32, Math.max(6, manifest.columns().stream().mapToInt(c -> c.name().length()).max().orElse(6)));
        String row = "%-" + width + "s  %-17s  %-12s  %s%n";
        sb.append(String.format(Locale.ROOT, row, "column", "role", "action", "details").stripTrailing())
                .append(System.lineSeparator());
        for (PrivacyManifest.Column c : manifest.columns()) {
            if (c.action().equals("keep") && c.role().equals("other")) {
                continue;
            }
            String details = c.parameters().entrySet().stream()
                    .filter(e -> !e.getKey().equals("method"))
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            if (c.suppressedCells() > 0) {
                details += (details.isEmpty() ? "" : "; ") + String.format(Locale.ROOT, "%,d cells suppressed",
                        c.suppressedCells());
            }
            String name = c.name().length() > width ? c.name().substring(0, width - 1) + "…" : c.name();
            sb.append(String.format(Locale.ROOT, row, name, c.role(), c.action(), details).stripTrailing())
                    .append(System.lineSeparator());
        }
        PrivacyManifest.KAnonymityReport k = manifest.kAnonymity();
        if (k != null) {
            String levels = k.levels().entrySet().stream().map(Map.Entry::getValue).collect(Collectors.joining(", "));
            sb.append(String.format(Locale.ROOT, "k-anonymity over %s: k = %d%s (levels: %s; %,d rows, %,d cells"
                            + " suppressed)%n",
                    String.join(", ", k.quasiIdentifiers()), k.kReached(),
                    k.kRequested() == null ? " (not enforced; set privacy.k)" : ", asked " + k.kRequested(),
                    levels, k.suppressedRows(), k.suppressedCells()));
        }
        sb.append("locale: ").append(manifest.locale().tag()).append(" (").append(manifest.locale().source()).append(")")
                .append(System.lineSeparator());
        return sb.toString();
    }
}
