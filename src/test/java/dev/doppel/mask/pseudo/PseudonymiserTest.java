package dev.doppel.mask.pseudo;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.doppel.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PseudonymiserTest {
    private static final byte[] KEY = PseudonymKeyTest.randomBytes(32, 11);
    private static final String HEX = HexFormat.of().formatHex(KEY);
    private static final Pseudonymiser IDS = Pseudonymiser.of(PseudonymKey.ofBytes(KEY), "customer_id");

    @TempDir
    Path dir;

    @Test
    void sameKeyAndDomainGiveSameTokensInTwoRuns() throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, HEX + "\n");
        Pseudonymiser run1 = Pseudonymiser.of(PseudonymKey.fromFile(file), "customer_id");
        Pseudonymiser run2 = Pseudonymiser.of(PseudonymKey.fromFile(file), "customer_id");
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 2000; i++) {
            String value = Gen.mixed(rng, 1 + rng.nextInt(30));
            assertThat(run2.token(value)).isEqualTo(run1.token(value));
        }
        assertThat(run1.token("7590-VHVEG")).isEqualTo(IDS.token("7590-VHVEG"));
    }

    @Test
    void sharedValuesGetTheSamePseudonymInTwoFiles() throws IOException {
        List<String> customers = column(TestData.require("customers_pii_10000.csv"), "First Name");
        List<String> people = column(TestData.require("people_pii_1000.csv"), "First Name");
        // two runs, one per file, each loading the key afresh
        Pseudonymiser a = Pseudonymiser.of(PseudonymKey.ofBytes(KEY.clone()), "first_name");
        Pseudonymiser b = Pseudonymiser.of(PseudonymKey.ofBytes(KEY.clone()), "first_name");
        Set<String> sharedValues = new HashSet<>(customers);
        sharedValues.retainAll(people);
        Set<String> tokensA = customers.stream().map(a::token).collect(Collectors.toSet());
        Set<String> tokensB = people.stream().map(b::token).collect(Collectors.toSet());
        tokensA.retainAll(tokensB);
        assertThat(sharedValues).hasSizeGreaterThan(100); // the join has something to find
        assertThat(tokensA).hasSameSizeAs(sharedValues); // joined on tokens = joined on values
        for (String v : sharedValues) {
            assertThat(b.token(v)).isEqualTo(a.token(v)).isNotEqualTo(v);
        }
    }

    @Test
    void differentKeyOrDomainGivesDifferentTokens() {
        Pseudonymiser otherKey = Pseudonymiser.of(PseudonymKey.ofBytes(PseudonymKeyTest.randomBytes(32, 12)), "customer_id");
        Pseudonymiser otherDomain = Pseudonymiser.of(PseudonymKey.ofBytes(KEY), "account_id");
        SplittableRandom rng = new SplittableRandom(6);
        int sameKey = 0;
        int sameDomain = 0;
        for (int i = 0; i < 10_000; i++) {
            String value = Gen.string(rng, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 15);
            sameKey += IDS.token(value).equals(otherKey.token(value)) ? 1 : 0;
            sameDomain += IDS.token(value).equals(otherDomain.token(value)) ? 1 : 0;
        }
        // a chance agreement has probability about 36^-15: at most 1% is a loose bound
        assertThat(sameKey).isLessThanOrEqualTo(100);
        assertThat(sameDomain).isLessThanOrEqualTo(100);
    }

    @Test
    void allThreeDigitStringsMapToDistinctThreeDigitStrings() {
        Set<String> tokens = new HashSet<>();
        int fixed = 0;
        for (int i = 0; i < 1000; i++) {
            String value = String.format(Locale.ROOT, "%03d", i);
            String token = IDS.token(value);
            assertThat(token).matches("[0-9]{3}");
            tokens.add(token);
            fixed += token.equals(value) ? 1 : 0;
        }
        assertThat(tokens).hasSize(1000);
        // a random permutation has 1 fixed point on average (Poisson(1)); 8 or more has probability below 1e-5
        assertThat(fixed).isLessThan(8);
    }

    @Test
    void singleCharactersArePermutedWithinTheirClass() {
        Set<String> digits = new HashSet<>();
        Set<String> letters = new HashSet<>();
        for (char c = '0'; c <= '9'; c++) {
            digits.add(IDS.token(String.valueOf(c)));
        }
        for (char c = 'a'; c <= 'z'; c++) {
            letters.add(IDS.token(String.valueOf(c)));
            assertThat(IDS.reverse(IDS.token(String.valueOf(c)))).isEqualTo(String.valueOf(c));
        }
        assertThat(digits).hasSize(10).allMatch(s -> s.matches("[0-9]"));
        assertThat(letters).hasSize(26).allMatch(s -> s.matches("[a-z]"));
    }

    @Test
    void hundredThousandHexIdsGiveDistinctHexTokens() {
        SplittableRandom rng = new SplittableRandom(8);
        Set<String> values = new HashSet<>();
        while (values.size() < 100_000) {
            values.add(Gen.string(rng, "0123456789abcdef", 15));
        }
        Set<String> tokens = new HashSet<>();
        for (String v : values) {
            String t = IDS.token(v);
            assertThat(t).matches("[0-9a-f]{15}");
            tokens.add(t);
        }
        assertThat(tokens).hasSize(100_000);
    }

    @Test
    void hexValuesStayHexAndOtherValuesKeepTheirClasses() {
        String uuid = "3f2a9c1e-0b7d-4e55-9a61-c0ffee123456";
        assertThat(IDS.token(uuid)).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(IDS.token("DEADBEEF42")).matches("[0-9A-F]{10}").matches(".*[0-9].*").matches(".*[A-F].*");
        assertThat(IDS.token("7590-VHVEG")).matches("[0-9]{4}-[A-Z]{5}");
        assertThat(IDS.token("+41 79 555 12 34")).matches("\\+[0-9]{2} [0-9]{2} [0-9]{3} [0-9]{2} [0-9]{2}");
        assertThat(IDS.token("cafe")).matches("[a-z]{4}");
        // a class-shaped value never becomes a hex value (that set belongs to hex inputs)
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < 5000; i++) {
            String v = Gen.string(rng, "0123456789abcdefxyz", 4) + "9x"; // a digit and a non-hex letter
            assertThat(IDS.token(v)).doesNotMatch("[0-9a-f]+");
        }
        String name = "José Müller-Łukasz Ωμέγα Иван";
        String token = IDS.token(name);
        assertThat(token).hasSameSizeAs(name);
        assertClassesKept(name, token);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reverseUndoesTokenAndClassesAreKept(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 20; i++) {
            String value = Gen.mixed(rng, rng.nextInt(40));
            String token = IDS.token(value);
            assertThat(IDS.reverse(token)).isEqualTo(value);
            assertThat(token).hasSameSizeAs(value);
            if (!hexOnly(value)) {
                assertClassesKept(value, token);
            } else {
                assertThat(hexOnly(token)).isTrue();
            }
        }
    }

    @Test
    void emailTokenKeepsSyntaxAndTopLevelDomain() {
        String token = IDS.emailToken("john.doe42@example.com");
        assertThat(token).matches("[a-z]{4}\\.[a-z]{3}[0-9]{2}@[a-z]{7}\\.com");
        assertThat(IDS.reverseEmail(token)).isEqualTo("john.doe42@example.com");
        String host1 = IDS.emailToken("anna@mail.example.org").split("@")[1];
        String host2 = IDS.emailToken("bert@mail.example.org").split("@")[1];
        assertThat(host1).isEqualTo(host2).endsWith(".org").isNotEqualTo("mail.example.org");
        assertThat(IDS.reverseEmail(IDS.emailToken("not an address"))).isEqualTo("not an address");
        SplittableRandom rng = new SplittableRandom(10);
        for (int i = 0; i < 2000; i++) {
            String v = Gen.mixed(rng, 1 + rng.nextInt(10)) + "@" + Gen.mixed(rng, rng.nextInt(10)) + "."
                    + Gen.mixed(rng, rng.nextInt(4));
            assertThat(IDS.reverseEmail(IDS.emailToken(v))).isEqualTo(v);
        }
    }

    @Test
    void tokensDoNotDependOnThreadCount() throws Exception {
        SplittableRandom rng = new SplittableRandom(12);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            values.add(Gen.mixed(rng, 1 + rng.nextInt(20)));
        }
        List<String> sequential = values.stream().map(IDS::token).collect(Collectors.toList());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (String v : values) {
                futures.add(pool.submit(() -> IDS.token(v)));
            }
            for (int i = 0; i < values.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keyNeverAppearsInAnythingWritten() throws IOException {
        Path people = TestData.require("people_pii_1000.csv");
        Path keyFile = dir.resolve("key");
        Files.writeString(keyFile, HEX);
        PseudonymKey key = PseudonymKey.fromFile(keyFile);
        Pseudonymiser ids = Pseudonymiser.of(key, "user_id");
        StringBuilder written = new StringBuilder();
        written.append(key).append('\n').append(ids).append('\n');
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(people, StandardCharsets.UTF_8)) {
            for (NamedCsvRecord r : csv) {
                written.append(ids.token(r.getField("User Id"))).append(',')
                        .append(ids.emailToken(r.getField("Email"))).append('\n');
            }
        }
        String out = written.toString();
        String base64 = Base64.getEncoder().encodeToString(KEY);
        String raw = new String(KEY, StandardCharsets.ISO_8859_1);
        for (int i = 0; i + 8 <= HEX.length(); i += 8) {
            assertThat(out).doesNotContainIgnoringCase(HEX.substring(i, i + 8));
        }
        assertThat(out).doesNotContain(base64.substring(0, 12)).doesNotContain(raw.substring(0, 8));
        assertThat(out).contains(key.id()); // the fingerprint is what may be written
    }

    @Test
    void toStringShowsDomainAndFingerprintOnly() {
        assertThat(IDS.toString()).isEqualTo("Pseudonymiser[domain=customer_id, key=" + IDS.keyId() + "]");
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** The hex rule of {@link Pseudonymiser}: digits and a-f (or A-F) only, at least one of each. */
    private static boolean hexOnly(String v) {
        boolean digit = false;
        boolean lower = false;
        boolean upper = false;
        for (char c : v.toCharArray()) {
            CharClass cls = CharClass.of(c);
            if (cls == null) {
                continue;
            }
            if (cls == CharClass.DIGIT) {
                digit = true;
            } else if (c >= 'a' && c <= 'f') {
                lower = true;
            } else if (c >= 'A' && c <= 'F') {
                upper = true;
            } else {
                return false;
            }
        }
        return digit && (lower ^ upper);
    }

    private static void assertClassesKept(String value, String token) {
        for (int i = 0; i < value.length(); i++) {
            CharClass cls = CharClass.of(value.charAt(i));
            if (cls == null) {
                assertThat(token.charAt(i)).as("kept character at %d", i).isEqualTo(value.charAt(i));
            } else {
                assertThat(CharClass.of(token.charAt(i))).as("class at %d", i).isEqualTo(cls);
            }
        }
    }

    private static List<String> column(Path file, String name) throws IOException {
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
            return csv.stream().map(r -> r.getField(name)).collect(Collectors.toList());
        }
    }

    /** Random strings for properties. */
    static final class Gen {
        private static final String MIXED = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                + "éüßÀÖÿΑΩαωЖжя-_.@ /+'\u20ac\ud83d\ude00";

        private Gen() {}

        static String string(SplittableRandom rng, String alphabet, int length) {
            char[] c = new char[length];
            for (int i = 0; i < length; i++) {
                c[i] = alphabet.charAt(rng.nextInt(alphabet.length()));
            }
            return new String(c);
        }

        /** Mixed classes; about one value in four is drawn from hex characters only, to exercise the hex rule. */
        static String mixed(SplittableRandom rng, int length) {
            if (rng.nextInt(4) == 0) {
                return string(rng, rng.nextBoolean() ? "0123456789abcdef-" : "0123456789ABCDEF", length);
            }
            StringBuilder sb = new StringBuilder();
            while (sb.length() < length) {
                int i = rng.nextInt(MIXED.length() - 1);
                char c = MIXED.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    sb.append(c).append(MIXED.charAt(i + 1));
                } else if (!Character.isLowSurrogate(c)) {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
    }
}
