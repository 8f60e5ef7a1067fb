package io.ikescope.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IkeDecoderTest {

    /** A 28-byte header with the given next payload, version byte, flags and declared length. */
    private static byte[] message(int nextPayload, int version, int flags, long declaredLength, String bodyHex) {
        byte[] body = HexFormat.of().parseHex(bodyHex);
        byte[] m = new byte[28 + body.length];
        for (int i = 0; i < 8; i++) {
            m[i] = (byte) (0x11 * (i + 1));
        }
        m[16] = (byte) nextPayload;
        m[17] = (byte) version;
        m[18] = 2;
        m[19] = (byte) flags;
        m[24] = (byte) (declaredLength >>> 24);
        m[25] = (byte) (declaredLength >>> 16);
        m[26] = (byte) (declaredLength >>> 8);
        m[27] = (byte) declaredLength;
        System.arraycopy(body, 0, m, 28, body.length);
        return m;
    }

    @Test
    void realMainModeMessageDecodesEveryField() throws Exception {
        byte[] first = CorpusMessages.udpPayloads(CorpusMessages.file("suricata-verify/ikev1-isakmp-main-mode.pcap")).get(0);
        IkeMessage m = IkeDecoder.decode(first);

        assertThat(m.errors()).isEmpty();
        assertThat(m.ikeVersion()).isEqualTo(1);
        assertThat(m.header().spiI().hex()).isEqualTo("e47a591fd057587f");
        assertThat(m.header().exchangeType()).isEqualTo(2);
        assertThat(m.header().length()).isEqualTo(168);
        assertThat(m.payloads()).extracting(Payload::type).containsExactly(1, 13, 13, 13, 13);
        SecurityAssociationPayload sa = (SecurityAssociationPayload) m.payloads().get(0);
        assertThat(sa.doi()).isEqualTo(1L);
        assertThat(sa.situation()).isEqualTo(1L);
        Transform t = sa.proposals().get(0).transforms().get(0);
        assertThat(t.number()).isEqualTo(1);
        assertThat(t.type()).isNull();
        assertThat(t.attributes()).extracting(Attribute::type).containsExactly(1, 14, 2, 4, 3, 11, 12);
        assertThat(t.attributes()).extracting(Attribute::numericValue).containsExactly(7L, 128L, 2L, 2L, 1L, 1L, 86400L);
        assertThat(t.attributes().get(6).tv()).isFalse();
        assertThat(((VendorIdPayload) m.payloads().get(1)).data().hex()).isEqualTo("4a131c81070358455c5728f20e95452f");
    }

    @Test
    void truncatedHeaderGivesAnErrorAndNoHeader() {
        IkeMessage m = IkeDecoder.decode(new byte[20]);
        assertThat(m.header()).isNull();
        assertThat(m.errors()).containsExactly("IKE header truncated: 20 bytes, the header needs 28");
        assertThat(IkeDecoder.decode(null).errors()).hasSize(1);
    }

    @Test
    void payloadLongerThanTheMessageIsMalformedWithItsOffset() {
        // VID (13) declaring 500 bytes where 20 remain
        IkeMessage m = IkeDecoder.decode(message(13, 0x10, 0, 48, "000001f4" + "00".repeat(16)));
        assertThat(m.errors()).containsExactly(
                "payload 1 (type 13) at offset 28: length 500 exceeds the 20 bytes that remain");
        MalformedPayload bad = (MalformedPayload) m.payloads().get(0);
        assertThat(bad.type()).isEqualTo(13);
        assertThat(bad.length()).isEqualTo(500);
        assertThat(bad.data().length()).isEqualTo(16);
    }

    @Test
    void zeroPayloadLengthStopsTheChainInsteadOfLooping() {
        IkeMessage m = IkeDecoder.decode(message(13, 0x10, 0, 36, "0d000000" + "0d000000"));
        assertThat(m.payloads()).hasSize(1);
        assertThat(m.errors().get(0)).isEqualTo(
                "payload 1 (type 13) at offset 28: length 0 is shorter than the 4-byte payload header");
    }

    @Test
    void attributeOverflowMarksTheSaMalformedAndDecodingGoesOn() {
        // SA: DOI 1, situation 1, proposal(len 20) with one transform(len 12) whose TLV attribute claims 255 bytes;
        // then a VID payload that must still be decoded
        String transform = "00000" + "00c" + "0101" + "0000" + "000c00ff";
        String proposal = "00000014" + "01010001" + transform;
        String sa = "0d00" + "0020" + "00000001" + "00000001" + proposal;
        String vid = "00000008" + "cafe0001";
        byte[] bytes = message(1, 0x10, 0, 28 + 32 + 8, sa + vid);
        IkeMessage m = IkeDecoder.decode(bytes);
        assertThat(m.payloads()).extracting(Payload::type).containsExactly(1, 13);
        assertThat(m.payloads().get(0)).isInstanceOf(MalformedPayload.class);
        assertThat(m.errors()).hasSize(1);
        assertThat(m.errors().get(0)).startsWith("payload 1 (type 1) at offset 28: attribute type 12 length 255 exceeds")
                .endsWith("(at offset 56)");
        assertThat(((VendorIdPayload) m.payloads().get(1)).data().hex()).isEqualTo("cafe0001");
    }

    @Test
    void hugeDeclaredLengthsAreReportedNotAllocated() {
        IkeMessage m = IkeDecoder.decode(message(13, 0x10, 0, 0xffffffffL, "00000008cafe0001"));
        assertThat(m.header().length()).isEqualTo(0xffffffffL);
        assertThat(m.errors()).containsExactly("header length 4294967295 exceeds the 36 bytes of the message");
        assertThat(m.payloads()).hasSize(1);

        // a Delete payload claiming 65535 SPIs of 255 bytes each
        IkeMessage d = IkeDecoder.decode(message(42, 0x20, 0, 28 + 12, "0000000c" + "03ffffff" + "00000000"));
        assertThat(d.payloads().get(0)).isInstanceOf(MalformedPayload.class);
        assertThat(d.errors().get(0)).contains("65535 SPIs of 255 bytes need 16711425 bytes but only 4 remain");
    }

    @Test
    void ikev1EncryptedBodyIsKeptAsBytes() {
        IkeMessage m = IkeDecoder.decode(message(8, 0x10, 0x01, 28 + 8, "0123456789abcdef"));
        assertThat(m.payloads()).isEmpty();
        assertThat(m.encryptedBody().hex()).isEqualTo("0123456789abcdef");
        assertThat(m.hasEncryptedContent()).isTrue();
    }

    @Test
    void ikev2SkPayloadEndsTheChainAndNamesTheFirstInnerPayload() {
        IkeMessage m = IkeDecoder.decode(message(46, 0x20, 0x08, 28 + 12, "2300000c" + "aabbccddeeff0011"));
        EncryptedPayload sk = (EncryptedPayload) m.payloads().get(0);
        assertThat(sk.innerNextPayload()).isEqualTo(35);
        assertThat(sk.encrypted().length()).isEqualTo(8);
        assertThat(m.errors()).isEmpty();
    }

    @Test
    void decryptedChainDecodesTrafficSelectorsAndIds() {
        // IDi FQDN "vpn" then TSi with one IPv4 range 10.0.0.0-10.0.0.255, TCP, ports 0-65535
        String id = "2c00000b" + "02000000" + "76706e";
        String ts = "00000018" + "01000000" + "07060010" + "0000ffff" + "0a000000" + "0a0000ff";
        byte[] plain = HexFormat.of().parseHex(id + ts + "0000");
        PayloadChain chain = IkeDecoder.decodePayloadChain(2, 35, plain, 0, plain.length - 2);
        assertThat(chain.errors()).isEmpty();
        IdentificationPayload idi = (IdentificationPayload) chain.payloads().get(0);
        assertThat(IdentityText.render(2, idi.idType(), idi.data())).isEqualTo("vpn");
        TrafficSelector sel = ((TrafficSelectorPayload) chain.payloads().get(1)).selectors().get(0);
        assertThat(sel.ipProtocol()).isEqualTo(6);
        assertThat(sel.endPort()).isEqualTo(65535);
        assertThat(Addresses.format(sel.startAddress()) + "-" + Addresses.format(sel.endAddress()))
                .isEqualTo("10.0.0.0-10.0.0.255");
        assertThat(IkeDecoder.decodePayloadChain(2, 35, plain, 10, 100).errors().get(0)).contains("outside");

        // with the two padding bytes in range: no error, and end() says where the payloads stop
        PayloadChain padded = IkeDecoder.decodePayloadChain(2, 35, plain, 0, plain.length);
        assertThat(padded.errors()).isEmpty();
        assertThat(padded.end()).isEqualTo(plain.length - 2);
    }

    @Test
    void bytesAfterTheLastCleartextPayloadAreReported() {
        IkeMessage m = IkeDecoder.decode(message(13, 0x10, 0, 28 + 10, "00000008cafe0001" + "abcd"));
        assertThat(m.payloads()).hasSize(1);
        assertThat(m.errors()).containsExactly("2 bytes after the last payload (offset 36) ignored");
    }

    @Test
    void notifyDataIsDecodedForKnownTypes() {
        // IKEv2 N(INVALID_KE_PAYLOAD) wanting group 19, N(REDIRECT) to 192.0.2.7
        String invalidKe = "2900000a" + "00000011" + "0013";
        String redirect = "0000000e" + "00004017" + "0104c0000207";
        IkeMessage m = IkeDecoder.decode(message(41, 0x20, 0x20, 28 + 24, invalidKe + redirect));
        assertThat(m.errors()).isEmpty();
        assertThat(((NotifyPayload) m.payloads().get(0)).detail()).isEqualTo(new NotifyDetail.AcceptedGroup(19));
        NotifyDetail.Redirect r = (NotifyDetail.Redirect) ((NotifyPayload) m.payloads().get(1)).detail();
        assertThat(r.gateway()).isEqualTo("192.0.2.7");
        assertThat(r.nonce().isEmpty()).isTrue();
    }

    @Test
    void randomCorruptionOfRealMessagesNeverThrows() throws Exception {
        List<byte[]> real = CorpusMessages.udpPayloads(CorpusMessages.file("suricata-verify/ikev1-isakmp-main-mode.pcap"));
        Random random = new Random(7296);
        int withErrors = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] m = real.get(i % real.size()).clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                m[random.nextInt(m.length)] = (byte) random.nextInt(256);
            }
            byte[] cut = java.util.Arrays.copyOf(m, random.nextInt(m.length + 1));
            IkeMessage decoded = IkeDecoder.decode(random.nextBoolean() ? m : cut);
            if (!decoded.errors().isEmpty()) {
                withErrors++;
            }
        }
        assertThat(withErrors).isGreaterThan(5_000);
    }
}
