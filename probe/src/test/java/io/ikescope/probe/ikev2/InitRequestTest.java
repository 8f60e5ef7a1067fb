package io.ikescope.probe.ikev2;

import io.ikescope.probe.keyexchange.KeyShares;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ikescope.probe.net.Datagram;
import io.ikescope.probe.net.ProbePcapWriter;
import io.ikescope.testsupport.PdmlReader;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.KeyExchangePayload;
import io.ikescope.wire.NoncePayload;
import io.ikescope.wire.NotifyPayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.Transform;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitRequestTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress(address("198.51.100.1"), 41000);
    private static final InetSocketAddress REMOTE = new InetSocketAddress(address("198.51.100.2"), 500);

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static InitRequest request() {
        Ikev2Offer offer = Ikev2Prober.offer(Ikev2Candidates.encryption(), Ikev2Candidates.prfs(),
                Ikev2Candidates.integrity(), List.of(14, 19));
        KeyShares keys = new KeyShares(new SecureRandom());
        return new InitRequest(offer, 31, keys.publicValue(31).orElseThrow(), LOCAL, REMOTE, new SecureRandom());
    }

    @Test
    void decodesToWhatWasOffered() throws Exception {
        InitRequest r = request();
        IkeMessage m = IkeDecoder.decode(r.bytes(null));
        assertThat(m.errors()).isEmpty();
        assertThat(m.header().initiator()).isTrue();
        assertThat(m.header().response()).isFalse();
        SecurityAssociationPayload sa = (SecurityAssociationPayload) m.payloads().get(0);
        assertThat(sa.proposals()).hasSize(2);
        List<Ikev2Transform> decoded = new ArrayList<>();
        for (var p : sa.proposals()) {
            assertThat(p.declaredTransforms()).isEqualTo(p.transforms().size());
            for (Transform t : p.transforms()) {
                decoded.add(new Ikev2Transform(t.type(), t.id(),
                        t.attributes().isEmpty() ? null : (int) t.attributes().get(0).numericValue()));
            }
        }
        assertThat(decoded).containsExactlyElementsOf(
                r.offer().proposals().stream().flatMap(List::stream).toList());
        KeyExchangePayload ke = (KeyExchangePayload) m.payloads().get(1);
        assertThat(ke.dhGroup()).isEqualTo(31);
        assertThat(ke.data().length()).isEqualTo(32);
        assertThat(((NoncePayload) m.payloads().get(2)).data().length()).isEqualTo(32);
        NotifyPayload natSource = (NotifyPayload) m.payloads().get(3);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(r.spi());
        sha1.update(new byte[8]);
        sha1.update(LOCAL.getAddress().getAddress());
        sha1.update(new byte[] {(byte) (41000 >> 8), (byte) 41000});
        assertThat(natSource.data().toArray()).isEqualTo(sha1.digest());
    }

    @Test
    void aCookieGoesFirstAndTheRestStaysTheSame() {
        InitRequest r = request();
        byte[] plain = r.bytes(null);
        byte[] withCookie = r.bytes("cookie-data".getBytes(StandardCharsets.US_ASCII));
        List<Payload> a = IkeDecoder.decode(plain).payloads();
        List<Payload> b = IkeDecoder.decode(withCookie).payloads();
        assertThat(b).hasSize(a.size() + 1);
        NotifyPayload cookie = (NotifyPayload) b.get(0);
        assertThat(new String(cookie.data().toArray(), StandardCharsets.US_ASCII)).isEqualTo("cookie-data");
        // same SPI and nonce: a responder's cookie is computed over them
        assertThat(((NoncePayload) b.get(3)).data()).isEqualTo(((NoncePayload) a.get(2)).data());
    }

    @Test
    void tsharkDissectsItWithoutErrorsAndGoodChecksums(@TempDir Path dir) throws Exception {
        assumeTrue(PdmlReader.tsharkAvailable(), "tshark not installed: skipped");
        InitRequest request = request();
        byte[] ike = request.bytes(null);
        Path pcap = dir.resolve("request.pcap");
        try (ProbePcapWriter w = new ProbePcapWriter(pcap)) {
            w.record(new Datagram(0, 1_700_000_000_000_000L, true, LOCAL, REMOTE, ike, ike));
        }
        Process p = new ProcessBuilder("tshark", "-r", pcap.toString(), "-o", "udp.check_checksum:TRUE",
                "-o", "ip.check_checksum:TRUE", "-T", "fields", "-e", "ip.checksum.status", "-e",
                "udp.checksum.status", "-e", "isakmp.exchangetype", "-e", "isakmp.prop.transforms", "-e",
                "_ws.malformed").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String counts = String.join(",", request.offer().proposals().stream()
                .map(p2 -> Integer.toString(p2.size())).toList());
        assertThat(out).as("checksums good, IKE_SA_INIT, transform counts, no malformed field")
                .isEqualTo("1\t1\t34\t" + counts);
        assertThat(Files.size(pcap)).isGreaterThan(ike.length);
    }
}
