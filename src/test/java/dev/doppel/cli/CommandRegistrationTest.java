package dev.doppel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.CliRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A command line that names its command registers only that command (picocli reads each command's annotations when
 * it is registered); one that names none still lists and knows every command.
 */
class CommandRegistrationTest {
    private static final String[] COMMANDS = {"inspect", "fit", "sample", "run", "mask", "evaluate"};

    @Test
    void helpListsEveryCommandInOrder() {
        // picocli warns on the JVM's stderr, not the command's, when a description is not a valid format string
        ByteArrayOutputStream jvmErr = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        CliRunner.Run run;
        System.setErr(new PrintStream(jvmErr, true, StandardCharsets.UTF_8));
        try {
            run = CliRunner.doppel("--help");
        } finally {
            System.setErr(saved);
        }
        assertThat(jvmErr.toString(StandardCharsets.UTF_8)).as("picocli's warnings").isEmpty();
        assertThat(run.code()).isZero();
        String out = run.out();
        int at = out.indexOf("Commands:");
        assertThat(at).as(out).isPositive();
        for (String command : COMMANDS) {
            int next = out.indexOf("\n  " + command + " ", at);
            assertThat(next).as("%s listed after the one before it", command).isGreaterThan(at);
            at = next;
        }
        assertThat(run.err()).isEmpty();
    }

    @Test
    void noCommandIsAUsageErrorThatListsTheCommands() {
        CliRunner.Run run = CliRunner.doppel();
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("a command is required").contains("Commands:").contains("evaluate");
    }

    @Test
    void aMistypedCommandIsAUsageError() {
        CliRunner.Run run = CliRunner.doppel("maks", "in.csv");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("maks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"inspect", "fit", "sample", "run", "mask", "evaluate"})
    void eachCommandAloneStillHasItsOwnHelp(String command) {
        CliRunner.Run run = CliRunner.doppel(command, "--help");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: doppel " + command);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aLineThatNamesItsCommandRegistersOnlyThatOne() {
        assertThat(DoppelCli.build("mask", "in.csv", "-o", "out.csv").getSubcommands().keySet()).containsExactly("mask");
        assertThat(DoppelCli.build("fit", "--help").getSubcommands().keySet()).containsExactly("fit");
    }

    @Test
    void aLineThatNamesNoCommandFirstRegistersThemAll() {
        for (String[] args : new String[][] {{}, {"-h", "mask"}, {"--version"}, {"help"}, {"maks"}}) {
            assertThat(DoppelCli.build(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactly(COMMANDS);
        }
    }

    @Test
    void eachCommandIsRegisteredUnderItsOwnAnnotatedName() {
        DoppelCli.build().getSubcommands().forEach((name, sub) -> assertThat(
                sub.getCommandSpec().userObject().getClass().getAnnotation(CommandLine.Command.class).name())
                .isEqualTo(name));
    }
}
