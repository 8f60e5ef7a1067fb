package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The terminal check agrees with {@code System.console() != null} (Java 17's meaning: standard input and output are
 * both terminals) under a real pseudo-terminal ({@code script}), with either stream redirected, and without one.
 */
class TerminalsTest {

    /** Prints what both checks say, for the child JVMs below. */
    public static void main(String[] args) {
        System.out.println("terminals=" + Terminals.inputAndOutput() + " console=" + (System.console() != null));
    }

    @Test
    void devicesLinuxGivesTerminalsAndThingsThatAreNot() {
        for (String tty : List.of("/dev/pts/0", "/dev/pts/17", "/dev/tty", "/dev/tty1", "/dev/ttyS0", "/dev/ttyUSB0",
                "/dev/console")) {
            assertThat(Terminals.isTerminalDevice(tty)).as(tty).isTrue();
        }
        for (String other : List.of("pipe:[40213]", "socket:[99]", "/dev/null", "/tmp/out.json", "anon_inode:[eventfd]",
                "/dev/zero")) {
            assertThat(Terminals.isTerminalDevice(other)).as(other).isFalse();
        }
    }

    @Test
    void underTheTestRunnerNeitherSaysTerminal() {
        assertThat(Terminals.inputAndOutput()).isEqualTo(System.console() != null);
    }

    @Test
    void agreesWithTheConsoleOnAPseudoTerminalAndWhenAStreamIsRedirected() throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "util-linux script(1) is not installed: no pseudo-terminal to test on");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String child = java + " -cp " + System.getProperty("java.class.path") + " " + TerminalsTest.class.getName();
        String onPty = underPty(child);
        assumeTrue(onPty.startsWith("terminals="), "script(1) could not give a pseudo-terminal here: " + onPty);
        assertThat(onPty).isEqualTo("terminals=true console=true");
        assertThat(underPty(child + " < /dev/null")).isEqualTo("terminals=false console=false");
        assertThat(underPty(child + " | cat")).isEqualTo("terminals=false console=false");
    }

    /** Runs {@code command} with a pseudo-terminal as its standard streams; its last line of output. */
    private static String underPty(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/script", "-qec", command, "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.PIPE).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String[] lines = out.replace("\r", "").strip().split("\n");
        return lines[lines.length - 1];
    }
}
