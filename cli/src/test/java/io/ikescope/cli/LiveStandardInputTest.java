package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;
import io.ikescope.testsupport.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code tcpdump -U -w - | ikescope dissect -}: each IKE message is printed as soon as its frame arrives on
 * standard input, while the pipe is still open, not when a batch fills or the capture ends.
 */
class LiveStandardInputTest {

    @Test
    void dissectPrintsEachMessageOfALivePipeAsItArrives() throws Exception {
        PipedOutputStream tcpdump = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(tcpdump, 1 << 16);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
                () -> Main.run(stdin, stdout, stderr, "dissect", "-f", "json", "-"));

        try (CaptureReader sample = Captures.open(TestPaths.sampleCapture("ikev2-ts-mismatch"))) {
            Frame first = sample.next();
            tcpdump.write(pcapHeader(first.linkType()));
            for (Frame f = first; f != null; f = sample.next()) {
                tcpdump.write(record(f));
                tcpdump.flush();
                long expectedLines = f.number();
                waitFor(() -> lines(stdout) >= expectedLines, "message of frame " + f.number() + " printed");
                assertThat(run).as("still reading the open pipe").isNotDone();
            }
        }
        tcpdump.close();
        assertThat(run.get(30, TimeUnit.SECONDS)).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(lines(stdout)).isEqualTo(4);
    }

    private static long lines(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).lines().count();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s for: " + what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static byte[] pcapHeader(int linkType) {
        return ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(0xa1b2c3d4).putShort((short) 2)
                .putShort((short) 4).putInt(0).putInt(0).putInt(65_535).putInt(linkType).array();
    }

    private static byte[] record(Frame f) throws IOException {
        long micros = f.epochNanos() / 1000;
        ByteBuffer b = ByteBuffer.allocate(16 + f.capturedLength()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(f.capturedLength())
                .putInt(f.originalLength()).put(f.data(), f.offset(), f.capturedLength());
        return b.array();
    }
}
