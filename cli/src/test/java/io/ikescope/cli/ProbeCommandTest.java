package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.probe.ikev2.Ikev2Suite;
import io.ikescope.probe.ikev2.Ikev2Transform;
import io.ikescope.probe.testsupport.FakeIkev2Responder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code ikescope probe} end to end against a loopback responder (real daemons: cli.probe.ProbeLabTest). */
class ProbeCommandTest {
    private static final Ikev2Suite AES_SHA256_MODP2048 = new Ikev2Suite(
            Ikev2Transform.encryption("ENCR_AES_CBC", 256), 5, 12, 14);
    private static final Ikev2Suite GCM_SHA384_ECP384 = new Ikev2Suite(
            Ikev2Transform.encryption("ENCR_AES_GCM_16", 128), 6, null, 20);

    private static DiagnoseCommandTest.Run probe(Path out, FakeIkev2Responder peer, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("probe", "127.0.0.1:" + peer.port(), "--ikev2", "--rate",
                "1000", "--wait", "0.2"));
        args.addAll(List.of(more));
        return DiagnoseCommandTest.run(out, args.toArray(new String[0]));
    }

    @Test
    void jsonFollowsTheDocumentedShape(@TempDir Path temp) throws Exception {
        try (FakeIkev2Responder peer = new FakeIkev2Responder(List.of(AES_SHA256_MODP2048, GCM_SHA384_ECP384))) {
            DiagnoseCommandTest.Run r = probe(temp.resolve("out.json"), peer, "-f", "json");
            assertThat(r.status()).isEqualTo(ExitCodes.OK);
            JsonNode doc = new ObjectMapper().readTree(r.output());
            assertThat(doc.get("schema").asString()).isEqualTo("ikescope.probe/1");
            assertThat(doc.get("target").get("port").asInt()).isEqualTo(peer.port());
            assertThat(doc.get("packetsSent").asInt()).isGreaterThan(50);
            JsonNode v2 = doc.get("ikev2");
            assertThat(v2.get("answered").asBoolean()).isTrue();
            List<String> accepted = new ArrayList<>();
            for (JsonNode p : v2.get("accepted")) {
                accepted.add(p.get("encryption").asString() + "|" + p.get("prf").asString() + "|"
                        + (p.get("integrity").isNull() ? "-" : p.get("integrity").asString()) + "|"
                        + p.get("dhGroup").asInt());
            }
            assertThat(accepted).containsExactlyInAnyOrder(
                    "AES-CBC-256|PRF-HMAC-SHA2-256|HMAC-SHA2-256-128|14", "AES-GCM-128-16|PRF-HMAC-SHA2-384|-|20");
            assertThat(v2.get("transforms").get("dhGroup").get("accepted").toString()).isEqualTo("[14,20]");
            assertThat(v2.get("preferred").get("encryption").asString()).isNotBlank();
            assertThat(v2.get("fragmentation").asBoolean()).isTrue();
            assertThat(v2.get("complete").asBoolean()).isTrue();
            assertThat(doc.get("ikev1").isNull()).isTrue();
            assertThat(doc.get("against").isNull()).isTrue();
        }
    }

    @Test
    void textNamesWhatIsAcceptedAndThePcapIsReadableByDissect(@TempDir Path temp) throws Exception {
        try (FakeIkev2Responder peer = new FakeIkev2Responder(List.of(AES_SHA256_MODP2048))) {
            Path pcap = temp.resolve("probe.pcap");
            DiagnoseCommandTest.Run r = probe(temp.resolve("out.txt"), peer, "--pcap", pcap.toString());
            assertThat(r.status()).isEqualTo(ExitCodes.OK);
            assertThat(r.output()).contains("IKEv2: answers IKE_SA_INIT")
                    .contains("encryption   accepted: AES-CBC-256")
                    .contains("AES-CBC-256 / PRF-HMAC-SHA2-256 / HMAC-SHA2-256-128 / 14 (modp2048)");
            DiagnoseCommandTest.Run d = DiagnoseCommandTest.run(temp.resolve("d.json"), "dissect", "-f", "json",
                    "--port", Integer.toString(peer.port()), pcap.toString());
            assertThat(d.status()).isEqualTo(ExitCodes.OK);
            // JSON Lines, one message each: every request the peer received and its answer
            List<String> lines = d.output().lines().toList();
            assertThat(lines).hasSize(2 * peer.requests());
            assertThat(new ObjectMapper().readTree(lines.get(0)).get("exchange").asString()).isEqualTo("IKE_SA_INIT");
        }
    }

    @Test
    void againstAConfigurationSaysWhatToChange(@TempDir Path temp) throws Exception {
        Path conf = temp.resolve("swanctl.conf");
        Files.writeString(conf, """
                connections {
                  hq {
                    version = 2
                    remote_addrs = 127.0.0.1
                    proposals = aes128-sha256-modp2048
                    local { auth = psk }
                    remote { auth = psk }
                    children { net { local_ts = 10.2.0.0/24
                      remote_ts = 10.1.0.0/24 } }
                  }
                }
                """);
        try (FakeIkev2Responder peer = new FakeIkev2Responder(List.of(AES_SHA256_MODP2048))) {
            DiagnoseCommandTest.Run r = probe(temp.resolve("out.json"), peer, "-f", "json", "--against",
                    conf.toString());
            assertThat(r.status()).as("a weighed connection would not negotiate").isEqualTo(ExitCodes.NEGOTIATION_FAILED);
            JsonNode c = new ObjectMapper().readTree(r.output()).get("against").get("connections").get(0);
            assertThat(c.get("name").asString()).isEqualTo("hq");
            assertThat(c.get("verdict").asString()).isEqualTo("FAILS");
            assertThat(c.get("changes").get(0).asString())
                    .isEqualTo("encryption: the peer accepts none of AES-CBC-128; it accepts AES-CBC-256");
        }
    }

    @Test
    void natTFramingIsSpokenWhenAsked(@TempDir Path temp) throws Exception {
        try (FakeIkev2Responder peer = new FakeIkev2Responder(List.of(AES_SHA256_MODP2048))) {
            peer.natT = true;
            DiagnoseCommandTest.Run plain = probe(temp.resolve("plain.json"), peer, "-f", "json", "--tries", "1");
            assertThat(plain.status()).as("IKE without the marker is dropped by a NAT-T port")
                    .isEqualTo(ExitCodes.NEGOTIATION_FAILED);
            DiagnoseCommandTest.Run r = probe(temp.resolve("natt.json"), peer, "-f", "json", "--nat-t");
            assertThat(r.status()).isEqualTo(ExitCodes.OK);
            JsonNode doc = new ObjectMapper().readTree(r.output());
            assertThat(doc.get("target").get("natT").asBoolean()).isTrue();
            assertThat(doc.get("ikev2").get("accepted")).hasSize(1);
        }
    }

    @Test
    void aListOfTargetsIsProbedInTurnOneJsonLineEach(@TempDir Path temp) throws Exception {
        try (FakeIkev2Responder a = new FakeIkev2Responder(List.of(AES_SHA256_MODP2048));
             FakeIkev2Responder b = new FakeIkev2Responder(List.of(GCM_SHA384_ECP384))) {
            Path list = temp.resolve("targets.txt");
            Files.writeString(list, "# two gateways\n127.0.0.1:" + a.port() + "\n\n127.0.0.1:" + b.port()
                    + "  # the second\n");
            DiagnoseCommandTest.Run r = DiagnoseCommandTest.run(temp.resolve("o.jsonl"), "probe", "--targets",
                    list.toString(), "--ikev2", "--rate", "1000", "--wait", "0.2", "-f", "json");
            assertThat(r.status()).isEqualTo(ExitCodes.OK);
            List<String> lines = r.output().lines().toList();
            assertThat(lines).hasSize(2);
            JsonNode first = new ObjectMapper().readTree(lines.get(0));
            JsonNode second = new ObjectMapper().readTree(lines.get(1));
            assertThat(first.get("target").get("port").asInt()).isEqualTo(a.port());
            assertThat(first.get("ikev2").get("transforms").get("dhGroup").get("accepted").toString()).isEqualTo("[14]");
            assertThat(second.get("ikev2").get("transforms").get("dhGroup").get("accepted").toString())
                    .isEqualTo("[20]");
        }
    }

    @Test
    void badUsageIsOneLineAndSendsNothing(@TempDir Path temp) throws Exception {
        try (FakeIkev2Responder peer = new FakeIkev2Responder(List.of(AES_SHA256_MODP2048))) {
            String target = "127.0.0.1:" + peer.port();
            for (String[] args : List.of(
                    new String[] {"probe", target, "--ikev1", "--ikev2"},
                    new String[] {"probe", target, "--rate", "0"},
                    new String[] {"probe", target, "--connection", "x"},
                    new String[] {"probe", target, "--against", temp.resolve("missing.conf").toString()},
                    new String[] {"probe", "127.0.0.1:99999"},
                    new String[] {"probe", target, "-f", "html"},
                    new String[] {"probe"},
                    new String[] {"probe", target, "--targets", temp.resolve("none.txt").toString()},
                    new String[] {"probe", "--targets", temp.resolve("none.txt").toString()})) {
                DiagnoseCommandTest.Run r = DiagnoseCommandTest.run(temp.resolve("x"), args);
                assertThat(r.status()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE_OR_INPUT);
                assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            }
            assertThat(peer.requests()).isZero();
        }
    }

    @Test
    void aTargetThatDoesNotAnswerExitsOne(@TempDir Path temp) throws Exception {
        int port;
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        DiagnoseCommandTest.Run r = DiagnoseCommandTest.run(temp.resolve("o.json"), "probe", "127.0.0.1:" + port,
                "--ikev2", "--wait", "0.1", "-f", "json");
        assertThat(r.status()).isEqualTo(ExitCodes.NEGOTIATION_FAILED);
        JsonNode v2 = new ObjectMapper().readTree(r.output()).get("ikev2");
        assertThat(v2.get("answered").asBoolean()).isFalse();
        assertThat(v2.get("problems").get(0).asString()).contains("ICMP port unreachable");
    }
}
