package io.ikescope.cli;

import static io.ikescope.testsupport.TestPaths.sampleCapture;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code diagnose a.pcap b.pcap} with captures of the same IKE SA at both ends: one report entry, {@code seenIn},
 * {@code correlation} and per message {@code seenAt} in the JSON, a section per correlated negotiation in the text.
 */
class DiagnoseSeveralCapturePointsTest {
    private static final Path V1_BLOCKED = TestPaths.repositoryRoot()
            .resolve("core/src/test/resources/correlation/v1-natt-blocked.i-strongswan.r-libreswan.nat.encap");

    private static String run(Path out, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "-o");
        all.add(2, out.toString());
        assertThat(Main.run(all.toArray(new String[0]))).isBetween(0, 1);
        return Files.readString(out);
    }

    @Test
    void theSameSaAtBothEndsIsOneNegotiationInTheJson(@TempDir Path temp) throws Exception {
        String initiator = V1_BLOCKED.resolve("capture-initiator.pcap").toString();
        String responder = V1_BLOCKED.resolve("capture-responder.pcap").toString();
        JsonNode doc = new ObjectMapper().readTree(run(temp.resolve("out.json"), "diagnose", "-f", "json", responder,
                initiator));
        assertThat(doc.get("inputs")).hasSize(2);
        assertThat(doc.get("negotiations")).hasSize(1);
        JsonNode n = doc.get("negotiations").get(0);
        assertThat(n.get("input").asString()).isEqualTo(initiator);
        assertThat(n.get("seenIn").toString()).isEqualTo(new ObjectMapper().writeValueAsString(List.of(initiator,
                responder)));
        assertThat(n.get("verdict").get("code").asString()).isEqualTo("NAT_T_BLOCKED");
        JsonNode c = n.get("correlation");
        assertThat(c.get("orderBasis").asString()).isEqualTo("timing");
        assertThat(c.get("captures")).hasSize(2);
        JsonNode first = c.get("captures").get(0);
        assertThat(fieldNames(first)).containsExactly("input", "negotiation", "reported", "end", "capturePoint",
                "messages", "clockOffsetSeconds");
        assertThat(first.get("end").asString()).isEqualTo("initiator");
        assertThat(first.get("reported").asBoolean()).isTrue();
        assertThat(c.get("captures").get(1).get("end").asString()).isEqualTo("responder");
        assertThat(c.get("messages")).hasSize(10);
        assertThat(c.get("messages").get(4).get("step").asString()).isEqualTo("MM5");
        assertThat(c.get("messages").get(4).get("frames").toString()).isEqualTo("[5,null]");
        assertThat(c.get("messages").get(5).get("frames").toString()).isEqualTo("[6,5]");
        assertThat(c.get("conclusions")).hasSize(1);
        assertThat(c.get("conclusions").get(0).get("kind").asString()).isEqualTo("lost");
        JsonNode messages = n.get("messages");
        assertThat(messages.get(0).get("seenAt")).hasSize(2);
        assertThat(messages.get(4).get("seenAt").toString()).isEqualTo(new ObjectMapper()
                .writeValueAsString(List.of(initiator)));
    }

    @Test
    void oneCaptureKeepsItsShapeWithTheAdditions(@TempDir Path temp) throws Exception {
        String sample = sampleCapture("ikev2-nat-encap-ok").toString();
        JsonNode n = new ObjectMapper().readTree(run(temp.resolve("out.json"), "diagnose", "-f", "json", sample))
                .get("negotiations").get(0);
        assertThat(n.get("seenIn").toString()).isEqualTo(new ObjectMapper().writeValueAsString(List.of(sample)));
        assertThat(n.get("correlation").isNull()).isTrue();
        assertThat(n.get("messages").get(0).get("seenAt").toString()).isEqualTo(n.get("seenIn").toString());
    }

    @Test
    void theTextReportSaysWhereEachMessageWasSeen(@TempDir Path temp) throws Exception {
        String text = run(temp.resolve("out.txt"), "diagnose", sampleCapture("ikev2-nat-encap-ok").toString(),
                sampleCapture("ikev2-nat-encap-ok.at-initiator").toString());
        assertThat(text).contains("Seen at 2 capture points (initiator's end first, ordered by timing)")
                .contains("every message (6) was seen at both capture points")
                .contains("1 negotiation, 1 established.");
        String blocked = run(temp.resolve("blocked.txt"), "diagnose",
                V1_BLOCKED.resolve("capture-initiator.pcap").toString(),
                V1_BLOCKED.resolve("capture-responder.pcap").toString());
        assertThat(blocked).contains("VERDICT  NAT_T_BLOCKED").contains("7 of 10 messages were seen at both capture"
                + " points").contains("left the initiator but never reached the responder's capture point");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.propertyNames().forEach(out::add);
        return out;
    }
}
