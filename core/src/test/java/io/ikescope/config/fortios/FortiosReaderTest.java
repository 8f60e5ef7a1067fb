package io.ikescope.config.fortios;

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

class FortiosReaderTest {

    static final Path SHOW = Path.of("src/test/resources/config/fortios/show-vpn.conf");
    static final Path BACKUP = Path.of("src/test/resources/config/fortios/backup.conf");

    private static PeerConfig show() throws Exception {
        return new FortiosReader().read(SHOW, null);
    }

    @Test
    void phase1WithEveryKeywordRead() throws Exception {
        ConnectionConfig c = show().connection("to-branch").orElseThrow();
        assertThat(c.implementation()).isEqualTo(Implementation.FORTIOS);
        assertThat(c.origin().line()).isEqualTo(lineOf(SHOW, "edit \"to-branch\""));
        assertThat(c.ikeVersion().value()).isEqualTo(2);
        assertThat(c.ikeVersion().origin().line()).isEqualTo(lineOf(SHOW, "set ike-version 2"));
        assertThat(c.aggressive().value()).isFalse();
        assertThat(c.localAddrs().value()).containsExactly("203.0.113.10");
        assertThat(c.remoteAddrs().value()).containsExactly("198.51.100.20");
        assertThat(c.remoteAddrs().origin().line()).isEqualTo(lineOf(SHOW, "set remote-gw 198.51.100.20"));
        List<IkeProposalConfig> p = c.ikeProposals().value();
        assertThat(p).hasSize(4);
        assertThat(p.get(0).encryption()).containsExactly("AES-CBC-128");
        assertThat(p.get(0).integrity()).containsExactly("HMAC-SHA2-256-128");
        assertThat(p.get(0).prf()).containsExactly("PRF-HMAC-SHA2-256");
        assertThat(p.get(1).encryption()).containsExactly("AES-CBC-256");
        assertThat(p.get(2).encryption()).containsExactly("AES-GCM-256-16");
        assertThat(p.get(2).integrity()).isEmpty();
        assertThat(p.get(2).prf()).containsExactly("PRF-HMAC-SHA2-384");
        assertThat(p.get(3).encryption()).containsExactly("CHACHA20-POLY1305");
        assertThat(p.get(3).prf()).containsExactly("PRF-HMAC-SHA2-256");
        assertThat(p).allSatisfy(one -> assertThat(one.dhGroups()).containsExactly(14, 19, 31));
        assertThat(c.strictProposals().value()).isTrue();
        assertThat(c.forceEncap().value()).isTrue();
        assertThat(c.forceEncap().origin().line()).isEqualTo(lineOf(SHOW, "set nattraversal forced"));
        assertThat(c.lifeSeconds().value()).isEqualTo(28800L);
        assertThat(c.rekeySeconds().value()).isEqualTo(28800L);
        assertThat(c.local().method().value()).isEqualTo("PSK");
        assertThat(c.local().id().value()).isEqualTo("hq.example.net");
        assertThat(c.remote().id().value()).isEqualTo("branch.example.net");
        assertThat(c.remote().id().origin().line()).isEqualTo(lineOf(SHOW, "set peerid"));
        // the escaped quotes belong to the secret
        assertThat(c.local().psk().value()).isEqualTo(PskDigest.of("Sup3r \"secret\" key"));
        assertThat(c.remote().psk().value()).isEqualTo(c.local().psk().value());
        assertThat(c.local().psk().value().comparable()).isTrue();
    }

    @Test
    void phase1DefaultsAreFortiOs72s() throws Exception {
        ConnectionConfig c = show().connection("legacy").orElseThrow();
        assertThat(c.ikeVersion().value()).isEqualTo(1);
        assertThat(c.ikeVersion().origin().isDefault()).isTrue();
        assertThat(c.ikeVersion().origin().note()).contains("FortiOS 7.2").contains("ike-version");
        assertThat(c.aggressive().value()).isTrue();
        assertThat(c.aggressive().origin().line()).isEqualTo(lineOf(SHOW, "set mode aggressive"));
        List<IkeProposalConfig> p = c.ikeProposals().value();
        assertThat(p).extracting(x -> x.encryption().get(0) + "/" + x.integrity().get(0))
                .containsExactly("AES-CBC-128/HMAC-SHA2-256-128", "AES-CBC-256/HMAC-SHA2-256-128",
                        "AES-CBC-128/HMAC-SHA1-96", "AES-CBC-256/HMAC-SHA1-96");
        assertThat(p.get(0).ikev1Hashes()).containsExactly("SHA2-256");
        assertThat(p).allSatisfy(one -> assertThat(one.dhGroups()).containsExactly(14, 5));
        assertThat(c.ikeProposals().origin().isDefault()).isTrue();
        assertThat(c.lifeSeconds().value()).isEqualTo(86400L);
        assertThat(c.lifeSeconds().origin().isDefault()).isTrue();
        assertThat(c.forceEncap().value()).isFalse();
        assertThat(c.localAddrs().value()).containsExactly("%any");
        assertThat(c.localAddrs().origin().note()).contains("wan2");
        assertThat(c.local().method().value()).isEqualTo("PSK");
        assertThat(c.local().method().origin().isDefault()).isTrue();
        assertThat(c.local().id().value()).isNull();
        assertThat(c.remote().id().value()).isNull();
        // ENC: a secret is set, but only its encryption under the FortiGate's key is in the file
        assertThat(c.local().psk().value()).isEqualTo(PskDigest.UNREADABLE);
        assertThat(c.local().psk().value().comparable()).isFalse();
    }

    @Test
    void phase2KeywordsAndSelectors() throws Exception {
        ConnectionConfig c = show().connection("to-branch").orElseThrow();
        assertThat(c.children()).extracting(ChildConfig::name).containsExactly("branch-lan", "branch-dns");
        ChildConfig lan = c.children().get(0);
        List<ChildProposalConfig> p = lan.proposals().value();
        assertThat(p).extracting(x -> x.encryption().get(0))
                .containsExactly("AES-GCM-256-16", "CHACHA20-POLY1305", "AES-CBC-128");
        assertThat(p.get(0).integrity()).isEmpty();
        assertThat(p.get(2).integrity()).containsExactly("HMAC-SHA2-256-128");
        assertThat(p).allSatisfy(one -> {
            assertThat(one.protocol()).isEqualTo("ESP");
            assertThat(one.dhGroups()).containsExactly(19);
        });
        assertThat(lan.lifeSeconds().value()).isEqualTo(3600L);
        assertThat(lan.startAction().value()).isEqualTo("start");
        assertThat(lan.mode().value()).isEqualTo("tunnel");
        TrafficSelectorConfig local = lan.localTs().value().get(0);
        assertThat(local.start()).isEqualTo("10.1.0.0");
        assertThat(local.end()).isEqualTo("10.1.0.255");
        assertThat(local.origin().line()).isEqualTo(lineOf(SHOW, "set src-subnet 10.1.0.0"));
        TrafficSelectorConfig remote = lan.remoteTs().value().get(0);
        assertThat(remote.start()).isEqualTo("10.2.0.0");
        assertThat(remote.end()).isEqualTo("10.2.255.255");
        assertThat(remote.ipProtocol()).isZero();
        assertThat(remote.startPort()).isZero();
        assertThat(remote.endPort()).isEqualTo(65535);

        ChildConfig dns = c.children().get(1);
        assertThat(dns.proposals().value()).allSatisfy(one -> assertThat(one.hasPfs()).isFalse());
        assertThat(dns.mode().value()).isEqualTo("transport");
        assertThat(dns.startAction().value()).isEqualTo("trap");
        TrafficSelectorConfig src = dns.localTs().value().get(0);
        assertThat(src.start()).isEqualTo("10.1.0.53");
        assertThat(src.end()).isEqualTo("10.1.0.53");
        assertThat(src.ipProtocol()).isEqualTo(17);
        assertThat(src.startPort()).isEqualTo(53);
        assertThat(src.endPort()).isEqualTo(53);
        TrafficSelectorConfig dst = dns.remoteTs().value().get(0);
        assertThat(dst.start()).isEqualTo("10.2.0.10");
        assertThat(dst.end()).isEqualTo("10.2.0.20");
        assertThat(dst.origin().line()).isEqualTo(lineOf(SHOW, "set dst-start-ip 10.2.0.10"));
    }

    @Test
    void phase2Defaults() throws Exception {
        PeerConfig peer = show();
        ChildConfig child = peer.connection("legacy").orElseThrow().children().get(0);
        List<ChildProposalConfig> p = child.proposals().value();
        assertThat(p).extracting(x -> x.encryption().get(0) + (x.integrity().isEmpty() ? "" : "/"
                        + x.integrity().get(0)))
                .containsExactly("AES-CBC-128/HMAC-SHA1-96", "AES-CBC-256/HMAC-SHA1-96",
                        "AES-CBC-128/HMAC-SHA2-256-128", "AES-CBC-256/HMAC-SHA2-256-128", "AES-GCM-128-16",
                        "AES-GCM-256-16", "CHACHA20-POLY1305");
        assertThat(p).allSatisfy(one -> assertThat(one.dhGroups()).containsExactly(14, 5));
        assertThat(child.proposals().origin().note()).contains("FortiOS 7.2").contains("proposal")
                .contains("phase2-interface");
        assertThat(child.lifeSeconds().value()).isEqualTo(43200L);
        assertThat(child.lifeSeconds().origin().isDefault()).isTrue();
        assertThat(child.mode().value()).isEqualTo("tunnel");
        assertThat(child.mode().origin().isDefault()).isTrue();
        assertThat(child.startAction().value()).isEqualTo("trap");
        // an address object, and the file has no firewall address table: not resolved, and said so
        assertThat(child.localTs().value()).isNull();
        assertThat(peer.warnings()).anySatisfy(w -> {
            assertThat(w.message()).contains("hq-lan").contains("not resolved");
            assertThat(w.origin().line()).isEqualTo(lineOf(SHOW, "set src-name \"hq-lan\""));
        });
        assertThat(child.remoteTs().value().get(0).start()).isEqualTo("172.16.5.0");
    }

    @Test
    void unreadKeywordsAndPromptsAreWarnings() throws Exception {
        PeerConfig peer = show();
        assertThat(peer.warnings()).anySatisfy(w -> {
            assertThat(w.message()).contains("net-device").contains("to-branch");
            assertThat(w.origin().line()).isEqualTo(lineOf(SHOW, "set net-device disable"));
        });
        assertThat(peer.warnings()).anySatisfy(w -> {
            assertThat(w.message()).contains("prompt");
            assertThat(w.origin().line()).isEqualTo(1);
        });
        // read keywords are not reported
        assertThat(peer.warnings()).noneSatisfy(w -> assertThat(w.message()).contains("'set proposal'"));
        assertThat(peer.warnings()).noneSatisfy(w -> assertThat(w.message()).contains("'set replay'"));
        assertThat(peer.warnings()).noneSatisfy(w -> assertThat(w.message()).contains("'set dhgrp'"));
    }

    @Test
    void backupWithAddressObjectsGroupsAndNestedBlocks() throws Exception {
        PeerConfig peer = new FortiosReader().read(BACKUP, null);
        assertThat(peer.defaultsOf()).isEqualTo("FortiOS 7.2");
        assertThat(peer.connections()).extracting(ConnectionConfig::name).containsExactly("partner");
        ConnectionConfig c = peer.connections().get(0);
        assertThat(c.local().method().value()).isEqualTo("PUBKEY");
        assertThat(c.local().psk().value()).isNull();
        assertThat(c.ikeProposals().value().get(0).integrity()).containsExactly("HMAC-SHA2-512-256");
        assertThat(c.ikeProposals().value().get(0).dhGroups()).containsExactly(21);
        ChildConfig child = c.children().get(0);
        // hq-all is a group of an ipmask address and an iprange address
        assertThat(child.localTs().value()).extracting(t -> t.start() + "-" + t.end())
                .containsExactly("10.10.0.0-10.10.255.255", "10.20.0.10-10.20.0.99");
        assertThat(child.localTs().value().get(0).origin().line()).isEqualTo(lineOf(BACKUP, "edit \"hq-lan\""));
        assertThat(child.remoteTs().value()).extracting(TrafficSelectorConfig::start).containsExactly("192.168.50.0");
        assertThat(peer.warnings()).anySatisfy(w -> assertThat(w.message()).contains("'config certificate'"));
        assertThat(peer.warnings()).anySatisfy(w -> assertThat(w.message()).contains("'set comments'"));
        // tables that have nothing to do with IPsec are not reported, nor is a 7.2 backup's version
        assertThat(peer.warnings()).noneSatisfy(w -> assertThat(w.message()).contains("hostname"));
        assertThat(peer.warnings()).noneSatisfy(w -> assertThat(w.message()).contains("backup is of"));
    }

    @Test
    void detectedByContent() throws Exception {
        PeerConfig peer = ConfigFormats.standard().read(SHOW, null);
        assertThat(peer.implementation()).isEqualTo(Implementation.FORTIOS);
        assertThat(ConfigFormats.standard().read(BACKUP, null).implementation()).isEqualTo(Implementation.FORTIOS);
        assertThat(new FortiosReader().recognises(SHOW, "config system global\nend\n")).isFalse();
    }

    @Test
    void noSecretInAnyOutput() throws Exception {
        PeerConfig peer = show();
        String all = peer.toString() + peer.warnings();
        assertThat(all).doesNotContain("Sup3r").doesNotContain("secret\" key")
                .doesNotContain("bm90IHRoZSBrZXkgaXRzZWxm");
    }
}
