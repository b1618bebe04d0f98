package dev.doppel.profile;

import dev.doppel.privacy.Detection;
import dev.doppel.privacy.MaskAction;
import dev.doppel.privacy.PrivacyRole;
import dev.doppel.schema.ColumnKind;
import dev.doppel.schema.ColumnProfile;
import dev.doppel.schema.ColumnSpec;
import dev.doppel.table.FileDialect;
import java.util.List;
import java.util.Locale;

/**
 * Writes a profile for a data file as commented YAML that a person can edit: every column with its inferred kind and
 * format, plus the model and output sections with their defaults spelled out.
 */
public final class ProfileWriter {
    private ProfileWriter() {}

    public static String write(String job, String dataPath, FileDialect dialect, List<ColumnProfile> columns) {
        return write(job, dataPath, dialect, null, dev.doppel.io.ReadOptions.DEFAULT_MISSING, columns, null);
    }

    /**
     * As above, with the encoding and missing markers the data was read with, so the profile reads it the same way; a
     * null encoding (none was set) is left to detection: UTF-8, or windows-1252 for a file that is not UTF-8.
     */
    public static String write(
            String job,
            String dataPath,
            FileDialect dialect,
            String encoding,
            List<String> missing,
            List<ColumnProfile> columns,
            List<Detection> detections) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Doppel job profile. Every key is described in README.md, \"Profile format\".\n");
        sb.append("# Run it with: ./doppel run <this file>\n");
        sb.append("version: 1\n");
        sb.append("job: ").append(quote(job)).append('\n');
        sb.append("input:\n");
        sb.append("  path: ").append(quote(dataPath)).append("   # relative to the folder doppel runs in\n");
        sb.append("  delimiter: ").append(quote(delimiterKey(dialect.delimiter()))).append('\n');
        if (encoding != null) {
            sb.append("  encoding: ").append(quote(encoding)).append('\n');
        } else {
            sb.append("  # encoding: \"UTF-8\"   # when not set: UTF-8, or windows-1252 for a file that is not UTF-8\n");
        }
        sb.append("  missing: [")
                .append(String.join(", ", missing.stream().map(ProfileWriter::quote).toList()))
                .append("]\n");
        sb.append("columns:   # what inference found; change a kind or format, or add skip: true\n");
        sb.append("           # role/action: what personal-data detection found (see README, \"Masking personal data\")\n");
        for (int i = 0; i < columns.size(); i++) {
            ColumnProfile p = columns.get(i);
            Detection d = detections == null ? null : detections.get(i);
            ColumnSpec s = p.spec();
            sb.append("  ").append(quote(s.name())).append(": {kind: ").append(s.kind().key());
            if (s.kind() == ColumnKind.DECIMAL) {
                sb.append(", scale: ").append(s.scale());
            }
            if (s.layout() != null) {
                sb.append(", layout: ").append(quote(s.layout()));
            }
            if (s.kind() == ColumnKind.BOOLEAN) {
                sb.append(", true_value: ").append(quote(s.trueValue()));
                sb.append(", false_value: ").append(quote(s.falseValue()));
            }
            if (!s.missing().isEmpty()) {
                sb.append(", missing: ").append(quote(s.missing()));
            }
            if (s.skip()) {
                sb.append(", skip: true");
            }
            String proposal = "";
            if (d != null && d.role() != PrivacyRole.OTHER) {
                sb.append(", role: ").append(d.role().key());
                if (d.role() == PrivacyRole.DIRECT_IDENTIFIER) {
                    // stored, so the profile says what happens to it: never learned, made up or pseudonymised
                    sb.append(", action: ").append(d.action().key());
                    if (d.what() != null) {
                        sb.append(", as: ").append(d.what().key());
                    }
                } else if (d.action() != MaskAction.KEEP) {
                    // a proposal only: run learns quasi-identifiers as they are unless told otherwise
                    proposal = "; mask proposes action: " + d.action().key();
                }
            }
            sb.append("}");
            sb.append(String.format(Locale.ROOT, "   # %.1f%% missing, %d distinct", 100 * p.missingShare(), p.distinct()));
            if (d != null && !d.evidence().isEmpty()) {
                sb.append("; ").append(d.evidence().replace('\n', ' '));
            }
            sb.append(proposal);
            sb.append('\n');
        }
        sb.append("model:\n");
        sb.append("  type: auto            # auto (default): copula or tree, the better that passes the privacy bar\n");
        sb.append("  min_group: 5          # k: rarer labels are pooled; every stored number summarises >= k rows\n");
        sb.append("  rare_label: \"(other)\"\n");
        sb.append("privacy:\n");
        sb.append("  # locale: de-DE       # fakes' locale (default: guessed from the names in the data, else en-US)\n");
        sb.append("  # k: 5                # enforce k-anonymity over the quasi-identifiers\n");
        sb.append("  key_env: DOPPEL_KEY   # environment variable holding the pseudonymisation key\n");
        sb.append("output:\n");
        sb.append("  rows: ").append(columns.isEmpty() ? 0 : columns.get(0).rows()).append("           # synthetic rows\n");
        sb.append("  seed: 42\n");
        sb.append("  format: csv          # or parquet\n");
        sb.append("  dir: ").append(quote("output/" + job)).append("   # each run writes a new timestamped folder here\n");
        return sb.toString();
    }

    private static String delimiterKey(char c) {
        return switch (c) {
            case '\t' -> "tab";
            default -> String.valueOf(c);
        };
    }

    /** A YAML double-quoted scalar (JSON-compatible escaping). */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
