package dev.doppel.mask;

import static dev.doppel.CliRunner.doppel;
import static dev.doppel.CliRunner.readCsv;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.CliRunner;
import dev.doppel.TestData;
import dev.doppel.io.ReadOptions;
import dev.doppel.io.TableReaders;
import dev.doppel.mask.fake.Fakes;
import dev.doppel.privacy.Checksums;
import dev.doppel.privacy.PersonalData;
import dev.doppel.privacy.ValueChecks;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doppel mask} end to end: what must never reach the output, pseudonyms, k-anonymity, German fakes. */
class MaskCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<List<String>> rows(Path csv) {
        return readCsv(csv, ",");
    }

    /** Every cell of every row after the header. */
    private static Set<String> cells(List<List<String>> rows) {
        Set<String> out = new HashSet<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            out.addAll(r);
        }
        return out;
    }

    private static List<String> column(List<List<String>> rows, String name) {
        int c = rows.get(0).indexOf(name);
        assertThat(c).as("column " + name).isGreaterThanOrEqualTo(0);
        List<String> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            out.add(r.get(c));
        }
        return out;
    }

    /**
     * No value of a direct-identifier column of the input appears in any of the output's replaced cells, and (for a
     * sample of the long ones: e-mails, phones, ids, websites) nowhere in the output text either.
     */
    private static void assertNoRealValue(Path input, Path output, List<String> directColumns) throws IOException {
        List<List<String>> in = rows(input);
        List<List<String>> out = rows(output);
        // cells of the replaced columns (kept columns, such as a city, hold real values by design)
        Set<String> written = new HashSet<>();
        for (String name : directColumns) {
            written.addAll(column(out, name));
        }
        String text = Files.readString(output);
        int checked = 0;
        for (String name : directColumns) {
            List<String> real = column(in, name);
            for (int i = 0; i < real.size(); i++) {
                String v = real.get(i);
                if (v.isEmpty()) {
                    continue;
                }
                if (written.contains(v)) { // (AssertJ's doesNotContain scans the set: too slow for 90,000 values)
                    throw new AssertionError("a real value of column '" + name + "' (row " + (i + 1)
                            + ") in the output's replaced cells");
                }
                if (v.length() >= 10 && i % 97 == 0) {
                    assertThat(text.contains(v)).as("a real value of column '" + name + "' inside the output text")
                            .isFalse();
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    private static JsonNode manifest(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    @Test
    void defaultMaskLeavesNoDirectIdentifierOfCustomersPii() throws IOException {
        Path input = TestData.require("customers_pii_10000.csv");
        Path out = dir.resolve("masked.csv");
        CliRunner.Run run = doppel("mask", input.toString(), "-o", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertNoRealValue(input, out, List.of("Index", "Customer Id", "First Name", "Last Name", "Company", "Phone 1",
                "Phone 2", "Email", "Website"));
        List<List<String>> masked = rows(out);
        assertThat(masked).hasSize(10_001);
        assertThat(masked.get(0)).isEqualTo(rows(input).get(0));
        // fakes look real: e-mails and phones pass their checks, pseudonymised ids are unique
        assertThat(column(masked, "Email")).allMatch(ValueChecks::isEmail);
        assertThat(column(masked, "Phone 1")).allMatch(ValueChecks::isPhone);
        assertThat(new HashSet<>(column(masked, "Customer Id"))).hasSize(10_000);
        // kept columns are copied as they were
        assertThat(column(masked, "Subscription Date")).isEqualTo(column(rows(input), "Subscription Date"));
        JsonNode m = manifest(dir.resolve("masked.privacy.json"));
        assertThat(m.get("format").asText()).isEqualTo("doppel-privacy-manifest");
        assertThat(m.get("input").get("rows").asLong()).isEqualTo(10_000);
        assertThat(m.get("key").get("source").asText()).startsWith("derived from the seed and the input");
    }

    @Test
    void defaultMaskLeavesNoDirectIdentifierOfPeoplePii() throws IOException {
        Path input = TestData.require("people_pii_1000.csv");
        Path out = dir.resolve("people.csv");
        CliRunner.Run run = doppel("mask", input.toString(), "-o", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<List<String>> in = rows(input);
        List<List<String>> masked = rows(out);
        Set<String> written = new HashSet<>();
        for (String name : List.of("User Id", "First Name", "Last Name", "Email", "Phone")) {
            written.addAll(column(masked, name));
        }
        for (String name : List.of("User Id", "First Name", "Last Name", "Email", "Phone")) {
            for (String v : column(in, name)) {
                assertThat(written.contains(v)).as("a real value of " + name + " in the output").isFalse();
            }
        }
        // date of birth is a quasi-identifier: generalised to the year by default
        assertThat(column(masked, "Date of birth")).allMatch(v -> v.isEmpty() || v.matches("\\d{4}"));
    }

    @Test
    void sameSeedSameBytesWhateverTheThreads() throws IOException {
        Path input = TestData.require("customers_pii_10000.csv");
        Path one = dir.resolve("one.csv");
        Path two = dir.resolve("two.csv");
        assertThat(doppel("mask", input.toString(), "-o", one.toString(), "--threads", "1").code()).isZero();
        assertThat(doppel("mask", input.toString(), "-o", two.toString(), "--threads", "3").code()).isZero();
        assertThat(Files.readAllBytes(two)).isEqualTo(Files.readAllBytes(one));
        Path other = dir.resolve("other.csv");
        assertThat(doppel("mask", input.toString(), "-o", other.toString(), "--seed", "7").code()).isZero();
        assertThat(Files.readAllBytes(other)).isNotEqualTo(Files.readAllBytes(one));
    }

    /**
     * The key derived from the input hashes every byte of every pseudonymised value, also of a value longer than the
     * buffer the bytes are gathered in: two inputs that differ only in the last character of such a value get
     * different keys, the same input the same one.
     */
    @Test
    void theDerivedKeyReadsEveryByteOfLongValues() throws IOException {
        String[] ids = new String[3];
        for (String last : List.of("1", "2", "1")) {
            int i = ids[0] == null ? 0 : ids[1] == null ? 1 : 2;
            StringBuilder csv = new StringBuilder("Customer Id,Plan\n");
            for (int r = 0; r < 40; r++) {
                csv.append(String.format(Locale.ROOT, "C%05d,%s%n", r, r % 2 == 0 ? "basic" : "plus"));
            }
            csv.append('C').append("7".repeat(9_000)).append(last).append(",basic\n");
            Path input = dir.resolve("long" + i + ".csv");
            Files.writeString(input, csv);
            Path out = dir.resolve("long" + i + "-masked.csv");
            CliRunner.Run run = doppel("mask", input.toString(), "-o", out.toString(), "--seed", "7");
            assertThat(run.code()).as(run.err()).isZero();
            JsonNode key = manifest(dir.resolve("long" + i + "-masked.privacy.json")).get("key");
            assertThat(key.get("source").asText()).startsWith("derived from the seed and the input");
            ids[i] = key.get("id").asText();
        }
        assertThat(ids[1]).isNotEqualTo(ids[0]);
        assertThat(ids[2]).isEqualTo(ids[0]);
    }

    /**
     * Pass 1 observes batches of rows on workers and merges them in batch order: with several batches (rare values,
     * quasi-identifier counts, real-value filters, fresh id ranges and the key derived from the input all learned in
     * pass 1) the output and its manifest must not depend on the thread count.
     */
    @Test
    void passOneInParallelGivesTheSameOutputAndManifest() throws IOException {
        Path source = TestData.require("customers_pii_10000.csv");
        List<String> lines = Files.readAllLines(source);
        List<String> tripled = new ArrayList<>(lines);
        for (int copy = 0; copy < 2; copy++) {
            tripled.addAll(lines.subList(1, lines.size()));
        }
        Path input = dir.resolve("customers_30000.csv");
        Files.write(input, tripled);
        Path one = dir.resolve("one.csv");
        Path two = dir.resolve("two.csv");
        assertThat(doppel("mask", input.toString(), "-o", one.toString(), "--threads", "1").code()).isZero();
        assertThat(doppel("mask", input.toString(), "-o", two.toString(), "--threads", "2").code()).isZero();
        assertThat(Files.readAllBytes(two)).isEqualTo(Files.readAllBytes(one));
        JsonNode first = JSON.readTree(dir.resolve("one.privacy.json").toFile());
        JsonNode second = JSON.readTree(dir.resolve("two.privacy.json").toFile());
        assertThat(second.get("key")).isEqualTo(first.get("key"));
        assertThat(second.get("k_anonymity")).isEqualTo(first.get("k_anonymity"));
        assertThat(second.get("columns")).isEqualTo(first.get("columns"));
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        Path input = TestData.require("people_pii_1000.csv");
        Path out = dir.resolve("p.csv");
        Files.writeString(out, "keep me");
        CliRunner.Run run = doppel("mask", input.toString(), "-o", out.toString());
        assertThat(run.code()).isEqualTo(4);
        assertThat(run.errLines()).hasSize(1);
        assertThat(Files.readString(out)).isEqualTo("keep me");
        assertThat(doppel("mask", input.toString(), "-o", out.toString(), "--force").code()).isZero();
    }

    /** Rows [from, to) of a CSV, with its header. */
    private Path slice(Path input, int from, int to, String name) throws IOException {
        List<String> lines = Files.readAllLines(input);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        out.addAll(lines.subList(1 + from, 1 + to));
        Path file = dir.resolve(name);
        Files.write(file, out);
        return file;
    }

    private Path keyProfile(String key, String name) throws IOException {
        Path keyFile = dir.resolve(name + ".key");
        Files.writeString(keyFile, key + "\n");
        Path profile = dir.resolve(name + ".yaml");
        Files.writeString(profile, "columns:\n  Customer Id: {action: pseudonymise}\n  Email: {action: pseudonymise}\n"
                + "  First Name: {action: pseudonymise}\nprivacy:\n  key_file: \"" + keyFile.toString().replace("\\", "/")
                + "\"\n");
        return profile;
    }

    @Test
    void pseudonymsAreKeyedStableAcrossFilesAndRunsAndCollisionFree() throws IOException {
        Path input = TestData.require("customers_pii_10000.csv");
        Path a = slice(input, 0, 6000, "a.csv");
        Path b = slice(input, 4000, 10_000, "b.csv");
        String key = "7f3a9c2e41b85d06f1e2a3b4c5d6e7f8";
        Path profile = keyProfile(key, "k1");
        Path outA = dir.resolve("outA.csv");
        Path outB = dir.resolve("outB.csv");
        Path outA2 = dir.resolve("outA2.csv");
        for (Path[] job : new Path[][] {{a, outA}, {b, outB}, {a, outA2}}) {
            CliRunner.Run run = doppel("mask", job[0].toString(), "-o", job[1].toString(), "-p", profile.toString());
            assertThat(run.code()).as(run.err()).isZero();
        }
        assertThat(Files.readAllBytes(outA2)).as("same key, same file: same bytes").isEqualTo(Files.readAllBytes(outA));
        List<String> idsA = column(rows(outA), "Customer Id");
        List<String> idsB = column(rows(outB), "Customer Id");
        List<String> mailA = column(rows(outA), "Email");
        List<String> mailB = column(rows(outB), "Email");
        // rows 4000..5999 are in both files: the same real value gets the same pseudonym in both
        for (int r = 4000; r < 6000; r++) {
            assertThat(idsB.get(r - 4000)).isEqualTo(idsA.get(r));
            assertThat(mailB.get(r - 4000)).isEqualTo(mailA.get(r));
        }
        // no two real values share a pseudonym
        List<String> realIds = column(rows(a), "Customer Id");
        Map<String, String> seen = new HashMap<>();
        for (int r = 0; r < realIds.size(); r++) {
            String before = seen.putIfAbsent(idsA.get(r), realIds.get(r));
            assertThat(before == null || before.equals(realIds.get(r))).isTrue();
        }
        assertThat(new HashSet<>(column(rows(outA), "First Name")))
                .hasSameSizeAs(new HashSet<>(column(rows(a), "First Name")));
        assertThat(mailA).allMatch(ValueChecks::isEmail);
        // a different key gives different pseudonyms
        Path other = keyProfile("0a1b2c3d4e5f60718293a4b5c6d7e8f9", "k2");
        Path outC = dir.resolve("outC.csv");
        assertThat(doppel("mask", a.toString(), "-o", outC.toString(), "-p", other.toString()).code()).isZero();
        List<String> idsC = column(rows(outC), "Customer Id");
        int same = 0;
        for (int r = 0; r < idsA.size(); r++) {
            same += idsA.get(r).equals(idsC.get(r)) ? 1 : 0;
        }
        assertThat(same).isLessThan(10);
        // the key is in nothing written
        for (Path p : List.of(outA, outB, outC, dir.resolve("outA.privacy.json"), dir.resolve("outC.privacy.json"))) {
            assertThat(Files.readString(p)).doesNotContain(key).doesNotContain("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        }
        JsonNode m = manifest(dir.resolve("outA.privacy.json"));
        assertThat(m.get("key").get("source").asText()).isEqualTo("key file k1.key");
        assertThat(m.get("key").get("id").asText()).hasSize(8);
    }

    @Test
    void aProfileThatAsksForPseudonymsNeedsAKey() throws IOException {
        Path input = TestData.require("people_pii_1000.csv");
        Path profile = dir.resolve("p.yaml");
        Files.writeString(profile, "columns:\n  Email: {action: pseudonymise}\nprivacy:\n  key_env: DOPPEL_TEST_KEY_NOT_SET\n");
        CliRunner.Run run = doppel("mask", input.toString(), "-o", dir.resolve("o.csv").toString(), "-p", profile.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("DOPPEL_TEST_KEY_NOT_SET");
        assertThat(Files.exists(dir.resolve("o.csv"))).isFalse();
    }

    @Test
    void kAnonymityOnAdultHoldsForEveryCombination() throws IOException {
        Path input = TestData.require("adult.csv");
        Path profile = dir.resolve("adult.yaml");
        Files.writeString(profile, "privacy:\n  k: 5\n  quasi_identifiers: [age, sex, race, native-country]\n");
        Path out = dir.resolve("adult_masked.csv");
        CliRunner.Run run = doppel("mask", input.toString(), "-o", out.toString(), "-p", profile.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<List<String>> rows = rows(out);
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        int[] qi = {header.indexOf("age"), header.indexOf("sex"), header.indexOf("race"), header.indexOf("native-country")};
        Map<List<String>, Integer> counts = new HashMap<>();
        long suppressed = 0;
        for (List<String> r : rows.subList(1, rows.size())) {
            List<String> tuple = new ArrayList<>();
            for (int c : qi) {
                String v = r.get(c).strip();
                tuple.add(v);
            }
            counts.merge(tuple, 1, Integer::sum);
        }
        int min = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertThat(min).as("the smallest combination of age, sex, race, native-country").isGreaterThanOrEqualTo(5);
        JsonNode k = manifest(dir.resolve("adult_masked.privacy.json")).get("k_anonymity");
        assertThat(k.get("k_requested").asInt()).isEqualTo(5);
        assertThat(k.get("k_reached").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(rows).hasSize(32_562);
        assertThat(run.out()).contains("k-anonymity over age, sex, race, native-country: k = ");
    }

    @Test
    void germanProfileYieldsGermanNamesPhonesAndValidIbans() throws IOException {
        Fakes de = Fakes.of(Locale.GERMANY);
        SplittableRandom rnd = new SplittableRandom(5);
        List<String> lines = new ArrayList<>();
        lines.add("Kundennummer;Vorname;Nachname;E-Mail;Telefon;IBAN;Umsatz");
        for (int i = 0; i < 400; i++) {
            var p = de.person(rnd);
            lines.add(String.format(Locale.ROOT, "K%06d;%s;%s;%s;%s;%s;%d", 100_000 + i * 7, p.firstName(), p.lastName(),
                    de.fake(PersonalData.EMAIL, p, null, rnd), de.fake(PersonalData.PHONE, p, null, rnd),
                    de.fake(PersonalData.IBAN, p, null, rnd), rnd.nextInt(5000)));
        }
        Path input = dir.resolve("kunden.csv");
        Files.write(input, lines);
        Path out = dir.resolve("kunden_masked.csv");
        CliRunner.Run run = doppel("mask", input.toString(), "-o", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("locale: de-DE (guessed");
        List<List<String>> masked = readCsv(out, ";");
        Set<String> germanLast = new HashSet<>(de.words(PersonalData.LAST_NAME));
        Set<String> germanFirst = new HashSet<>(de.words(PersonalData.FIRST_NAME));
        assertThat(column(masked, "Nachname")).allMatch(germanLast::contains);
        assertThat(column(masked, "Vorname")).allMatch(germanFirst::contains);
        assertThat(column(masked, "IBAN")).allMatch(v -> v.startsWith("DE") && Checksums.isIban(v));
        assertThat(column(masked, "Telefon")).allMatch(v -> ValueChecks.isPhone(v) && (v.startsWith("0") || v.startsWith("+49")));
        assertThat(column(masked, "E-Mail")).allMatch(ValueChecks::isEmail);
        Set<String> written = cells(masked);
        List<List<String>> real = readCsv(input, ";");
        for (String name : List.of("Kundennummer", "Vorname", "Nachname", "E-Mail", "Telefon", "IBAN")) {
            assertThat(written).doesNotContainAnyElementsOf(column(real, name));
        }
        assertThat(column(masked, "Umsatz")).isEqualTo(column(real, "Umsatz"));
    }

    @Test
    void parquetOutputHoldsTheMaskedRows() throws IOException {
        Path input = TestData.require("people_pii_1000.csv");
        Path out = dir.resolve("people.parquet");
        CliRunner.Run run = doppel("mask", input.toString(), "-o", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        RawTable back = TableReaders.read(out, ReadOptions.DEFAULTS);
        assertThat(back.rows()).isEqualTo(1000);
        Set<String> real = new HashSet<>(column(rows(input), "Email"));
        for (String v : back.column(back.indexOf("Email"))) {
            assertThat(real).doesNotContain(v);
            assertThat(ValueChecks.isEmail(v)).isTrue();
        }
    }
}
