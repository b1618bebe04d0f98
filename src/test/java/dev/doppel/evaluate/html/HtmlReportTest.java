package dev.doppel.evaluate.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.evaluate.EvaluationReport;
import dev.doppel.evaluate.PrivacyScores;
import dev.doppel.evaluate.PrivacyScores.AttackResult;
import dev.doppel.evaluate.PrivacyScores.DistanceSummary;
import dev.doppel.evaluate.PrivacyScores.KAnonymityResult;
import dev.doppel.evaluate.PrivacyScores.Quantiles;
import dev.doppel.evaluate.QualityScores;
import dev.doppel.evaluate.QualityScores.MlEfficacy;
import dev.doppel.evaluate.QualityScores.Propensity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HtmlReportTest {
    static Stream<EvaluationReport> fixtures() {
        return Stream.of(ReportFixtures.customers(), ReportFixtures.small(), ReportFixtures.big(),
                ReportFixtures.hostile());
    }

    @Test
    void userStringsAreEscapedEverywhere() {
        String html = HtmlReport.render(ReportFixtures.hostile());

        // the only <script mentions are escaped data; the page itself has none
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>real")
                .doesNotContain("<i>0.1");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;script&gt;alert(&#39;col&#39;)&lt;/script&gt;")
                .contains("&quot;quoted&quot; &amp; &#39;single&#39;")
                .contains("&lt;img src=x onerror=alert(2)&gt;")
                .contains("a&quot;b&lt;c&gt;&amp;d")
                .contains("&lt;script&gt;skipped&lt;/script&gt;")
                .contains("note with &lt;script&gt;alert(3)&lt;/script&gt;");
        // an attribute value never ends early: every quote inside one is escaped
        assertThat(html).doesNotContain("\"><script").contains("title=\"&quot;&gt;&lt;script&gt;sha&lt;/script&gt;\"");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void loadsNothingFromOutside(EvaluationReport report) {
        String html = HtmlReport.render(report);

        Matcher refs = Pattern.compile("(?i)(?:src|href|xlink:href)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        while (refs.find()) {
            assertThat(refs.group(1)).as("a resource reference").startsWith("#");
        }
        assertThat(html).doesNotContainPattern("(?i)https?://").doesNotContain("@import").doesNotContain("url(http")
                .doesNotContainPattern("(?i)<(script|link|iframe|object|embed|img)\\b");
        assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void sameReportGivesSameString(EvaluationReport report) {
        assertThat(HtmlReport.render(report)).isEqualTo(HtmlReport.render(report));
    }

    @Test
    void equalReportsBuiltTwiceRenderIdentically() {
        assertThat(HtmlReport.render(ReportFixtures.customers())).isEqualTo(HtmlReport.render(ReportFixtures.customers()));
        assertThat(HtmlReport.render(ReportFixtures.big())).isEqualTo(HtmlReport.render(ReportFixtures.big()));
    }

    @Test
    void nanShowsAsADashNeverAsNaN() {
        EvaluationReport base = ReportFixtures.customers();
        double nan = Double.NaN;
        Quantiles q = new Quantiles(nan, nan, nan, 0);
        AttackResult attack = new AttackResult("singling_out", 0, nan, nan, nan, nan, nan, nan);
        PrivacyScores privacy = new PrivacyScores(nan, nan, new DistanceSummary(q, null), nan,
                new DistanceSummary(q, q), attack, attack, List.of(attack),
                new KAnonymityResult(List.of(), 0, 0, nan, nan), "");
        QualityScores qs = base.quality();
        QualityScores quality = new QualityScores(nan, nan, nan, nan, qs.columns(), qs.pairs(),
                new Propensity(nan, nan, nan, 0, 0), new MlEfficacy("churn", "classification", "accuracy", nan, nan, 0));
        String html = HtmlReport.render(new EvaluationReport(base.about(), quality, privacy, base.charts(), null));

        assertThat(html).doesNotContain("NaN").doesNotContain("Infinity").contains(">–<").contains("n/a");
    }

    @Test
    void missingSectionsSayWhy() {
        EvaluationReport base = ReportFixtures.small();
        QualityScores q = base.quality();
        String html = HtmlReport.render(new EvaluationReport(base.about(), new QualityScores(q.overall(), q.columnShapes(),
                q.columnPairTrends(), q.missingValues(), q.columns(), q.pairs(), null, null), null, base.charts(), null));

        assertThat(html).contains("Not measured: no hold-out").contains("not measured: no hold-out")
                .contains("Not measured: no target column").contains("propensity not computed")
                .doesNotContain("id=\"gate\"");
    }

    @Test
    void rendersEvenWithoutChartsOrQuality() {
        EvaluationReport base = ReportFixtures.small();
        String html = HtmlReport.render(new EvaluationReport(base.about(), null, null, null, null));

        assertThat(html).contains("Quality was not measured").endsWith("</html>\n");
    }

    @Test
    void gateBannerListsEveryCheck() {
        String html = HtmlReport.render(ReportFixtures.customers());

        assertThat(html).contains("Gate failed").contains("1 of 4 threshold checks did not hold")
                .contains("privacy.dcr_share").contains("quality.column_shapes").contains("Failed");
    }

    @Test
    void numbersIgnoreTheDefaultLocale() {
        // Surefire runs under tr_TR, where String.format would write 0,87
        String html = HtmlReport.render(ReportFixtures.customers());

        assertThat(html).contains("8,000 rows").contains("0.874").doesNotContainPattern(">\\d+,\\d{1,2}%<");
    }

    @Test
    void longLabelChartsAreCappedAndNoted() {
        String html = HtmlReport.render(ReportFixtures.big());

        assertThat(html).contains("60 labels: the 24 largest are drawn, the other 36 pooled into the last bar.")
                .contains("(36 other labels)");
    }

    @Test
    void writeReplacesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("report.html");
        Files.writeString(target, "old");

        HtmlReport.write(ReportFixtures.small(), target);

        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(HtmlReport.render(ReportFixtures.small()));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
