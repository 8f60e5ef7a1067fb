package io.ikescope.config.mikrotik;

import io.ikescope.config.formats.ConfigFormats;
import static io.ikescope.config.ReaderTestSupport.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.ConfigReaders;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.PeerConfig;
import io.ikescope.config.PskDigest;
import io.ikescope.config.TrafficSelectorConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MikrotikReaderTest {

    static final Path SITE_A = Path.of("src/test/resources/config/mikrotik/site-a.rsc");
    static final Path DEFAULTS = Path.of("src/test/resources/config/mikrotik/defaults-only.rsc");

    private static PeerConfig siteA() throws Exception {
        return new MikrotikReader().read(SITE_A, null);
    }

    @Test
    void peerWithProfileAndIdentity() throws Exception {
        PeerConfig peer = siteA();
        assertThat(peer.connections()).extracting(ConnectionConfig::name).containsExactly("site-b", "legacy");
        ConnectionConfig c = peer.connection("site-b").orElseThrow();
        assertThat(c.implementation()).isEqualTo(Implementation.MIKROTIK);
        assertThat(c.origin().line()).isEqualTo(lineOf(SITE_A, "add address=198.51.100.20/32"));
        assertThat(c.ikeVersion().value()).isEqualTo(2);
        assertThat(c.aggressive().value()).isFalse();
        assertThat(c.remoteAddrs().value()).containsExactly("198.51.100.20");
        assertThat(c.localAddrs().value()).containsExactly("203.0.113.10");
        // one proposal for the CBC cipher with the hash, one for the AEAD cipher without integrity
        List<IkeProposalConfig> p = c.ikeProposals().value();
        assertThat(p).hasSize(2);
        assertThat(p.get(0).encryption()).containsExactly("AES-CBC-256");
        assertThat(p.get(0).integrity()).containsExactly("HMAC-SHA2-256-128");
        assertThat(p.get(0).prf()).containsExactly("PRF-HMAC-SHA2-384");
        assertThat(p.get(1).encryption()).containsExactly("AES-GCM-256-16");
        assertThat(p.get(1).integrity()).isEmpty();
        assertThat(p).allSatisfy(one -> assertThat(one.dhGroups()).containsExactly(19, 14));
        assertThat(p.get(0).origin().line()).isEqualTo(lineOf(SITE_A, "add dh-group=ecp256"));
        assertThat(c.lifeSeconds().value()).isEqualTo(8 * 3600L);
        assertThat(c.strictProposals().value()).isTrue();
        assertThat(c.forceEncap().value()).isFalse();
        assertThat(c.local().method().value()).isEqualTo("PSK");
        assertThat(c.local().id().value()).isEqualTo("site-a.example.net");
        assertThat(c.remote().id().value()).isEqualTo("site-b.example.net");
        // quotes and a hex escape resolved; the continuation joined
        assertThat(c.local().psk().value()).isEqualTo(PskDigest.of("s3cr3t \"quoted\" key"));
        assertThat(c.local().psk().origin().line()).isEqualTo(lineOf(SITE_A, "add my-id=fqdn:site-a"));
    }

    @Test
    void policiesAreTheChildren() throws Exception {
        ConnectionConfig c = siteA().connection("site-b").orElseThrow();
        assertThat(c.children()).extracting(ChildConfig::name).containsExactly("lan-to-lan", "policy2", "policy4");
        ChildConfig lan = c.children().get(0);
        assertThat(lan.mode().value()).isEqualTo("tunnel");
        assertThat(lan.startAction().value()).isEqualTo("start");
        TrafficSelectorConfig local = lan.localTs().value().get(0);
        assertThat(local.start()).isEqualTo("10.1.0.0");
        assertThat(local.end()).isEqualTo("10.1.0.255");
        assertThat(lan.remoteTs().value().get(0).end()).isEqualTo("10.2.255.255");
        List<ChildProposalConfig> p = lan.proposals().value();
        assertThat(p).hasSize(2);
        assertThat(p.get(0).encryption()).containsExactly("AES-CBC-256");
        assertThat(p.get(0).integrity()).containsExactly("HMAC-SHA2-256-128", "HMAC-SHA2-512-256");
        assertThat(p.get(1).encryption()).containsExactly("AES-GCM-256-16");
        assertThat(p.get(1).integrity()).isEmpty();
        assertThat(p).allSatisfy(one -> {
            assertThat(one.protocol()).isEqualTo("ESP");
            assertThat(one.dhGroups()).containsExactly(19);
        });
        assertThat(lan.lifeSeconds().value()).isEqualTo(3600L);

        ChildConfig dns = c.children().get(1);
        assertThat(dns.proposals().value()).singleElement().satisfies(one -> {
            assertThat(one.encryption()).containsExactly("AES-GCM-128-16");
            assertThat(one.integrity()).isEmpty();
            assertThat(one.hasPfs()).isFalse();
        });
        TrafficSelectorConfig dst = dns.remoteTs().value().get(0);
        assertThat(dst.start()).isEqualTo("10.2.0.53");
        assertThat(dst.ipProtocol()).isEqualTo(17);
        assertThat(dst.startPort()).isEqualTo(53);
        assertThat(dst.endPort()).isEqualTo(53);
        TrafficSelectorConfig src = dns.localTs().value().get(0);
        assertThat(src.startPort()).isEqualTo(1024);
        assertThat(src.endPort()).isEqualTo(65535);
        // proposal= split across a continuation: still the proposal's line is the statement's first
        assertThat(dns.proposals().origin().line()).isEqualTo(lineOf(SITE_A, "add auth-algorithms=null"));
        assertThat(c.children().get(2).mode().value()).isEqualTo("pass");
    }

    @Test
    void changedBuiltInDefaultsAndDocumentedDefaults() throws Exception {
        ConnectionConfig c = siteA().connection("legacy").orElseThrow();
        assertThat(c.ikeVersion().value()).isEqualTo(1);
        assertThat(c.aggressive().value()).isTrue();
        assertThat(c.local().method().value()).isEqualTo("PUBKEY");
        assertThat(c.local().psk().value()).isNull();
        // the built-in default profile, changed by set [ find default=yes ]
        IkeProposalConfig p = c.ikeProposals().value().get(0);
        assertThat(p.encryption()).containsExactly("AES-CBC-256", "AES-CBC-128");
        assertThat(p.dhGroups()).containsExactly(14);
        assertThat(p.integrity()).containsExactly("HMAC-SHA1-96");
        assertThat(p.ikev1Hashes()).containsExactly("SHA1");
        assertThat(c.lifeSeconds().value()).isEqualTo(86400L);
        assertThat(c.lifeSeconds().origin().isDefault()).isTrue();
        ChildConfig child = c.children().get(0);
        assertThat(child.startAction().value()).isEqualTo("none");
        // the built-in default proposal: documented algorithms, lifetime changed by set
        ChildProposalConfig cp = child.proposals().value().get(0);
        assertThat(cp.encryption()).containsExactly("AES-CBC-256", "AES-CBC-192", "AES-CBC-128");
        assertThat(cp.integrity()).containsExactly("HMAC-SHA1-96");
        assertThat(cp.dhGroups()).containsExactly(2);
        assertThat(child.lifeSeconds().value()).isEqualTo(45 * 60L);
        assertThat(child.lifeSeconds().origin().line()).isEqualTo(lineOf(SITE_A, "set [ find default=yes ] lifetime"));
    }

    @Test
    void everythingDefault() throws Exception {
        PeerConfig peer = new MikrotikReader().read(DEFAULTS, null);
        ConnectionConfig c = peer.connections().get(0);
        assertThat(c.ikeVersion().value()).isEqualTo(1);
        assertThat(c.ikeVersion().origin().note()).contains("RouterOS 7").contains("exchange-mode");
        assertThat(c.aggressive().value()).isFalse();
        assertThat(c.localAddrs().value()).containsExactly("%any");
        IkeProposalConfig p = c.ikeProposals().value().get(0);
        assertThat(p.encryption()).containsExactly("AES-CBC-128", "3DES");
        assertThat(p.integrity()).containsExactly("HMAC-SHA1-96");
        assertThat(p.prf()).containsExactly("PRF-HMAC-SHA1");
        assertThat(p.dhGroups()).containsExactly(14, 2);
        assertThat(p.origin().isDefault()).isTrue();
        assertThat(c.lifeSeconds().value()).isEqualTo(86400L);
        assertThat(c.local().method().value()).isEqualTo("PSK");
        assertThat(c.local().method().origin().isDefault()).isTrue();
        assertThat(c.local().id().value()).isNull();
        // the export hides secrets unless show-sensitive: not known, and said so
        assertThat(c.local().psk().value()).isNull();
        assertThat(c.local().psk().origin().note()).contains("show-sensitive");
        ChildConfig child = c.children().get(0);
        assertThat(child.mode().value()).isEqualTo("transport");
        assertThat(child.mode().origin().isDefault()).isTrue();
        ChildProposalConfig cp = child.proposals().value().get(0);
        assertThat(cp.encryption()).containsExactly("AES-CBC-256", "AES-CBC-192", "AES-CBC-128");
        assertThat(cp.dhGroups()).containsExactly(2);
        assertThat(child.lifeSeconds().value()).isEqualTo(30 * 60L);
        assertThat(child.lifeSeconds().origin().isDefault()).isTrue();
        assertThat(peer.warnings()).noneSatisfy(w -> assertThat(w.message()).contains("RouterOS 7.12"));
    }

    @Test
    void unreadAndSkippedAreWarnings() throws Exception {
        PeerConfig peer = siteA();
        assertThat(peer.warnings()).anySatisfy(w -> {
            assertThat(w.message()).contains("send-initial-contact");
            assertThat(w.origin().line()).isEqualTo(lineOf(SITE_A, "add address=192.0.2.77/32"));
        });
        assertThat(peer.warnings()).anySatisfy(w -> assertThat(w.message()).contains("certificate"));
        assertThat(peer.warnings()).anySatisfy(w -> assertThat(w.message()).contains("disabled peer 'roadwarrior'"));
        assertThat(peer.warnings()).anySatisfy(w -> {
            assertThat(w.message()).contains("template");
            assertThat(w.origin().line()).isEqualTo(lineOf(SITE_A, "template=yes"));
        });
        // read properties, other menus' built-in items and non-IPsec menus: no word
        assertThat(peer.warnings()).noneSatisfy(w -> assertThat(w.message()).contains("'exchange-mode'"));
        assertThat(peer.warnings()).noneSatisfy(w -> assertThat(w.message()).contains("'level'"));
        assertThat(peer.warnings()).noneSatisfy(w -> assertThat(w.message()).contains("mode-config"));
        assertThat(peer.warnings()).noneSatisfy(w -> assertThat(w.message()).contains("nat"));
    }

    @Test
    void detectedByContent() throws Exception {
        assertThat(ConfigFormats.standard().read(SITE_A, null).implementation()).isEqualTo(Implementation.MIKROTIK);
        assertThat(ConfigFormats.standard().read(DEFAULTS, null).implementation())
                .isEqualTo(Implementation.MIKROTIK);
        assertThat(new MikrotikReader().recognises(SITE_A, "/interface bridge\nadd name=x\n")).isFalse();
    }

    @Test
    void noSecretInAnyOutput() throws Exception {
        PeerConfig peer = siteA();
        assertThat(peer.toString() + peer.warnings()).doesNotContain("s3cr3t").doesNotContain("quoted");
    }

    @Test
    void routerOsTimes() {
        assertThat(RouterOsItem.parseSeconds("30m")).isEqualTo(1800L);
        assertThat(RouterOsItem.parseSeconds("1d")).isEqualTo(86400L);
        assertThat(RouterOsItem.parseSeconds("1h30m10s")).isEqualTo(5410L);
        assertThat(RouterOsItem.parseSeconds("1w")).isEqualTo(604800L);
        assertThat(RouterOsItem.parseSeconds("00:30:00")).isEqualTo(1800L);
        assertThat(RouterOsItem.parseSeconds("1d02:00:00")).isEqualTo(93600L);
        assertThat(RouterOsItem.parseSeconds("")).isNull();
        assertThat(RouterOsItem.parseSeconds("soon")).isNull();
        assertThat(RouterOsItem.parseSeconds("99999999999999999999d")).isNull();
    }
}
