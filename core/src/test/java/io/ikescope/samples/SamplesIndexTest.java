package io.ikescope.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderOptions;
import io.ikescope.net.IkeDatagram;
import io.ikescope.net.PacketSink;
import io.ikescope.testsupport.TestPaths;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The committed samples (real strongSwan/libreswan captures made by lab/) are what the README and many tests
 * rely on: each index entry must name a small capture that holds IKE messages of the version and exchange
 * mode it claims, and an expected verdict the contract defines.
 */
class SamplesIndexTest {
    private static final Set<String> VERDICTS = Set.of("ESTABLISHED", "NO_RESPONSE", "PROPOSAL_MISMATCH",
            "DH_GROUP_MISMATCH", "AUTH_FAILED", "TS_MISMATCH", "PFS_MISMATCH", "NAT_T_BLOCKED",
            "FRAGMENTATION_LOSS", "PEER_ERROR", "INCOMPLETE", "UNDETERMINED");
    private static final long MAX_SAMPLE_BYTES = 64 * 1024;

    private static Path samples() {
        return TestPaths.samples();
    }

    private static JsonNode index() throws Exception {
        Path index = samples().resolve("index.json");
        assertThat(index).as("samples/index.json is part of the repository").exists();
        return new ObjectMapper().readTree(index.toFile());
    }

    @Test
    void indexCoversTheLabScenarios() throws Exception {
        JsonNode index = index();
        assertThat(index.size()).isGreaterThanOrEqualTo(20);
        List<String> names = new ArrayList<>();
        index.forEach(e -> names.add(e.get("name").asString()));
        assertThat(names).doesNotHaveDuplicates();
        try (Stream<Path> files = Files.list(samples())) {
            List<String> captures = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".pcap")).map(n -> n.substring(0, n.length() - 5)).toList();
            assertThat(captures).as("every committed capture is indexed").containsExactlyInAnyOrderElementsOf(names);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachSampleHoldsWhatItsEntryClaims() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : index()) {
            tests.add(DynamicTest.dynamicTest(entry.get("name").asString(), () -> check(entry)));
        }
        return tests.stream();
    }

    private static void check(JsonNode entry) throws Exception {
        Path capture = samples().resolve(entry.get("capture").asString());
        assertThat(capture).exists();
        assertThat(Files.size(capture)).as("samples stay small").isLessThan(MAX_SAMPLE_BYTES);
        assertThat(VERDICTS).contains(entry.get("expected").asString());
        JsonNode keys = entry.get("keys");
        if (keys != null && !keys.isNull()) {
            Path keyFile = samples().resolve(keys.asString());
            assertThat(keyFile).exists();
            assertThat(Files.size(keyFile)).isPositive();
        }

        List<IkeMessage> messages = new ArrayList<>();
        try (CaptureReader reader = Captures.open(capture)) {
            CaptureScan.run(reader, DecoderOptions.defaults(), new PacketSink() {
                @Override
                public void onIke(IkeDatagram datagram) {
                    messages.add(IkeDecoder.decode(datagram.ike()));
                }
            });
        }
        assertThat(messages).as("IKE messages in " + capture).isNotEmpty();
        int version = entry.get("ikeVersion").asInt();
        assertThat(messages).allSatisfy(m -> assertThat(m.ikeVersion()).isEqualTo(version));
        assertThat(messages).allSatisfy(m -> assertThat(m.errors()).isEmpty());
        String mode = entry.get("exchangeMode").asString();
        int firstExchange = messages.get(0).header().exchangeType();
        switch (mode) {
            case "main" -> assertThat(firstExchange).isEqualTo(2);      // Identity Protection
            case "aggressive" -> assertThat(firstExchange).isEqualTo(4); // Aggressive
            case "ikev2" -> assertThat(firstExchange).isEqualTo(34);     // IKE_SA_INIT
            default -> throw new AssertionError("unknown exchangeMode " + mode);
        }
    }
}
