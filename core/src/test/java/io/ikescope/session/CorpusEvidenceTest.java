package io.ikescope.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Capture point, NAT assessment and fingerprints over the whole public corpus (../shared/corpus/public; skipped when
 * absent): nothing fails, every figure is within what the wire allows, and the implementations vendor IDs name
 * are found. Prints the tallies.
 */
class CorpusEvidenceTest {

    @Test
    void everyCorpusCaptureGivesPlausibleEvidence() throws IOException {
        Path corpus = TestPaths.publicCorpusOrSkip();
        List<Path> captures;
        try (Stream<Path> files = Files.walk(corpus)) {
            captures = files.filter(f -> f.toString().matches(".*\\.(pcap|pcapng|cap)(\\.gz)?$")).sorted().toList();
        }
        Map<String, Integer> locations = new TreeMap<>();
        Map<String, Integer> implementations = new TreeMap<>();
        Map<String, Integer> forced = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        int negotiations = 0;
        for (Path capture : captures) {
            List<Negotiation> found;
            try {
                found = Reconstruct.run(capture).negotiations();
            } catch (IOException e) {
                unreadable.add(corpus.relativize(capture) + ": " + e.getMessage()); // corrupt on purpose (fuzzed)
                continue;
            }
            for (Negotiation n : found) {
                negotiations++;
                locations.merge(String.valueOf(n.capturePoint().location()), 1, Integer::sum);
                forced.merge(String.valueOf(n.nat().forcedEncapsulation()), 1, Integer::sum);
                for (Role role : Role.values()) {
                    CapturePoint.PeerTtl t = n.capturePoint().of(role);
                    if (t != null) {
                        assertThat(t.first()).isBetween(t.min(), t.max());
                        assertThat(t.hops()).isBetween(0, t.initialTtl());
                        assertThat(t.initialTtl()).isIn(32, 64, 128, 255);
                    }
                    Fingerprint f = n.implementation(role);
                    if (f != null) {
                        assertThat(f.evidence()).isNotEmpty();
                        implementations.merge(f.name() + "/" + f.basis(), 1, Integer::sum);
                    }
                    NatAssessment.PeerNat p = n.nat().of(role);
                    if (p != null) {
                        assertThat(p.explanation()).isNotBlank();
                        if (Boolean.TRUE.equals(p.sourceHashMatches())) {
                            assertThat(p.forcesEncapsulation()).isFalse();
                        }
                    }
                }
            }
        }
        System.out.println("corpus: " + captures.size() + " captures, " + negotiations + " negotiations; capture point "
                + locations + "; forced encapsulation " + forced + "; implementations " + implementations
                + "; unreadable " + unreadable.size());
        assertThat(negotiations).isGreaterThan(100);
        // The corpus holds strongSwan, Openswan and Cisco peers that announce themselves.
        assertThat(implementations.keySet()).anyMatch(k -> k.startsWith("strongSwan/vendor-id"));
        assertThat(implementations.keySet()).anyMatch(k -> k.startsWith("Openswan/vendor-id"));
    }
}
