package dev.doppel.evaluate.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.doppel.evaluate.EvaluationReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opens rendered reports in headless Chromium: the page must load, draw a real screenshot and log no console message
 * (a self-test first shows the detector sees a throwing page). Skipped without /usr/bin/chromium ({@code .ci/run}
 * installs it on Debian). {@code -Ddoppel.screenshots=DIR} keeps the pages and screenshots there for a look.
 */
class HtmlReportBrowserTest {
    @TempDir
    Path work;

    @BeforeEach
    void needsChromium() {
        assumeTrue(Chromium.available(), "skipped: " + Chromium.BINARY + " not found (apt-get install chromium)");
    }

    @Test
    void detectorSeesAConsoleErrorAndAnUncaughtException() throws Exception {
        Path bad = work.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>bad</title></head><body>"
                + "<p>bad</p><script>console.error('deliberate console error');"
                + "throw new Error('deliberate uncaught error');</script></body></html>");
        Chromium.Run run = Chromium.screenshot(bad, work.resolve("bad.png"), 400, 300, work);

        assertThat(run.exitCode()).isZero();
        assertThat(run.consoleLines())
                .anySatisfy(l -> assertThat(l).contains("deliberate console error"))
                .anySatisfy(l -> assertThat(l).contains("Uncaught Error: deliberate uncaught error"));
    }

    static Stream<Arguments> reports() {
        return Stream.of(
                Arguments.of("customers", (Supplier<EvaluationReport>) ReportFixtures::customers, 6000),
                Arguments.of("small", (Supplier<EvaluationReport>) ReportFixtures::small, 4000),
                Arguments.of("big", (Supplier<EvaluationReport>) ReportFixtures::big, 12000),
                Arguments.of("hostile", (Supplier<EvaluationReport>) ReportFixtures::hostile, 4000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void reportOpensWithoutConsoleErrors(String name, Supplier<EvaluationReport> fixture, int height) throws Exception {
        Path page = work.resolve(name + ".html");
        HtmlReport.write(fixture.get(), page);
        Path png = work.resolve(name + ".png");

        Chromium.Run run = Chromium.screenshot(page, png, 1280, height, work);
        keep(page, png);

        assertThat(run.exitCode()).as("chromium exit code; log:%n%s", run.log()).isZero();
        assertThat(run.consoleLines()).as("console messages").isEmpty();
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(20_000);
        assertThat(distinctColours(png)).as("colours in the screenshot").isGreaterThan(50);
    }

    private static int distinctColours(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static void keep(Path page, Path png) throws IOException {
        String dir = System.getProperty("doppel.screenshots");
        if (dir == null || dir.isEmpty() || !Files.exists(png)) {
            return;
        }
        Path target = Path.of(dir);
        Files.createDirectories(target);
        Files.copy(page, target.resolve(page.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(png, target.resolve(png.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
