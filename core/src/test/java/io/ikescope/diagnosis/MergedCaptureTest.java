package io.ikescope.diagnosis;

import static io.ikescope.testsupport.TestPaths.sampleCapture;
import static io.ikescope.testsupport.TestPaths.samples;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several lab samples merged into one capture with mergecap, each first shifted with editcap so that they all
 * start within the same second, together with real background traffic (samples/background: ARP, ICMP and
 * ICMPv6 with port unreachables for non-IKE UDP, IPv6 neighbour discovery, a TCP download, UDP on port 53 and
 * others) laid over the same seconds: the negotiations interleave between the same two addresses and must still
 * be told apart by their SPIs, each keeping the verdict it gets alone; with every sample's key log given at
 * once, each keeps its keyed verdict, confirmed.
 */
class MergedCaptureTest {
    private static final List<String> SAMPLES = List.of("ikev2-proposal-mismatch", "ikev1-main-psk-mismatch",
            "ikev2-ts-mismatch", "ikev1-main-psk-ok", "ikev2-psk-mismatch", "ikev1-main-enc-mismatch",
            "ikev2-no-response", "ikev1-quick-ts-mismatch");

    /** Keyed samples of both versions: failures in each phase, successes, IKEv1 and IKEv2 fragmentation, a rekey. */
    private static final List<String> KEYED = List.of("ikev2-psk-mismatch", "ikev1-quick-ts-mismatch",
            "ikev2-cert-rsa-ok", "ikev1-main-psk-mismatch", "ikev1-cert-rsa-ok", "ikev2-ts-mismatch",
            "ikev1-aggr-psk-mismatch", "ikev2-rekey-pfs-mismatch", "libreswan-ikev2-psk-mismatch", "ikev2-psk-ok",
            "ikev1-quick-pfs-group-mismatch", "ikev2-cert-fragmented-ok");

    @Test
    void theBackgroundTrafficAloneHoldsNoNegotiation() throws Exception {
        Reconstruct.Result background = Reconstruct.run(background());
        assertThat(background.negotiations()).isEmpty();
        assertThat(background.warnings()).isEmpty();
        assertThat(frames(background())).isGreaterThan(50);
    }

    @Test
    void interleavedNegotiationsKeepTheirOwnVerdicts(@TempDir Path temp) throws Exception {
        Assumptions.assumeTrue(runs("mergecap", "-v") && runs("editcap", "-v"), "mergecap/editcap not installed");
        Map<String, String> alone = new HashMap<>();
        for (String sample : SAMPLES) {
            for (Negotiation n : Reconstruct.run(sampleCapture(sample)).negotiations()) {
                alone.put(n.spiI(), Diagnoser.diagnose(n).verdict().code().name());
            }
        }
        Path merged = merge(SAMPLES, temp);
        assertThat(frames(merged)).isEqualTo(frames(background()) + framesOf(SAMPLES));
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

    @Test
    void interleavedNegotiationsWithAllTheirKeysKeepTheirVerdictsConfirmed(@TempDir Path temp) throws Exception {
        Assumptions.assumeTrue(runs("mergecap", "-v") && runs("editcap", "-v"), "mergecap/editcap not installed");
        Path samples = samples();
        Map<String, String> expected = new HashMap<>();
        Map<String, String> sampleOf = new HashMap<>();
        List<Path> keys = new ArrayList<>();
        for (String sample : KEYED) {
            Path keyLog = samples.resolve(sample + ".keys.log");
            keys.add(keyLog);
            Certainty certainty = KeyedSampleVerdictsTest.INFERRED_EVEN_WITH_KEYS.containsKey(sample)
                    ? Certainty.INFERRED : Certainty.CONFIRMED;
            List<Negotiation> alone = Reconstruct.runWithKeys(sampleCapture(sample), List.of(keyLog)).negotiations();
            for (Negotiation n : alone) {
                Verdict v = Diagnoser.diagnose(n).verdict();
                // alone, each is what KeyedSampleVerdictsTest holds it to be
                assertThat(v.certainty()).as(sample).isEqualTo(certainty);
                expected.put(n.spiI(), v.code() + "/" + v.certainty().jsonName());
                sampleOf.put(n.spiI(), sample);
            }
        }

        List<Negotiation> all = Reconstruct.runWithKeys(merge(KEYED, temp), keys).negotiations();
        Map<String, String> together = new HashMap<>();
        for (Negotiation n : all) {
            Verdict v = Diagnoser.diagnose(n).verdict();
            together.put(n.spiI(), v.code() + "/" + v.certainty().jsonName());
            System.out.printf("merged with keys: %-32s %-16s %-28s decryption %s%n", sampleOf.get(n.spiI()), n.spiI(),
                    v.code() + "/" + v.certainty().jsonName(), n.decryption());
        }
        assertThat(all).hasSize(expected.size());
        assertThat(together).isEqualTo(expected);
        assertThat(together.values()).filteredOn(v -> v.endsWith("/confirmed")).hasSizeGreaterThanOrEqualTo(12);
        long longestEnd = all.stream().mapToLong(Negotiation::endNanos).max().orElseThrow();
        assertThat(all.subList(0, all.size() - 1)).allMatch(n -> n.startNanos() < longestEnd);
    }

    /**
     * The samples shifted with editcap to start 1 ms apart, merged with mergecap over the background traffic,
     * which starts with them.
     */
    private static Path merge(List<String> names, Path temp) throws Exception {
        List<String> shifted = new ArrayList<>();
        long base = firstNanos(sampleCapture(names.get(0)));
        for (int i = 0; i < names.size(); i++) {
            Path sample = sampleCapture(names.get(i));
            shifted.add(shift(sample, (base - firstNanos(sample)) / 1e9 + i * 0.001, temp).toString());
        }
        Path background = background();
        shifted.add(shift(background, (base - firstNanos(background)) / 1e9, temp).toString());
        Path merged = temp.resolve("merged-" + names.size() + ".pcap");
        List<String> command = new ArrayList<>(List.of("mergecap", "-w", merged.toString()));
        command.addAll(shifted);
        exec(command.toArray(new String[0]));
        return merged;
    }

    private static Path shift(Path capture, double seconds, Path temp) throws Exception {
        Path out = temp.resolve(capture.getFileName() + ".shifted.pcap");
        exec("editcap", "-t", String.format(Locale.ROOT, "%.6f", seconds), capture.toString(), out.toString());
        return out;
    }

    /** Real non-IKE traffic recorded between two namespaces by lab/background/record.sh. */
    private static Path background() {
        return samples().resolve("background").resolve("background-traffic.pcap");
    }

    private static long framesOf(List<String> samples) throws IOException {
        long n = 0;
        for (String sample : samples) {
            n += frames(sampleCapture(sample));
        }
        return n;
    }

    private static long frames(Path capture) throws IOException {
        long n = 0;
        try (CaptureReader r = Captures.open(capture)) {
            while (r.next() != null) {
                n++;
            }
        }
        return n;
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
