package dev.doppel.evaluate.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Headless Chromium for the browser test: renders a page to a PNG with logging to stderr, and finds the page's console
 * messages in that log. Chromium 156 logs every console message, whatever its level, and every uncaught exception
 * as {@code [pid:tid:time:INFO:CONSOLE:line] "message", source: file:///… (line)}; console.error and a thrown
 * Error are not told apart from console.log by level. The report has no script, so any console line is a failure.
 */
public final class Chromium {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE(?::\\d+)?\\]");
    private static final long TIMEOUT_SECONDS = 120;

    /** What one run gave: exit code and the full stderr log. */
    public record Run(int exitCode, String log) {
        /** The console lines of the log (messages, uncaught exceptions, CSP violations). */
        public List<String> consoleLines() {
            return log.lines().filter(l -> CONSOLE.matcher(l).find()).collect(Collectors.toList());
        }
    }

    private Chromium() {}

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Opens {@code page} headless and writes a screenshot of the given window size to {@code png}. */
    public static Run screenshot(Path page, Path png, int width, int height, Path work) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        Path log = work.resolve(png.getFileName() + ".log");
        Process p = new ProcessBuilder(
                        BINARY.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile,
                        "--enable-logging=stderr",
                        "--v=0",
                        "--hide-scrollbars",
                        "--screenshot=" + png,
                        "--window-size=" + width + "," + height,
                        page.toUri().toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile())
                .start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
