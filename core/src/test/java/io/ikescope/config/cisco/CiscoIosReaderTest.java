package io.ikescope.config.cisco;

import io.ikescope.config.formats.ConfigFormats;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.PeerConfig;
import io.ikescope.config.PskDigest;
import io.ikescope.config.TrafficSelectorConfig;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example configurations under src/test/resources/config/cisco, written from IOS's documented syntax. */
class CiscoIosReaderTest {

    static Path resource(String name) {
        return TestPaths.repositoryRoot().resolve("core/src/test/resources/config/cisco/" + name);
    }

    /** The number of the line whose text (trimmed) is {@code text}: origins are checked against the file. */
    static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line '" + text + "' in " + file);
    }

    static PeerConfig read(String name) throws Exception {
        return new CiscoIosReader().read(resource(name), null);
    }

    static List<String> warningTexts(PeerConfig config) {
        return config.warnings().stream().map(ConfigWarning::toString).toList();
    }

    @Test
    void ikev1CryptoMapEntryIsAConnectionWithItsPoliciesInPriorityOrder() throws Exception {
        Path file = resource("ikev1-crypto-map.cfg");
        PeerConfig config = read("ikev1-crypto-map.cfg");
        assertThat(config.implementation()).isEqualTo(Implementation.CISCO_IOS);
        assertThat(config.connections()).extracting(ConnectionConfig::name).containsExactly("VPN seq 10", "VPN seq 20");
        ConnectionConfig c = config.connection("VPN seq 10").orElseThrow();
        assertThat(c.implementation()).isEqualTo(Implementation.CISCO_IOS);
        assertThat(c.ikeVersion().value()).isEqualTo(1);
        assertThat(c.ikeVersion().origin().isDefault()).isTrue();
        assertThat(c.aggressive().value()).isFalse();
        assertThat(c.localAddrs().value()).containsExactly("192.0.2.1");
        assertThat(c.localAddrs().origin().line()).isEqualTo(lineOf(file, "ip address 192.0.2.1 255.255.255.0"));
        assertThat(c.remoteAddrs().value()).containsExactly("198.51.100.2");
        assertThat(c.remoteAddrs().origin().line()).isEqualTo(lineOf(file, "set peer 198.51.100.2"));
        assertThat(c.strictProposals().value()).isTrue();

        List<IkeProposalConfig> ike = c.ikeProposals().value();
        assertThat(ike).hasSize(2);
        assertThat(ike.get(0).encryption()).containsExactly("AES-CBC-256");
        assertThat(ike.get(0).integrity()).containsExactly("HMAC-SHA2-256-128");
        assertThat(ike.get(0).prf()).containsExactly("PRF-HMAC-SHA2-256");
        assertThat(ike.get(0).ikev1Hashes()).containsExactly("SHA2-256");
        assertThat(ike.get(0).dhGroups()).containsExactly(14);
        assertThat(ike.get(0).origin().line()).isEqualTo(lineOf(file, "crypto isakmp policy 10"));
        assertThat(ike.get(1).encryption()).containsExactly("3DES-CBC");
        assertThat(ike.get(1).ikev1Hashes()).containsExactly("MD5");
        assertThat(ike.get(1).dhGroups()).containsExactly(2);
        assertThat(c.lifeSeconds().value()).isEqualTo(28800L);
        assertThat(c.lifeSeconds().origin().line()).isEqualTo(lineOf(file, "lifetime 28800"));

        assertThat(c.local().method().value()).isEqualTo("PSK");
        assertThat(c.local().id().value()).isEqualTo("192.0.2.1");
        assertThat(c.local().id().origin().line()).isEqualTo(lineOf(file, "crypto isakmp identity address"));
        assertThat(c.remote().id().value()).isEqualTo("198.51.100.2");
        assertThat(c.local().psk().value()).isEqualTo(PskDigest.of("Br4nch-Secret"));
        assertThat(c.remote().psk().value()).isEqualTo(PskDigest.of("Br4nch-Secret"));
        assertThat(c.local().psk().origin().line())
                .isEqualTo(lineOf(file, "crypto isakmp key Br4nch-Secret address 198.51.100.2"));
    }

    @Test
    void eachPermitEntryOfTheCryptoAclIsAChild() throws Exception {
        Path file = resource("ikev1-crypto-map.cfg");
        ConnectionConfig c = read("ikev1-crypto-map.cfg").connection("VPN seq 10").orElseThrow();
        assertThat(c.children()).hasSize(3);
        ChildConfig subnets = c.children().get(0);
        assertThat(subnets.origin().line())
                .isEqualTo(lineOf(file, "10 permit ip 10.1.0.0 0.0.0.255 10.2.0.0 0.0.255.255"));
        assertRange(subnets.localTs().value().get(0), "10.1.0.0", "10.1.0.255", 0, 0, 65535);
        assertRange(subnets.remoteTs().value().get(0), "10.2.0.0", "10.2.255.255", 0, 0, 65535);

        ChildConfig ports = c.children().get(1);
        assertRange(ports.localTs().value().get(0), "10.1.0.5", "10.1.0.5", 6, 22, 22);
        assertRange(ports.remoteTs().value().get(0), "10.3.0.0", "10.3.0.255", 6, 1024, 2047);
        ChildConfig named = c.children().get(2);
        assertRange(named.localTs().value().get(0), "0.0.0.0", "255.255.255.255", 17, 0, 65535);
        assertRange(named.remoteTs().value().get(0), "10.4.0.1", "10.4.0.1", 17, 53, 53);

        List<ChildProposalConfig> esp = subnets.proposals().value();
        assertThat(esp).hasSize(2);
        assertThat(esp.get(0).protocol()).isEqualTo("ESP");
        assertThat(esp.get(0).encryption()).containsExactly("AES-CBC-256");
        assertThat(esp.get(0).integrity()).containsExactly("HMAC-SHA2-256-128");
        assertThat(esp.get(0).dhGroups()).containsExactly(14);
        assertThat(esp.get(1).encryption()).containsExactly("3DES");
        assertThat(esp.get(1).integrity()).containsExactly("HMAC-MD5-96");
        assertThat(esp.get(1).dhGroups()).containsExactly(14);
        assertThat(subnets.proposals().origin().line()).isEqualTo(lineOf(file, "set transform-set TS-AES256 TS-LEGACY"));
        assertThat(subnets.mode().value()).isEqualTo("tunnel");
        assertThat(subnets.mode().origin().line()).isEqualTo(lineOf(file, "mode tunnel"));
        assertThat(subnets.lifeSeconds().value()).isEqualTo(1800L);
        assertThat(subnets.startAction().value()).isEqualTo("trap");
    }

    @Test
    void numberedAclTypeSevenKeyAndGlobalLifetime() throws Exception {
        Path file = resource("ikev1-crypto-map.cfg");
        PeerConfig config = read("ikev1-crypto-map.cfg");
        ConnectionConfig c = config.connection("VPN seq 20").orElseThrow();
        assertThat(c.children()).hasSize(2);
        assertRange(c.children().get(0).remoteTs().value().get(0), "172.16.0.0", "172.16.15.255", 0, 0, 65535);
        assertRange(c.children().get(1).localTs().value().get(0), "192.0.2.1", "192.0.2.1", 47, 0, 65535);
        ChildConfig child = c.children().get(0);
        assertThat(child.proposals().value().get(0).dhGroups()).isEmpty();
        assertThat(child.mode().value()).isEqualTo("tunnel");
        assertThat(child.mode().origin().isDefault()).isTrue();
        assertThat(child.lifeSeconds().value()).isEqualTo(7200L);
        assertThat(child.lifeSeconds().origin().line())
                .isEqualTo(lineOf(file, "crypto ipsec security-association lifetime seconds 7200"));
        // the type-7 key is set but cannot equal the digest of any plain key
        PskDigest psk = c.local().psk().value();
        assertThat(psk).isNotNull().isNotEqualTo(PskDigest.of("070C285F4D06485744"));
        int keyLine = lineOf(file, "crypto isakmp key 7 070C285F4D06485744 address 203.0.113.0 255.255.255.0");
        assertThat(c.local().psk().origin().line()).isEqualTo(keyLine);
        assertThat(config.warnings()).anyMatch(w -> w.origin().line() == keyLine
                && w.message().contains("cannot be compared"));
    }

    @Test
    void unreadCryptoLinesWarnAndUnrelatedSectionsDoNot() throws Exception {
        Path file = resource("ikev1-crypto-map.cfg");
        PeerConfig config = read("ikev1-crypto-map.cfg");
        List<Integer> lines = config.warnings().stream().map(w -> w.origin().line()).toList();
        assertThat(lines).contains(lineOf(file, "crypto pki trustpoint TP-self-signed-1"),
                lineOf(file, "crypto isakmp keepalive 10 3"), lineOf(file, "reverse-route"),
                lineOf(file, "20 deny   ip host 10.1.0.9 any"));
        assertThat(lines).doesNotContain(lineOf(file, "router ospf 1"), lineOf(file, "ip nat outside"),
                lineOf(file, "transport input ssh"), lineOf(file, "description to headquarters"));
    }

    @Test
    void ikev2TunnelProtectionIsAVtiWithItsProfileKeyringAndPolicy() throws Exception {
        Path file = resource("ikev2-vti.cfg");
        PeerConfig config = read("ikev2-vti.cfg");
        ConnectionConfig c = config.connection("Tunnel1").orElseThrow();
        assertThat(c.ikeVersion().value()).isEqualTo(2);
        assertThat(c.ikeVersion().origin().line()).isEqualTo(lineOf(file, "set ikev2-profile PROF-SPOKE"));
        assertThat(c.localAddrs().value()).containsExactly("192.0.2.10");
        assertThat(c.remoteAddrs().value()).containsExactly("198.51.100.20");
        List<IkeProposalConfig> ike = c.ikeProposals().value();
        assertThat(ike).hasSize(2);
        assertThat(ike.get(0).encryption()).containsExactly("AES-GCM-256-16");
        assertThat(ike.get(0).integrity()).isEmpty();
        assertThat(ike.get(0).prf()).containsExactly("PRF-HMAC-SHA2-384");
        assertThat(ike.get(0).dhGroups()).containsExactly(19, 20);
        assertThat(ike.get(1).encryption()).containsExactly("AES-CBC-256", "AES-CBC-128");
        assertThat(ike.get(1).integrity()).containsExactly("HMAC-SHA2-256-128", "HMAC-SHA1-96");
        // without a prf line the integrity algorithms are the PRFs
        assertThat(ike.get(1).prf()).containsExactly("PRF-HMAC-SHA2-256", "PRF-HMAC-SHA1");
        assertThat(ike.get(1).dhGroups()).containsExactly(14);
        assertThat(ike.get(1).origin().line()).isEqualTo(lineOf(file, "crypto ikev2 proposal PROP-CBC"));

        assertThat(c.local().method().value()).isEqualTo("PSK");
        assertThat(c.local().id().value()).isEqualTo("hub.lab.example");
        assertThat(c.remote().id().value()).isEqualTo("spoke1.lab.example");
        assertThat(c.local().psk().value()).isEqualTo(PskDigest.of("Hub-To-Spoke"));
        assertThat(c.remote().psk().value()).isEqualTo(PskDigest.of("Spoke-To-Hub"));
        assertThat(c.remote().psk().origin().line()).isEqualTo(lineOf(file, "pre-shared-key remote Spoke-To-Hub"));
        assertThat(c.lifeSeconds().value()).isEqualTo(28800L);

        ChildConfig child = c.children().get(0);
        assertRange(child.localTs().value().get(0), "0.0.0.0", "255.255.255.255", 0, 0, 65535);
        assertRange(child.remoteTs().value().get(0), "0.0.0.0", "255.255.255.255", 0, 0, 65535);
        ChildProposalConfig esp = child.proposals().value().get(0);
        assertThat(esp.encryption()).containsExactly("AES-GCM-256-16");
        assertThat(esp.integrity()).isEmpty();
        assertThat(esp.dhGroups()).containsExactly(19);
        assertThat(child.lifeSeconds().value()).isEqualTo(1800L);
        assertThat(child.startAction().value()).isEqualTo("start");
        assertThat(child.mode().value()).isEqualTo("tunnel");

        List<Integer> warned = config.warnings().stream().map(w -> w.origin().line()).toList();
        assertThat(warned).contains(lineOf(file, "dpd 10 3 periodic"),
                lineOf(file, "match identity remote address 198.51.100.20 255.255.255.255"),
                lineOf(file, "pre-shared-key 6 FLgBaJHXdYY_AcHZZMgQ_RhTDJXHUBAAB"));
    }

    @Test
    void smartDefaultsFillAnIkev2CryptoMapWithoutProposalPolicyOrTransformSet() throws Exception {
        PeerConfig config = read("ikev2-smart-defaults.cfg");
        assertThat(config.defaultsOf()).isEqualTo("Cisco IOS XE 16/17");
        ConnectionConfig c = config.connection("SMART seq 10").orElseThrow();
        assertThat(c.ikeVersion().value()).isEqualTo(2);
        IkeProposalConfig ike = c.ikeProposals().value().get(0);
        assertThat(c.ikeProposals().value()).hasSize(1);
        assertThat(ike.encryption()).containsExactly("AES-CBC-256");
        assertThat(ike.integrity()).containsExactly("HMAC-SHA2-512-256", "HMAC-SHA2-384-192");
        assertThat(ike.prf()).containsExactly("PRF-HMAC-SHA2-512", "PRF-HMAC-SHA2-384");
        assertThat(ike.dhGroups()).containsExactly(19, 14, 21, 5);
        assertThat(ike.origin().isDefault()).isTrue();
        assertThat(ike.origin().note()).contains("Cisco IOS XE");
        assertThat(c.lifeSeconds().value()).isEqualTo(86400L);
        assertThat(c.lifeSeconds().origin().isDefault()).isTrue();
        assertThat(c.local().id().value()).isEqualTo("192.0.2.30");
        assertThat(c.local().id().origin().isDefault()).isTrue();
        assertThat(c.local().psk().value()).isEqualTo(PskDigest.of("Smart-Default-Key"));
        assertThat(c.remote().psk().value()).isEqualTo(PskDigest.of("Smart-Default-Key"));

        ChildConfig child = c.children().get(0);
        ChildProposalConfig esp = child.proposals().value().get(0);
        assertThat(esp.encryption()).containsExactly("AES-CBC-128");
        assertThat(esp.integrity()).containsExactly("HMAC-SHA1-96");
        assertThat(esp.dhGroups()).isEmpty();
        assertThat(child.proposals().origin().isDefault()).isTrue();
        assertThat(child.lifeSeconds().value()).isEqualTo(3600L);
        assertThat(child.lifeSeconds().origin().isDefault()).isTrue();
        // the default transform set asks for transport, which IOS uses only between the peers themselves
        assertThat(child.mode().value()).isEqualTo("tunnel");
        assertThat(child.mode().origin().note()).contains("transport");

        ConnectionConfig gre = config.connection("Tunnel5").orElseThrow();
        ChildConfig greChild = gre.children().get(0);
        assertRange(greChild.localTs().value().get(0), "192.0.2.30", "192.0.2.30", 47, 0, 65535);
        assertRange(greChild.remoteTs().value().get(0), "198.51.100.30", "198.51.100.30", 47, 0, 65535);
        assertThat(greChild.mode().value()).isEqualTo("transport");
    }

    @Test
    void isakmpPolicyDefaultsDynamicMapKeyringAndPfsWithoutGroup() throws Exception {
        Path file = resource("ikev1-defaults.cfg");
        PeerConfig config = read("ikev1-defaults.cfg");
        ConnectionConfig c = config.connection("OUTSIDE seq 65535").orElseThrow();
        assertThat(c.remoteAddrs().value()).containsExactly("%any");
        assertThat(c.localAddrs().value()).containsExactly("192.0.2.40");
        IkeProposalConfig ike = c.ikeProposals().value().get(0);
        assertThat(ike.encryption()).containsExactly("DES-CBC");
        assertThat(ike.ikev1Hashes()).containsExactly("SHA1");
        assertThat(ike.dhGroups()).containsExactly(1);
        assertThat(c.lifeSeconds().value()).isEqualTo(86400L);
        assertThat(c.lifeSeconds().origin().isDefault()).isTrue();
        assertThat(c.local().method().value()).isEqualTo("PSK");
        assertThat(c.local().method().origin().line()).isEqualTo(lineOf(file, "authentication pre-share"));
        assertThat(c.local().id().value()).isEqualTo("gw.lab.example");
        assertThat(c.local().psk().value()).isEqualTo(PskDigest.of("Wildcard-Key"));
        ChildConfig child = c.children().get(0);
        assertRange(child.remoteTs().value().get(0), "0.0.0.0", "255.255.255.255", 0, 0, 65535);
        assertThat(child.proposals().value().get(0).dhGroups()).containsExactly(1);
        assertThat(child.proposals().value().get(0).encryption()).containsExactly("AES-CBC-128");
    }

    @Test
    void noSecretAppearsInTheModelOrWarnings() throws Exception {
        List<String> secrets = List.of("Br4nch-Secret", "070C285F4D06485744", "Hub-To-Spoke", "Spoke-To-Hub",
                "FLgBaJHXdYY_AcHZZMgQ_RhTDJXHUBAAB", "Smart-Default-Key", "Wildcard-Key");
        for (String name : List.of("ikev1-crypto-map.cfg", "ikev2-vti.cfg", "ikev2-smart-defaults.cfg",
                "ikev1-defaults.cfg")) {
            String text = read(name).toString();
            for (String secret : secrets) {
                assertThat(text).as(name).doesNotContain(secret);
            }
        }
    }

    @Test
    void detectionFindsCryptoLinesOnly() throws Exception {
        CiscoIosReader reader = new CiscoIosReader();
        assertThat(reader.recognises(Path.of("r1.txt"), "hostname r1\n!\ncrypto ikev2 proposal P\n")).isTrue();
        assertThat(reader.recognises(Path.of("r1.txt"), "crypto map VPN 10 ipsec-isakmp\n")).isTrue();
        assertThat(reader.recognises(Path.of("r1.txt"), "hostname r1\ninterface Gi1\n")).isFalse();
        assertThat(reader.recognises(Path.of("swanctl.conf"), "connections {\n  crypto {\n")).isFalse();
        assertThat(ConfigFormats.standard().read(resource("ikev2-vti.cfg"), null)
                .implementation()).isEqualTo(Implementation.CISCO_IOS);
    }

    static void assertRange(TrafficSelectorConfig ts, String start, String end, int protocol, int fromPort,
                            int toPort) {
        assertThat(ts.start()).isEqualTo(start);
        assertThat(ts.end()).isEqualTo(end);
        assertThat(ts.ipProtocol()).isEqualTo(protocol);
        assertThat(ts.startPort()).isEqualTo(fromPort);
        assertThat(ts.endPort()).isEqualTo(toPort);
    }
}
