package dev.doppel.mask;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The record a data-protection officer asks for, written as {@code privacy.json} beside every output: per column the
 * role, the action and its parameters, the k-anonymity reached and what it cost, the locale, the seed and a hash of
 * the profile. It holds settings and counts only: no cell value, and of the pseudonymisation key only a non-secret id.
 *
 * @param format always {@value #FORMAT}
 * @param version the manifest format's version
 * @param tool "doppel" and its version
 * @param command run or mask
 * @param input the input file's name (no folder) and its size
 * @param output the data file's name (no folder)
 * @param profile the profile's file name and the SHA-256 of its text; null when none was used
 * @param seed the seed fakes and synthetic rows were drawn with
 * @param locale the locale of the fakes, and how it was chosen
 * @param key where the pseudonymisation key came from and its id; null when nothing was pseudonymised
 * @param kAnonymity k over the quasi-identifiers, what was asked and reached, and what it cost
 * @param columns one entry per input column, in file order
 * @param copies what {@code run} did about synthetic rows that copied a rare training row; null for {@code mask}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrivacyManifest(
        String format,
        int version,
        String tool,
        String command,
        Input input,
        String output,
        ProfileRef profile,
        long seed,
        LocaleChoice locale,
        Key key,
        KAnonymityReport kAnonymity,
        List<Column> columns,
        CopyCheck copies) {

    public static final String FORMAT = "doppel-privacy-manifest";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    public PrivacyManifest {
        columns = List.copyOf(columns);
    }

    /** Without a copy check (a {@code mask} manifest). */
    public PrivacyManifest(String format, int version, String tool, String command, Input input, String output,
            ProfileRef profile, long seed, LocaleChoice locale, Key key, KAnonymityReport kAnonymity,
            List<Column> columns) {
        this(format, version, tool, command, input, output, profile, seed, locale, key, kAnonymity, columns, null);
    }

    /** This manifest with {@code run}'s copy check. */
    public PrivacyManifest withCopies(CopyCheck check) {
        return new PrivacyManifest(format, version, tool, command, input, output, profile, seed, locale, key,
                kAnonymity, columns, check);
    }

    /**
     * No synthetic row may equal a combination of the evaluated columns that fewer than k training rows share.
     *
     * @param k the combination size below which a row is protected (the model's min group)
     * @param protectedCombinations how many distinct training combinations that is
     * @param pilotShare the share of a pilot draw (2,048 rows, seeds of its own) that fell on one; null when no pilot
     *     was drawn (nothing to protect, or no rows to write)
     * @param active true when rows were checked and redrawn as needed; false when the pilot share was above 1% (rare
     *     combinations are then the table's texture, a fresh sample lands on them as often, and redrawing would
     *     distort the output, so none was) or when no pilot was drawn
     * @param redrawn synthetic rows that equalled one and were drawn again
     * @param kept rows that still equalled one after every redraw (0 unless the model can draw little else)
     */
    public record CopyCheck(int k, long protectedCombinations, Double pilotShare, boolean active, long redrawn,
            long kept) {}

    /** @param file the file name, no folder; @param rows rows read; @param columns columns read */
    public record Input(String file, long rows, int columns) {}

    /** @param file the profile's file name, no folder; @param sha256 hex SHA-256 of its bytes */
    public record ProfileRef(String file, String sha256) {}

    /** @param tag e.g. "de-DE"; @param source "profile", "guessed: ..." or "default" */
    public record LocaleChoice(String tag, String source) {}

    /** @param source "environment variable DOPPEL_KEY" or "key file doppel.key"; @param id a non-secret fingerprint */
    public record Key(String source, String id) {}

    /**
     * @param quasiIdentifiers the columns counted
     * @param kRequested the k the profile asked for; null when none
     * @param kReached the smallest number of rows sharing one combination of quasi-identifiers, after masking
     * @param levels per quasi-identifier, the generalisation applied (described, no values)
     * @param suppressedRows rows whose quasi-identifiers were suppressed to reach k
     * @param suppressedCells cells written as missing to reach k
     * @param maxSuppressed the share of rows k-anonymity was allowed to suppress
     */
    public record KAnonymityReport(
            List<String> quasiIdentifiers,
            Integer kRequested,
            long kReached,
            Map<String, String> levels,
            long suppressedRows,
            long suppressedCells,
            Double maxSuppressed) {}

    /**
     * @param name the header name
     * @param role direct-identifier, quasi-identifier, sensitive or other
     * @param personalData the kind of personal data, e.g. "email"; null when none
     * @param action keep, fake, pseudonymise, generalise, suppress or drop
     * @param parameters the action's settings (level, style, locale), never values or secrets
     * @param setBy "profile" or "detection"
     * @param evidence detection's reasons (counts and kinds only)
     * @param suppressedCells cells of this column written as missing by masking
     */
    public record Column(
            String name,
            String role,
            String personalData,
            String action,
            Map<String, String> parameters,
            String setBy,
            String evidence,
            long suppressedCells) {}

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the privacy manifest cannot be written as JSON", e);
        }
    }

    /** Hex SHA-256 of a text's UTF-8 bytes. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
