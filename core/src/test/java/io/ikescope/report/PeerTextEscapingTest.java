package io.ikescope.report;

import io.ikescope.fuzz.OutputSafety;
import io.ikescope.net.IkeDatagram;
import io.ikescope.testsupport.IkeSurgery;
import io.ikescope.wire.IdentificationPayload;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static io.ikescope.testsupport.TestPaths.sample;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Aggressive Mode message (strongSwan, samples/ikev1-aggr-psk-ok.pcap, frame 1) whose ID payload is
 * rewritten to carry what a hostile peer could send: terminal escapes (ESC, 8-bit CSI), BEL, backspace, CR,
 * DEL, a right-to-left override, a line separator. Text output escapes every one; JSON output keeps the string
 * (it decodes to exactly the bytes sent) but spells each as a JSON escape, so neither reaches a terminal raw.
 */
class PeerTextEscapingTest {
    /** ID payload index in that message (SA, KE, NONCE, ID ...). */
    private static final int ID = 3;
    private static final String HOSTILE = "vpn\u001b[2J\u009b31m\u0007\b\rok\u202egnp.exe\u007f\u2028end";

    private static IkeDatagram realAggressiveFirst() {
        List<IkeDatagram> found = io.ikescope.fuzz.FuzzSeedsAccess.ikeDatagrams(sample("ikev1-aggr-psk-ok.pcap"));
        IkeDatagram d = found.get(0);
        assertThat(IkeSurgery.payload(d.ike(), ID)).isInstanceOf(IdentificationPayload.class);
        return d;
    }

    /** The message with its ID payload replaced by one of this type and value (IKEv1: type, protocol, port). */
    private static IkeDatagram withId(int idType, byte[] value) {
        IkeDatagram d = realAggressiveFirst();
        byte[] body = new byte[4 + value.length];
        body[0] = (byte) idType;
        System.arraycopy(value, 0, body, 4, value.length);
        byte[] ike = IkeSurgery.replacePayloadBody(d.ike(), ID, body);
        return new IkeDatagram(d.frame(), d.epochNanos(), d.src(), d.srcPort(), d.dst(), d.dstPort(), d.transport(), ike);
    }

    private static String text(IkeDatagram d) throws Exception {
        StringWriter out = new StringWriter();
        new DissectTextWriter(out).write(d, IkeDecoder.decode(d.ike()), null);
        return out.toString();
    }

    private static String json(IkeDatagram d) throws Exception {
        StringWriter out = new StringWriter();
        new DissectJsonWriter(out).write(d, IkeDecoder.decode(d.ike()), null);
        return out.toString();
    }

    @Test
    void fqdnWithTerminalControlsIsEscapedInText() throws Exception {
        IkeDatagram d = withId(2, HOSTILE.getBytes(StandardCharsets.UTF_8));
        assertThat(IkeDecoder.decode(d.ike()).errors()).isEmpty();
        String text = text(d);
        assertThat(OutputSafety.firstUnsafe(text)).isEqualTo(-1);
        assertThat(text).contains("FQDN (2): vpn\\x1b[2J\\x9b31m\\x07\\x08\\x0dok\\u{202e}gnp.exe\\x7f\\u{2028}end");
    }

    @Test
    void fqdnWithTerminalControlsIsEscapedInJsonAndDecodesToWhatWasSent() throws Exception {
        IkeDatagram d = withId(2, HOSTILE.getBytes(StandardCharsets.UTF_8));
        String json = json(d);
        assertThat(OutputSafety.firstUnsafe(json)).isEqualTo(-1);
        assertThat(json).contains("vpn\\u001B[2J\\u009B31m\\u0007\\b\\rok\\u202Egnp.exe\\u007F\\u2028end");
        JsonNode id = new ObjectMapper().readTree(json).get("payloads").get(ID);
        assertThat(id.get("idType").asInt()).isEqualTo(2);
        assertThat(id.get("value").asString()).isEqualTo(HOSTILE);
    }

    @Test
    void userFqdnThatIsNotUtf8KeepsEveryByteEscaped() throws Exception {
        // 0x9b alone is not UTF-8: the bytes are read as ISO-8859-1, so 0x9b becomes U+009B (CSI).
        byte[] value = {'a', (byte) 0x9b, '2', 'J', '@', 0x1b, ']', '0', ';', 'x', 0x07};
        IkeDatagram d = withId(3, value);
        String text = text(d);
        assertThat(OutputSafety.firstUnsafe(text)).isEqualTo(-1);
        assertThat(text).contains("USER_FQDN (3): a\\x9b2J@\\x1b]0;x\\x07");
        String json = json(d);
        assertThat(OutputSafety.firstUnsafe(json)).isEqualTo(-1);
        assertThat(new ObjectMapper().readTree(json).get("payloads").get(ID).get("value").asString())
                .isEqualTo(new String(value, StandardCharsets.ISO_8859_1));
    }

    @Test
    void distinguishedNameWithControlsIsEscaped() throws Exception {
        byte[] dn = new X500Principal("CN=gw\u001b[31m\u202eevil,O=Lab").getEncoded();
        IkeDatagram d = withId(9, dn);
        String text = text(d);
        assertThat(OutputSafety.firstUnsafe(text)).isEqualTo(-1);
        assertThat(text).contains("\\x1b[31m\\u{202e}evil");
        String json = json(d);
        assertThat(OutputSafety.firstUnsafe(json)).isEqualTo(-1);
        assertThat(new ObjectMapper().readTree(json).get("payloads").get(ID).get("value").asString())
                .contains("gw\u001b[31m\u202eevil");
    }

    @Test
    void theUntouchedMessageRendersItsRealIdentity() throws Exception {
        assertThat(text(realAggressiveFirst())).contains("FQDN (2): initiator.lab.example");
    }
}
