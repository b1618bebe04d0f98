package dev.doppel.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.CliRunner;
import dev.doppel.table.FileDialect;
import dev.doppel.table.RawTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A date column that mixes layouts (exports merged from several systems) is a date column in its commonest layout. */
class MixedDatesTest {
    private static RawTable table(String[] dates) {
        int[] lines = new int[dates.length];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 2;
        }
        return new RawTable("mixed.csv", List.of("signup"), List.<String[]>of(dates), List.of(""),
                new FileDialect(',', false, "\n", false, false), lines, null);
    }

    @Test
    void findsEveryLayoutAndWritesTheCommonestOne() {
        String[] dates = {"2021-03-04", "2020-12-31", "2019-07-15", "04.03.2021", "31.12.2020", "Mar 4, 2021", null};
        TemporalDetector.Mixed mixed = TemporalDetector.detectMixed(dates).orElseThrow();
        assertThat(mixed.majority().pattern()).isEqualTo("yyyy-MM-dd");
        assertThat(mixed.layouts()).extracting(TemporalLayout::pattern)
                .containsExactly("yyyy-MM-dd", "dd.MM.yyyy", "MMM d, yyyy");

        RawTable table = table(dates);
        List<ColumnProfile> inferred = SchemaInference.infer(table, Map.of());
        ColumnSpec spec = inferred.get(0).spec();
        assertThat(spec.kind()).isEqualTo(ColumnKind.DATE);
        assertThat(spec.layout()).isEqualTo("yyyy-MM-dd");
        assertThat(inferred.get(0).notes()).anyMatch(n -> n.startsWith("dates in 3 layouts"));
        assertThat(CellSpellings.normalised(table, List.of(spec), inferred).column(0))
                .containsExactly(CellSpellings.normalised(table, List.of(spec)).column(0));
        RawTable one = CellSpellings.normalised(table, List.of(spec));
        assertThat(one.column(0)).containsExactly("2021-03-04", "2020-12-31", "2019-07-15", "2021-03-04",
                "2020-12-31", "2021-03-04", null);
        TemporalLayout iso = TemporalLayout.of("yyyy-MM-dd", false);
        assertThat(iso.toNumber(one.column(0)[5])).isEqualTo(LocalDate.of(2021, 3, 4).toEpochDay());
    }

    @Test
    void isNoDateColumnWhenAValueIsNoDate() {
        assertThat(TemporalDetector.detectMixed(new String[] {"2021-03-04", "04.03.2021", "soon"})).isEmpty();
        assertThat(TemporalDetector.detectMixed(new String[] {"2021-03-04", "2021-03-05"})).isEmpty(); // one layout
        assertThat(TemporalDetector.detectMixed(new String[] {"2021-03-04", "31.02.2021"})).isEmpty(); // 31 February
        // a date-time beside a date: not one kind
        assertThat(TemporalDetector.detectMixed(new String[] {"2021-03-04 10:00", "04.03.2021"})).isEmpty();
    }

    @Test
    void leavesASingleLayoutColumnAsItIs() {
        String[] dates = {"2021-03-04", "2020-12-31"};
        RawTable table = table(dates);
        ColumnSpec spec = SchemaInference.infer(table, Map.of()).get(0).spec();
        assertThat(CellSpellings.normalised(table, List.of(spec))).isSameAs(table);
    }

    @TempDir
    Path dir;

    @Test
    void masksEveryLayoutIntoItsYear() throws IOException {
        Path data = Files.writeString(dir.resolve("m.csv"), "signup,plan\n2021-03-04,a\n2019-07-15,b\n2020-01-02,a\n"
                + "31.12.2020,b\n\"Mar 4, 2018\",a\n");
        Path profile = Files.writeString(dir.resolve("p.yaml"), "columns:\n  signup: {action: generalise, level: year}\n");
        Path out = dir.resolve("masked.csv");
        CliRunner.Run mask = CliRunner.doppel("mask", data.toString(), "-o", out.toString(), "-p", profile.toString(),
                "-q");
        assertThat(mask.code()).as(mask.err()).isZero();
        assertThat(CliRunner.readCsv(out, ",").stream().skip(1).map(r -> r.get(0)).toList())
                .containsExactly("2021", "2019", "2020", "2020", "2018"); // none suppressed as unreadable
    }
}
