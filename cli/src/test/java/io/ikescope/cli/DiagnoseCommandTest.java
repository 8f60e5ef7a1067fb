package io.ikescope.cli;

import static io.ikescope.testsupport.TestPaths.sampleCapture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code ikescope diagnose} end to end on lab samples: the JSON contract, the text report and the exit statuses. */
class DiagnoseCommandTest {
    private static final Set<String> CODES = Set.of("ESTABLISHED", "NO_RESPONSE", "PROPOSAL_MISMATCH",
            "DH_GROUP_MISMATCH", "AUTH_FAILED", "TS_MISMATCH", "PFS_MISMATCH", "NAT_T_BLOCKED", "FRAGMENTATION_LOSS",
            "PEER_ERROR", "INCOMPLETE", "UNDETERMINED");
    private static final Set<String> STATUSES = Set.of("established", "failed", "incomplete", "not_started",
            "not_captured");

    /** Runs the CLI; returns the exit status, output file content and standard error. */
    record Run(int status, String output, String err) {
    }

    static Run run(Path out, String... args) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            List<String> all = new ArrayList<>(List.of(args));
            all.add(1, "-o");
            all.add(2, out.toString());
            status = Main.run(all.toArray(new String[0]));
        } finally {
            System.setErr(original);
        }
        String output = Files.isRegularFile(out) ? Files.readString(out) : null;
        return new Run(status, output, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonDocumentFollowsTheContractForSeveralCaptures(@TempDir Path temp) throws Exception {
        Path ok = sampleCapture("ikev1-main-psk-ok");
        Path refused = sampleCapture("ikev2-proposal-mismatch");
        Run r = run(temp.resolve("out.json"), "diagnose", "-f", "json", ok.toString(), refused.toString());

        assertThat(r.status()).isEqualTo(ExitCodes.NEGOTIATION_FAILED);
        JsonNode doc = new ObjectMapper().readTree(r.output());
        assertThat(doc.get("schema").asString()).isEqualTo("ikescope.diagnose/1");
        assertThat(doc.get("inputs")).hasSize(2);
        JsonNode input = doc.get("inputs").get(0);
        assertThat(names(input)).containsExactly("path", "format", "packets", "ikeMessages", "warnings");
        assertThat(input.get("format").asString()).isEqualTo("pcap");
        assertThat(input.get("ikeMessages").asLong()).isEqualTo(11);

        JsonNode negotiations = doc.get("negotiations");
        assertThat(negotiations).hasSize(2);
        for (JsonNode n : negotiations) {
            assertThat(names(n)).containsSubsequence("id", "ikeVersion", "exchangeMode", "initiator", "responder",
                    "spiI", "spiR", "firstFrame", "lastFrame", "start", "durationSeconds", "natT", "decryption",
                    "phase1", "phase2", "verdict", "findings", "messages");
            // The contract's fields first, then the README's additions (capture evidence, schema 1 extended).
            assertThat(names(n.get("initiator"))).containsExactly("address", "port", "implementation");
            assertThat(names(n.get("natT"))).containsExactly("floated", "natDetected", "forcedEncapsulation",
                    "natPlacement", "summary", "initiator", "responder");
            assertThat(names(n.get("phase1"))).containsExactly("status", "offered", "chosen");
            assertThat(names(n.get("verdict"))).containsSubsequence("code", "phase", "certainty", "summary",
                    "explanation", "fix", "evidence");
            assertThat(CODES).contains(n.get("verdict").get("code").asString());
            assertThat(Set.of("confirmed", "inferred")).contains(n.get("verdict").get("certainty").asString());
            assertThat(STATUSES).contains(n.get("phase1").get("status").asString());
            for (JsonNode m : n.get("messages")) {
                assertThat(names(m)).containsSubsequence("frame", "time", "from", "exchange", "messageId",
                        "retransmission", "encrypted", "decrypted", "payloads");
            }
        }
        JsonNode v1 = negotiations.get(0);
        assertThat(v1.get("exchangeMode").asString()).isEqualTo("main");
        assertThat(v1.get("verdict").get("code").asString()).isEqualTo("ESTABLISHED");
        assertThat(v1.get("phase1").get("chosen").get("encryption").asString()).isEqualTo("AES-CBC-256");
        assertThat(v1.get("phase1").get("offered").get(0).get("lifetimeSeconds").isNumber()).isTrue();
        assertThat(names(v1.get("phase2").get(0))).containsSubsequence("status", "exchange", "protocol", "mode",
                "offered", "chosen", "pfsGroup", "trafficSelectors", "spis", "espPackets");
        assertThat(v1.get("phase2").get(0).get("exchange").asString()).isEqualTo("quick_mode");
        assertThat(v1.get("messages").get(0).get("exchange").asString()).isEqualTo("IDENTITY_PROTECTION");
        assertThat(v1.get("messages").get(0).get("payloads").get(0).asString()).isEqualTo("SA");

        JsonNode v2 = negotiations.get(1);
        assertThat(v2.get("id").asString()).isEqualTo("2");
        assertThat(v2.get("input").asString()).isEqualTo(refused.toString());
        assertThat(v2.get("verdict").get("code").asString()).isEqualTo("PROPOSAL_MISMATCH");
        assertThat(v2.get("verdict").get("certainty").asString()).isEqualTo("confirmed");
        assertThat(v2.get("verdict").get("phase").asInt()).isEqualTo(1);
        assertThat(v2.get("verdict").get("evidence").toString()).isEqualTo("[1,2]");
        assertThat(v2.get("phase1").get("status").asString()).isEqualTo("failed");
    }

    @Test
    void icmpErrorsAreInTheJsonAndTheLadder(@TempDir Path temp) throws Exception {
        Path capture = sampleCapture("ikev2-port-unreachable");
        Run json = run(temp.resolve("out.json"), "diagnose", "-f", "json", capture.toString());
        assertThat(json.status()).isEqualTo(ExitCodes.NEGOTIATION_FAILED);
        JsonNode n = new ObjectMapper().readTree(json.output()).get("negotiations").get(0);
        assertThat(names(n)).containsSubsequence("esp", "icmpErrors", "messages");
        assertThat(n.get("verdict").get("certainty").asString()).isEqualTo("confirmed");
        assertThat(n.get("verdict").get("evidence").toString()).isEqualTo("[1,2,3,4,5,6]");
        assertThat(n.get("icmpErrors")).hasSize(3);
        JsonNode e = n.get("icmpErrors").get(0);
        assertThat(names(e)).containsExactly("frame", "time", "from", "protocol", "type", "code", "meaning", "refused",
                "quotedFrame", "matchedBy", "quoted");
        assertThat(e.toString()).contains("\"frame\":2", "\"from\":\"2001:db8::2\"", "\"protocol\":\"icmpv6\"",
                "\"type\":1", "\"code\":4", "\"meaning\":\"port unreachable\"", "\"refused\":\"initiator\"",
                "\"quotedFrame\":1", "\"matchedBy\":\"spi\"");
        assertThat(names(e.get("quoted"))).containsExactly("src", "srcPort", "dst", "dstPort", "spiI", "spiR");
        assertThat(e.get("quoted").get("spiI").asString()).isEqualTo(n.get("spiI").asString());

        Run text = run(temp.resolve("out.txt"), "diagnose", capture.toString());
        assertThat(text.output()).containsPattern("\\n\\s+2 +\\+0\\.000 +\\|<-+ ICMP port unreachable -+\\|  from"
                + " 2001:db8::2, quoting frame 1\\n");
    }

    @Test
    void exitStatusIsZeroWhenEveryNegotiationWasEstablished(@TempDir Path temp) throws Exception {
        Run r = run(temp.resolve("out.txt"), "diagnose", sampleCapture("ikev2-dh-invalid-ke-ok").toString());

        assertThat(r.status()).isEqualTo(ExitCodes.OK);
        assertThat(r.output()).contains("VERDICT  ESTABLISHED (inferred)", "INVALID_KE_RETRY",
                "1 negotiation, 1 established.");
        // the ladder: a request to the right, its answer to the left, with frame numbers
        assertThat(r.output()).containsPattern("\\n\\s+1 +\\+0\\.000 +\\|-+ request IKE_SA_INIT #0 -+>\\|");
        assertThat(r.output()).containsPattern("\\n\\s+2 +\\+0\\.001 +\\|<-+ response IKE_SA_INIT #0 -+\\|  N\\(INVALID_KE_PAYLOAD\\)");
    }

    @Test
    void keysConfirmWhatTheEncryptedMessagesSay(@TempDir Path temp) throws Exception {
        // sample, verdict with its keys, verdict without (inferred from the pattern, or hidden)
        String[][] cases = {{"ikev1-quick-ts-mismatch", "TS_MISMATCH", "UNDETERMINED"},
            {"ikev2-psk-mismatch", "AUTH_FAILED", "AUTH_FAILED"}};
        for (String[] c : cases) {
            Path capture = sampleCapture(c[0]);
            Path keys = capture.resolveSibling(c[0] + ".keys.log");
            Run keyed = run(temp.resolve(c[0] + ".keyed.json"), "diagnose", "-f", "json", "-k", keys.toString(),
                    capture.toString());
            Run plain = run(temp.resolve(c[0] + ".json"), "diagnose", "-f", "json", capture.toString());

            assertThat(keyed.status()).as(c[0]).isEqualTo(ExitCodes.NEGOTIATION_FAILED);
            assertThat(keyed.err()).as(c[0]).isEmpty();
            JsonNode n = new ObjectMapper().readTree(keyed.output()).get("negotiations").get(0);
            assertThat(n.get("verdict").get("code").asString()).as(c[0]).isEqualTo(c[1]);
            assertThat(n.get("verdict").get("certainty").asString()).as(c[0]).isEqualTo("confirmed");
            assertThat(n.get("decryption").asString()).as(c[0]).isEqualTo("ok");
            assertThat(n.get("messages")).filteredOn(m -> m.get("encrypted").asBoolean()).isNotEmpty()
                    .allMatch(m -> m.get("decrypted").asBoolean());

            assertThat(plain.status()).as(c[0]).isEqualTo(ExitCodes.NEGOTIATION_FAILED);
            JsonNode hidden = new ObjectMapper().readTree(plain.output()).get("negotiations").get(0);
            assertThat(hidden.get("verdict").get("code").asString()).as(c[0]).isEqualTo(c[2]);
            assertThat(hidden.get("verdict").get("certainty").asString()).as(c[0]).isEqualTo("inferred");
            assertThat(hidden.get("decryption").asString()).as(c[0]).isEqualTo("no_keys");
        }
    }

    @Test
    void unreadableInputIsStatusTwoWithOneLineAndNoReport(@TempDir Path temp) throws Exception {
        Path missing = temp.resolve("missing.pcap");
        Path out = temp.resolve("out.json");
        Run r = run(out, "diagnose", "-f", "json", sampleCapture("ikev2-psk-ok").toString(), missing.toString());

        assertThat(r.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
        assertThat(r.err().strip().lines()).singleElement().asString().contains("missing.pcap").contains("no such file");
        assertThat(out).doesNotExist();
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.propertyNames().forEach(out::add);
        return out;
    }
}
