package io.ikescope.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.net.IkeDatagram;
import io.ikescope.net.Transport;
import io.ikescope.wire.CorpusMessages;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.registry.Ikev1Registry;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class DissectWritersTest {
    private static final long FRAME1_NANOS = 1_439_117_415_368_374_000L;

    private static IkeDatagram datagram(long frame, byte[] ike) {
        return new IkeDatagram(frame, FRAME1_NANOS, "192.168.12.1", 500, "192.168.12.2", 500, Transport.UDP, ike);
    }

    private static byte[] realMainModeFirst() throws Exception {
        return CorpusMessages.udpPayloads(CorpusMessages.file("suricata-verify/ikev1-isakmp-main-mode.pcap")).get(0);
    }

    @Test
    void jsonLineOfARealMessageHasTheContractFieldsAndValues() throws Exception {
        byte[] ike = realMainModeFirst();
        StringWriter out = new StringWriter();
        try (DissectJsonWriter w = new DissectJsonWriter(out)) {
            w.write(datagram(1, ike), IkeDecoder.decode(ike), null);
            w.write(datagram(2, ike), IkeDecoder.decode(ike), null);
        }
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode m = new ObjectMapper().readTree(lines[0]);

        List<String> names = new ArrayList<>(m.propertyNames());
        assertThat(names).containsExactly("frame", "time", "src", "srcPort", "dst", "dstPort", "transport",
                "ikeVersion", "minorVersion", "spiI", "spiR", "nextPayload", "exchangeType", "exchange", "flags", "messageId",
                "length", "decryption", "payloads", "errors");
        assertThat(m.get("frame").asLong()).isEqualTo(1);
        assertThat(m.get("time").asString()).isEqualTo("2015-08-09T10:50:15.368374Z");
        assertThat(m.get("transport").asString()).isEqualTo("udp");
        assertThat(m.get("ikeVersion").asInt()).isEqualTo(1);
        assertThat(m.get("spiI").asString()).isEqualTo("e47a591fd057587f");
        assertThat(m.get("spiR").asString()).isEqualTo("0000000000000000");
        assertThat(m.get("exchangeType").asInt()).isEqualTo(2);
        if (Ikev1Registry.EXCHANGE_TYPE.isAssigned(2)) {
            assertThat(m.get("exchange").asString()).isEqualTo("IDENTITY_PROTECTION");
        }
        JsonNode flags = m.get("flags");
        assertThat(flags.get("encryption").asBoolean()).isFalse();
        assertThat(flags.get("commit").isBoolean()).isTrue();
        assertThat(flags.get("initiator").isNull()).isTrue();
        assertThat(flags.get("response").isNull()).isTrue();
        assertThat(m.get("messageId").asLong()).isZero();
        assertThat(m.get("length").asInt()).isEqualTo(168);
        assertThat(m.get("decryption").asString()).isEqualTo("none");
        assertThat(m.get("errors").size()).isZero();

        JsonNode sa = m.get("payloads").get(0);
        assertThat(sa.get("type").asInt()).isEqualTo(1);
        assertThat(sa.get("length").asInt()).isEqualTo(60);
        assertThat(sa.get("doi").asInt()).isEqualTo(1);
        assertThat(sa.get("situation").asInt()).isEqualTo(1);
        if (Ikev1Registry.PAYLOAD_ABBREV.isAssigned(1)) {
            assertThat(sa.get("name").asString()).isEqualTo("SA");
        }
        JsonNode proposal = sa.get("proposals").get(0);
        assertThat(proposal.get("number").asInt()).isEqualTo(1);
        assertThat(proposal.get("protocolId").asInt()).isEqualTo(1);
        assertThat(proposal.get("spi").asString()).isEmpty();
        JsonNode transform = proposal.get("transforms").get(0);
        assertThat(transform.get("number").asInt()).isEqualTo(1);
        assertThat(transform.has("type")).isFalse();
        assertThat(transform.get("id").asInt()).isEqualTo(1);
        JsonNode encryption = transform.get("attributes").get(0);
        assertThat(encryption.get("type").asInt()).isEqualTo(1);
        assertThat(encryption.get("value").asInt()).isEqualTo(7);
        assertThat(encryption.has("name")).isTrue();
        assertThat(encryption.has("valueName")).isTrue();
        JsonNode keyLength = transform.get("attributes").get(1);
        assertThat(keyLength.get("value").asInt()).isEqualTo(128);
        assertThat(keyLength.get("valueName").isNull()).isTrue();
        assertThat(transform.get("attributes").get(6).get("value").asLong()).isEqualTo(86400);

        JsonNode vid = m.get("payloads").get(1);
        assertThat(vid.get("type").asInt()).isEqualTo(13);
        assertThat(vid.get("data").asString()).isEqualTo("4a131c81070358455c5728f20e95452f");
        assertThat(vid.has("vendor")).isTrue();
    }

    /** An IKEv2 IKE_AUTH-like message whose IDi FQDN carries an ANSI escape sequence. */
    private static byte[] hostileIdMessage() {
        String fqdn = HexFormat.of().formatHex("evil\u001b[31m.example".getBytes());
        int idLength = 8 + fqdn.length() / 2;
        String header = "0102030405060708" + "0000000000000000" + "23" + "20" + "23" + "08" + "00000001"
                + String.format("%08x", 28 + idLength);
        return HexFormat.of().parseHex(header + String.format("0000%04x", idLength) + "02000000" + fqdn);
    }

    @Test
    void peerTextIsEscapedInBothFormats() throws Exception {
        byte[] ike = hostileIdMessage();
        IkeMessage m = IkeDecoder.decode(ike);
        assertThat(m.errors()).isEmpty();

        StringWriter text = new StringWriter();
        new DissectTextWriter(text).write(datagram(5, ike), m, null);
        assertThat(text.toString()).doesNotContain("\u001b").contains("evil\\x1b[31m.example");

        StringWriter json = new StringWriter();
        new DissectJsonWriter(json).write(datagram(5, ike), m, null);
        assertThat(json.toString()).doesNotContain("\u001b");
        JsonNode id = new ObjectMapper().readTree(json.toString()).get("payloads").get(0);
        assertThat(id.get("idType").asInt()).isEqualTo(2);
        assertThat(id.get("value").asString()).isEqualTo("evil\u001b[31m.example");
        JsonNode flags = new ObjectMapper().readTree(json.toString()).get("flags");
        assertThat(flags.get("initiator").asBoolean()).isTrue();
        assertThat(flags.get("response").asBoolean()).isFalse();
        assertThat(flags.get("encryption").isNull()).isTrue();
    }

    @Test
    void textHeaderLineSaysWhoWhatAndHowLong() throws Exception {
        byte[] ike = realMainModeFirst();
        List<String> lines = new ArrayList<>();
        DissectTextWriter.render(lines, datagram(3, ike), IkeDecoder.decode(ike), "none");
        assertThat(lines.get(0)).matches("Frame 3  2015-08-09T10:50:15\\.368374Z  192\\.168\\.12\\.1:500 -> "
                + "192\\.168\\.12\\.2:500  IKEv1 (IDENTITY_PROTECTION|exchange 2)  I-SPI e47a591fd057587f R-SPI 0{16}  msgid 0  168 bytes");
        assertThat(lines).anyMatch(l -> l.startsWith("    Proposal 1  protocol "));
        assertThat(lines).anyMatch(l -> l.matches("        .*\\(14\\) = 128"));
        assertThat(lines).noneMatch(l -> l.contains("ERROR"));
    }

    @Test
    void malformedPayloadIsMarkedInBothFormats() throws Exception {
        byte[] ike = HexFormat.of().parseHex("0102030405060708" + "0000000000000000" + "0d" + "10" + "02" + "00"
                + "00000000" + "00000030" + "000001f4" + "00".repeat(16));
        IkeMessage m = IkeDecoder.decode(ike);
        StringWriter json = new StringWriter();
        new DissectJsonWriter(json).write(datagram(9, ike), m, null);
        JsonNode node = new ObjectMapper().readTree(json.toString());
        JsonNode bad = node.get("payloads").get(0);
        assertThat(bad.get("type").asInt()).isEqualTo(13);
        assertThat(bad.get("length").asInt()).isEqualTo(500);
        assertThat(bad.get("error").asString()).contains("offset 28").contains("exceeds the 20 bytes that remain");
        assertThat(node.get("errors").get(0).asString()).isEqualTo(bad.get("error").asString());

        List<String> lines = new ArrayList<>();
        DissectTextWriter.render(lines, datagram(9, ike), m, null);
        assertThat(lines).anyMatch(l -> l.contains("!! MALFORMED"));
        assertThat(lines).anyMatch(l -> l.startsWith("  !! ERROR: payload 1 (type 13) at offset 28"));
    }

    @Test
    void timestampsKeepTheCapturePrecision() {
        assertThat(Timestamps.iso(FRAME1_NANOS)).isEqualTo("2015-08-09T10:50:15.368374Z");
        assertThat(Timestamps.iso(FRAME1_NANOS + 123)).isEqualTo("2015-08-09T10:50:15.368374123Z");
    }

    @Test
    void exchangeNamesBecomeStableUpperSnake() {
        assertThat(IkeNames.upperSnake("Identity Protection (Main Mode)")).isEqualTo("IDENTITY_PROTECTION");
        assertThat(IkeNames.upperSnake("IKE_SA_INIT")).isEqualTo("IKE_SA_INIT");
        assertThat(IkeNames.upperSnake("Quick Mode")).isEqualTo("QUICK_MODE");
        assertThat(IkeNames.upperSnake("Transaction (Config Mode)")).isEqualTo("TRANSACTION");
    }

    @Test
    void escaperNeutralisesControlAndFormatCharacters() {
        assertThat(TextEscaper.escape("a\u0007b\u009bc\u202ed\\e")).isEqualTo("a\\x07b\\x9bc\\u{202e}d\\\\e");
        assertThat(TextEscaper.escape("plain.example")).isEqualTo("plain.example");
    }
}
