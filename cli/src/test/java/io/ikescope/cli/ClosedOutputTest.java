package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ikescope diagnose x.pcap | head}: when the reader of the output goes away the run stops quietly with 141
 * (as a process killed by SIGPIPE), never 0, which would say every negotiation was established.
 */
class ClosedOutputTest {
    private static final String SAMPLE = TestPaths.sampleCapture("ikev2-ts-mismatch").toString();

    @Test
    void everyCommandStopsQuietlyWith141WhenItsOutputIsClosed() {
        for (List<String> args : List.of(
                List.of("diagnose", SAMPLE),
                List.of("diagnose", "-f", "json", SAMPLE),
                List.of("diagnose", "-f", "html", SAMPLE),
                List.of("dissect", SAMPLE),
                List.of("dissect", "-f", "json", SAMPLE))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = Main.run(new ByteArrayInputStream(new byte[0]), new ClosedPipe(), err,
                    args.toArray(String[]::new));
            assertThat(exit).as(String.join(" ", args)).isEqualTo(141);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void aRealProcessWhoseStandardOutputIsClosedExitsWith141() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "diagnose", SAMPLE).start();
        child.getInputStream().close(); // the reader goes away before the first byte: writes fail with EPIPE
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(err).isEqualTo(141);
        assertThat(err).isEmpty();
    }

    /** What writing into a pipe whose reader has exited gives a JVM. */
    private static final class ClosedPipe extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("Broken pipe");
        }
    }
}
