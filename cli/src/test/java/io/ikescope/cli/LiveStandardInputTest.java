package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.IkeSurgery;
import io.ikescope.testsupport.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code tcpdump -U -w - | ikescope dissect -}: each IKE message is printed as soon as its frame arrives on
 * standard input, while the pipe is still open, not when a batch fills or the capture ends.
 */
class LiveStandardInputTest {
    private static final int PCAP_HEADER = 24;

    @Test
    void dissectPrintsEachMessageOfALivePipeAsItArrives() throws Exception {
        PipedOutputStream tcpdump = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(tcpdump, 1 << 16);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
                () -> Main.run(stdin, stdout, stderr, "dissect", "-f", "json", "-"));

        List<byte[]> frames = IkeSurgery.frames(TestPaths.sampleCapture("ikev2-ts-mismatch"));
        for (int i = 0; i < frames.size(); i++) {
            // a pcap of this one frame: its 24-byte file header goes first, once
            byte[] pcap = IkeSurgery.ethernetPcap(List.of(frames.get(i)));
            int from = i == 0 ? 0 : PCAP_HEADER;
            tcpdump.write(pcap, from, pcap.length - from);
            tcpdump.flush();
            int printed = i + 1;
            waitFor(() -> lines(stdout) >= printed, "message of frame " + printed + " printed");
            assertThat(run).as("still reading the open pipe").isNotDone();
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
}
