package dev.doppel.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The launcher ({@code ./doppel}) names methods of Doppel's own for the JIT compiler (CompileCommand): a renamed
 * method would leave the flag pointing at nothing, silently, and the speed it bought would be lost. These tests read
 * the launcher and check that every method it names still exists.
 */
class LauncherTuningTest {
    private static final Pattern NAMED = Pattern.compile("CompileCommand=\\w+,([\\w.$]+)::(\\w+)");

    @Test
    void everyMethodTheLauncherNamesExists() throws IOException, ClassNotFoundException {
        String launcher = Files.readString(Path.of("doppel"));
        Matcher m = NAMED.matcher(launcher);
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            Class<?> type = Class.forName(m.group(1));
            String name = m.group(2);
            assertTrue(Arrays.stream(type.getDeclaredMethods()).map(Method::getName).anyMatch(name::equals),
                    "./doppel names " + m.group(1) + "::" + name + ", which no longer exists");
            checked.add(m.group(0));
        }
        assertFalse(checked.isEmpty(), "the launcher names no method; then this test and its pattern can go");
    }

    @Test
    void compileCommandsAreQuiet() throws IOException {
        // without "quiet" the JVM prints each command on standard output, before the command's own output
        String launcher = Files.readString(Path.of("doppel"));
        int quiet = launcher.indexOf("-XX:CompileCommand=quiet");
        int first = launcher.indexOf("-XX:CompileCommand=dontinline");
        assertTrue(quiet >= 0 && quiet < first, "-XX:CompileCommand=quiet must come first");
    }
}
