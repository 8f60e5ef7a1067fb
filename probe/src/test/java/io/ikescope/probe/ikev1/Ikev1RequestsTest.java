package io.ikescope.probe.ikev1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ikescope.probe.keyexchange.KeyShares;
import io.ikescope.probe.net.Datagram;
import io.ikescope.probe.net.ProbePcapWriter;
import io.ikescope.wire.IdentificationPayload;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.KeyExchangePayload;
import io.ikescope.wire.NoncePayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.Proposal;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.Transform;
import io.ikescope.wire.VendorIdPayload;
import io.ikescope.wire.registry.Ikev1Registry;
import io.ikescope.wire.registry.VendorIds;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MM1 and AM1 bytes decode, with core's IkeDecoder and with tshark, to what was built. */
class Ikev1RequestsTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LIFE_DURATION = (int) Ikev1Registry.IKE_ATTRIBUTE.valueOf("Life-Duration");

    @Test
    void mm1DecodesToTheOfferedSuitesInOrderWithTheirLifetime() {
        List<Ikev1Suite> suites = Ikev1Prober.batches(Ikev1Candidates.suites(false)).get(0);
        assertThat(suites).hasSize(Ikev1Prober.MAX_BATCH);
        MainModeRequest r = new MainModeRequest(suites, RANDOM);
        byte[] bytes = r.bytes();
        IkeMessage m = IkeDecoder.decode(bytes);
        assertThat(m.errors()).isEmpty();
        assertThat(m.ikeVersion()).isEqualTo(1);
        assertThat(m.header().exchangeType()).isEqualTo(MainModeRequest.MAIN_MODE);
        assertThat(m.header().length()).isEqualTo(bytes.length);
        assertThat(m.header().spiI().toArray()).isEqualTo(r.spi());
        SecurityAssociationPayload sa = (SecurityAssociationPayload) m.payloads().get(0);
        assertThat(sa.doi()).isEqualTo(Ikev1Registry.DOI.valueOf("IPSEC"));
        assertThat(sa.situation()).isEqualTo(Ikev1Registry.IPSEC_SITUATION.valueOf("SIT_IDENTITY_ONLY"));
        assertThat(sa.proposals()).hasSize(1);
        Proposal p = sa.proposals().get(0);
        assertThat(p.protocolId()).isEqualTo((int) Ikev1Registry.PROTOCOL_ID.valueOf("ISAKMP"));
        assertThat(p.declaredTransforms()).isEqualTo(suites.size());
        List<Ikev1Suite> decoded = new ArrayList<>();
        for (Transform t : p.transforms()) {
            assertThat(t.id()).isEqualTo((int) Ikev1Registry.ISAKMP_TRANSFORM_ID.valueOf("KEY_IKE"));
            assertThat(t.attributes()).anyMatch(a -> a.type() == LIFE_DURATION && a.numericValue() == 28800);
            decoded.add(Ikev1Answer.chosen(new Proposal(1, p.protocolId(), p.spi(), 1, List.of(t))));
        }
        assertThat(decoded).isEqualTo(suites);
        assertThat(bytes.length).isLessThanOrEqualTo(Ikev1Prober.MAX_DATAGRAM);
        assertThat(MainModeRequest.length(suites)).isEqualTo(bytes.length);
    }

    @Test
    void mm1AnnouncesNatTDpdAndFragmentationByVendorId() {
        IkeMessage m = IkeDecoder.decode(new MainModeRequest(Ikev1Candidates.suites(false).subList(0, 1), RANDOM)
                .bytes());
        List<String> vendors = new ArrayList<>();
        for (Payload p : m.payloads()) {
            if (p instanceof VendorIdPayload v) {
                vendors.add(VendorIds.lookup(v.data().toArray()).display());
            }
        }
        assertThat(vendors).contains("RFC 3947 Negotiation of NAT-Traversal in the IKE",
                "draft-ietf-ipsec-nat-t-ike-02\\n", "RFC 3706 DPD (Dead Peer Detection) 1.0", "Cisco Fragmentation");
    }

    @Test
    void everyCandidateBatchFitsTheDatagramLimitAndNoneIsLost() {
        List<Ikev1Suite> all = Ikev1Candidates.suites(true);
        List<List<Ikev1Suite>> batches = Ikev1Prober.batches(all);
        List<Ikev1Suite> again = new ArrayList<>();
        for (List<Ikev1Suite> b : batches) {
            assertThat(b.size()).isBetween(1, Ikev1Prober.MAX_BATCH);
            assertThat(new MainModeRequest(b, RANDOM).bytes().length).isLessThanOrEqualTo(Ikev1Prober.MAX_DATAGRAM);
            again.addAll(b);
        }
        assertThat(again).isEqualTo(all);
        assertThat(all).doesNotHaveDuplicates();
        assertThat(Ikev1Candidates.groups()).contains(1, 2, 5, 14, 15, 16, 17, 18, 19, 20, 21)
                .doesNotContain(3, 4, 31);
    }

    @Test
    void am1HoldsKeOfTheGroupsSizeNonceAndEachKindOfId() throws Exception {
        KeyShares keys = new KeyShares(RANDOM);
        List<Ikev1Suite> suites = Ikev1Candidates.suites(false).stream().filter(s -> s.group() == 14).limit(5)
                .toList();
        String[][] ids = {{"192.0.2.7", "IPV4_ADDR"}, {"2001:db8::7", "IPV6_ADDR"}, {"vpn@example.net", "USER_FQDN"},
                {"gw.example.net", "FQDN"}};
        for (String[] id : ids) {
            AggressiveModeRequest r = new AggressiveModeRequest(suites, keys.publicValue(14).orElseThrow(), id[0],
                    RANDOM);
            IkeMessage m = IkeDecoder.decode(r.bytes());
            assertThat(m.errors()).isEmpty();
            assertThat(m.header().exchangeType()).isEqualTo(AggressiveModeRequest.AGGRESSIVE);
            KeyExchangePayload ke = find(m, KeyExchangePayload.class);
            assertThat(ke.data().length()).isEqualTo(2048 / 8);
            assertThat(find(m, NoncePayload.class).data().length()).isGreaterThanOrEqualTo(16);
            IdentificationPayload idp = find(m, IdentificationPayload.class);
            assertThat(Ikev1Registry.ID_TYPE.name(idp.idType())).as(id[0]).isEqualTo(id[1]);
            if (id[1].endsWith("FQDN")) {
                assertThat(new String(idp.data().toArray(), StandardCharsets.UTF_8)).isEqualTo(id[0]);
            } else {
                assertThat(idp.data().toArray()).isEqualTo(InetAddress.getByName(id[0]).getAddress());
            }
        }
        List<Ikev1Suite> twoGroups = List.of(suites.get(0), new Ikev1Suite(suites.get(0).encryption(),
                suites.get(0).keyBits(), suites.get(0).hash(), suites.get(0).authMethod(), 2));
        assertThatThrownBy(() -> new AggressiveModeRequest(twoGroups, new byte[128], "a.example", RANDOM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tsharkDissectsMm1AndAm1WithoutErrors(@TempDir Path dir) throws Exception {
        assumeTrue(new File("/usr/bin/tshark").canExecute() || onPath("tshark"), "tshark is not installed");
        List<Ikev1Suite> batch = Ikev1Prober.batches(Ikev1Candidates.suites(false)).get(3);
        byte[] mm1 = new MainModeRequest(batch, RANDOM).bytes();
        List<Ikev1Suite> psk14 = Ikev1Candidates.suites(false).stream().filter(s -> s.group() == 19).limit(4)
                .toList();
        byte[] am1 = new AggressiveModeRequest(psk14, new KeyShares(RANDOM).publicValue(19).orElseThrow(),
                "vpn@example.net", RANDOM).bytes();
        Path pcap = dir.resolve("ikev1.pcap");
        InetSocketAddress a = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 500);
        InetSocketAddress b = new InetSocketAddress(InetAddress.getByName("192.0.2.2"), 500);
        try (ProbePcapWriter w = new ProbePcapWriter(pcap)) {
            w.record(new Datagram(0, 1_000_000, true, a, b, mm1, mm1));
            w.record(new Datagram(1, 2_000_000, true, a, b, am1, am1));
        }
        Process p = new ProcessBuilder("tshark", "-r", pcap.toString(), "-V", "-o", "isakmp.udp.port:500")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).doesNotContain("Malformed").doesNotContain("[Expert Info (Error")
                .contains("Exchange type: Identity Protection (Main Mode) (2)").contains("Exchange type: Aggressive (4)")
                .contains("Proposal transforms: " + batch.size()).contains("ID type: USER_FQDN (3)")
                .contains("Life Duration: 28800").contains("Vendor ID: RFC 3947 Negotiation of NAT-Traversal in the IKE");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, tool).canExecute()) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Payload> T find(IkeMessage m, Class<T> type) {
        return m.payloads().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }
}
