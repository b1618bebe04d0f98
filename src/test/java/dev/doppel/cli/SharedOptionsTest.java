package dev.doppel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The options several commands share through one mixin ({@link ThreadsMixin}, {@link FileFormatMixin}) are checked
 * the same way in each: one usage line and exit 2, before any file is read or written.
 */
class SharedOptionsTest {
    @TempDir
    Path dir;

    /** The command's words with {@code --threads 0}; the files need not exist, as the count is checked first. */
    private String[] withNoThreads(String command) {
        String in = dir.resolve("in.csv").toString();
        String out = dir.resolve("out.csv").toString();
        return switch (command) {
            case "fit" -> new String[] {"fit", in, "-o", dir.resolve("m.json").toString(), "--threads", "0"};
            case "sample" -> new String[] {"sample", dir.resolve("m.json").toString(), "-n", "5", "-o", out, "--threads", "0"};
            case "run" -> new String[] {"run", dir.resolve("p.yaml").toString(), "--threads", "0"};
            case "mask" -> new String[] {"mask", in, "-o", out, "--threads", "0"};
            case "evaluate" -> new String[] {"evaluate", in, out, "--threads", "0"};
            default -> throw new IllegalArgumentException(command);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"fit", "sample", "run", "mask", "evaluate"})
    void everyCommandRefusesFewerThanOneThread(String command) {
        CliRunner.Run run = CliRunner.doppel(withNoThreads(command));
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--threads must be at least 1");
        assertThat(CliRunner.list(dir)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample", "mask"})
    void fileWritingCommandsNeedAFormatTheNameOrTheFlagGives(String command) throws Exception {
        Files.writeString(dir.resolve("m.json"), "{}"); // present, so the name is what is refused
        Files.writeString(dir.resolve("in.csv"), "a\n1\n");
        Path out = dir.resolve("out.dat");
        String source = dir.resolve(command.equals("sample") ? "m.json" : "in.csv").toString();
        String[] args = command.equals("sample")
                ? new String[] {"sample", source, "-n", "5", "-o", out.toString()}
                : new String[] {"mask", source, "-o", out.toString()};
        CliRunner.Run run = CliRunner.doppel(args);
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("out.dat: cannot tell the format from the name; use .csv or .parquet, or --format");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void aTableLoadRefusesTheFileFormatFlag() {
        CliRunner.Run run = CliRunner.doppel("sample", dir.resolve("m.json").toString(), "-n", "5",
                "--to", "sqlite:" + dir.resolve("t.db"), "--table", "t", "--format", "csv");
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("--format is for files");
        assertThat(CliRunner.list(dir)).isEmpty();
    }

    /** A missing profile file, named with the short and the long flag: the same one-line error from each command. */
    @ParameterizedTest
    @ValueSource(strings = {"fit -p", "fit --profile", "mask -p", "mask --profile", "evaluate -p", "evaluate --profile"})
    void commandsThatReadAProfileTakeDashPAndDashDashProfile(String words) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "a,b\n1,2\n3,4\n");
        String command = words.substring(0, words.indexOf(' '));
        String flag = words.substring(words.indexOf(' ') + 1);
        String missing = dir.resolve("absent.yaml").toString();
        String[] args = switch (command) {
            case "fit" -> new String[] {"fit", in.toString(), flag, missing, "-o", dir.resolve("m.json").toString()};
            case "mask" -> new String[] {"mask", in.toString(), flag, missing, "-o", dir.resolve("o.csv").toString()};
            default -> new String[] {"evaluate", in.toString(), in.toString(), flag, missing};
        };
        CliRunner.Run run = CliRunner.doppel(args);
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("absent.yaml").contains("no such profile");
        assertThat(CliRunner.list(dir)).containsExactly("in.csv");
    }
}
