package dev.doppel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.cli.DoppelCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void versionPrintsName() {
        StringWriter out = new StringWriter();
        int code = DoppelCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--version");
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("doppel ");
    }
}
