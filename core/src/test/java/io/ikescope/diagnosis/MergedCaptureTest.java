package io.ikescope.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several lab samples merged into one capture with mergecap, each first shifted with editcap so that they all
 * start within the same second: the negotiations interleave between the same two addresses and must still be
 * told apart by their SPIs, each keeping the verdict it gets alone.
 */
class MergedCaptureTest {
    private static final List<String> SAMPLES = List.of("ikev2-proposal-mismatch", "ikev1-main-psk-mismatch",
            "ikev2-ts-mismatch", "ikev1-main-psk-ok", "ikev2-psk-mismatch", "ikev1-main-enc-mismatch",
            "ikev2-no-response", "ikev1-quick-ts-mismatch");

    @Test
    void interleavedNegotiationsKeepTheirOwnVerdicts(@TempDir Path temp) throws Exception {
        Assumptions.assumeTrue(runs("mergecap", "-v") && runs("editcap", "-v"), "mergecap/editcap not installed");
        Map<String, String> alone = new HashMap<>();
        List<String> shifted = new ArrayList<>();
        long base = firstNanos(Reconstruct.sample(SAMPLES.get(0)));
        for (int i = 0; i < SAMPLES.size(); i++) {
            Path sample = Reconstruct.sample(SAMPLES.get(i));
            for (Negotiation n : Reconstruct.run(sample).negotiations()) {
                alone.put(n.spiI(), Diagnoser.diagnose(n).verdict().code().name());
            }
            // Start 1 ms apart from the first sample.
            double offset = (base - firstNanos(sample)) / 1e9 + i * 0.001;
            Path out = temp.resolve(i + ".pcap");
            exec("editcap", "-t", String.format("%.6f", offset), sample.toString(), out.toString());
            shifted.add(out.toString());
        }
        Path merged = temp.resolve("merged.pcap");
        List<String> command = new ArrayList<>(List.of("mergecap", "-w", merged.toString()));
        command.addAll(shifted);
        exec(command.toArray(new String[0]));

        List<Negotiation> all = Reconstruct.run(merged).negotiations();
        Map<String, String> together = new HashMap<>();
        for (Negotiation n : all) {
            together.put(n.spiI(), Diagnoser.diagnose(n).verdict().code().name());
        }
        System.out.println("merged: " + together);
        assertThat(all).hasSize(alone.size());
        assertThat(together).isEqualTo(alone);
        // they really interleave: every negotiation but the last starts before the longest one ends
        long longestEnd = all.stream().mapToLong(Negotiation::endNanos).max().orElseThrow();
        assertThat(all.subList(0, all.size() - 1)).allMatch(n -> n.startNanos() < longestEnd);
        assertThat(all.get(1).startNanos()).isLessThan(all.get(0).endNanos() + 2_000_000);
    }

    private static long firstNanos(Path capture) throws IOException {
        try (CaptureReader r = Captures.open(capture)) {
            return r.next().epochNanos();
        }
    }

    private static void exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
