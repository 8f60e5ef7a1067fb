package io.ikescope.config.cisco;

import static io.ikescope.config.cisco.CiscoIosReaderTest.assertRange;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.PeerConfig;
import io.ikescope.config.PskDigest;
import org.junit.jupiter.api.Test;

/** The keywords the example files do not use, each on a small configuration. */
class CiscoKeywordsTest {

    private static final String FILE = "r.cfg";

    static PeerConfig read(String... lines) throws ConfigException {
        return new CiscoIosReader().read(FILE, String.join("\n", lines) + "\n");
    }

    /** An IKEv1 crypto map M 10 to 198.51.100.9 over Gi1 (192.0.2.9), ACL A, transform set TS. */
    static String[] ikev1Map(String... extra) {
        String[] base = {
            "crypto ipsec transform-set TS esp-aes esp-sha-hmac",
            "crypto map M 10 ipsec-isakmp",
            " set peer 198.51.100.9",
            " set transform-set TS",
            " match address A",
            "interface Gi1",
            " ip address 192.0.2.9 255.255.255.0",
            " crypto map M",
            "ip access-list extended A",
            " permit ip 10.9.0.0 0.0.0.255 10.8.0.0 0.0.0.255"};
        String[] all = new String[extra.length + base.length];
        System.arraycopy(extra, 0, all, 0, extra.length);
        System.arraycopy(base, 0, all, extra.length, base.length);
        return all;
    }

    @Test
    void isakmpAesWithoutKeyLengthIs128AndSha512() throws ConfigException {
        ConnectionConfig c = read(ikev1Map("crypto isakmp policy 5", " encryption aes", " hash sha512",
                " authentication rsa-sig", "crypto isakmp policy 6", " encr aes 192", " hash sha384"))
                .connections().get(0);
        assertThat(c.ikeProposals().value().get(0).encryption()).containsExactly("AES-CBC-128");
        assertThat(c.ikeProposals().value().get(0).ikev1Hashes()).containsExactly("SHA2-512");
        assertThat(c.ikeProposals().value().get(1).encryption()).containsExactly("AES-CBC-192");
        assertThat(c.ikeProposals().value().get(1).ikev1Hashes()).containsExactly("SHA2-384");
        assertThat(c.local().method().value()).isEqualTo("RSA-SIG");
        assertThat(c.local().psk().value()).isNull();
    }

    @Test
    void policiesThatAuthenticateDifferentlyWarn() throws ConfigException {
        PeerConfig config = read(ikev1Map("crypto isakmp policy 5", " authentication pre-share",
                "crypto isakmp policy 6", " authentication rsa-sig"));
        assertThat(config.connections().get(0).local().method().value()).isEqualTo("PSK");
        assertThat(config.warnings()).anyMatch(w -> w.origin().line() == 3
                && w.message().contains("first policy's method"));
    }

    @Test
    void typeZeroKeyIsPlainTypeSixIsNotComparableHostnameKeysMatchByName() throws ConfigException {
        PeerConfig zero = read(ikev1Map("crypto isakmp key 0 Plain-Key address 198.51.100.0 255.255.255.0"));
        assertThat(zero.connections().get(0).local().psk().value()).isEqualTo(PskDigest.of("Plain-Key"));
        assertThat(zero.warnings()).noneMatch(w -> w.message().contains("key"));
        PeerConfig six = read(ikev1Map("crypto isakmp key 6 Enc-Key address 198.51.100.9"));
        assertThat(six.connections().get(0).local().psk().value()).isNotNull()
                .isNotEqualTo(PskDigest.of("Enc-Key"));
        assertThat(six.warnings()).anyMatch(w -> w.origin().line() == 1 && w.message().contains("type 6"));
        // the key is "7" itself when "address" follows it
        PeerConfig seven = read(ikev1Map("crypto isakmp key 7 address 198.51.100.9"));
        assertThat(seven.connections().get(0).local().psk().value()).isEqualTo(PskDigest.of("7"));
        PeerConfig longest = read(ikev1Map("crypto isakmp key Wide address 0.0.0.0 0.0.0.0",
                "crypto isakmp key Narrow address 198.51.100.9 255.255.255.255"));
        assertThat(longest.connections().get(0).local().psk().value()).isEqualTo(PskDigest.of("Narrow"));
        PeerConfig byName = read(ikev1Map("crypto isakmp key Named-Key hostname peer.lab.example"));
        assertThat(byName.connections().get(0).local().psk().value()).isNull();
        String[] named = ikev1Map("crypto isakmp key Named-Key hostname peer.lab.example");
        named[3] = " set peer peer.lab.example";
        assertThat(read(named).connections().get(0).local().psk().value()).isEqualTo(PskDigest.of("Named-Key"));
        PeerConfig v6 = read(ikev1Map("crypto isakmp key V6-Key address ipv6 2001:db8::1/128"));
        assertThat(v6.warnings()).anyMatch(w -> w.message().contains("IPv6"));
    }

    @Test
    void isakmpIdentityHostnameAggressiveModeAndLocalAddress() throws ConfigException {
        ConnectionConfig c = read(ikev1Map("hostname edge", "ip domain-name lab.example",
                "crypto isakmp policy 1", " authentication pre-share", "crypto isakmp identity hostname",
                "crypto isakmp aggressive-mode disable", "crypto map M local-address Loopback0",
                "interface Loopback0", " ip address 192.0.2.99 255.255.255.255")).connections().get(0);
        assertThat(c.local().id().value()).isEqualTo("edge.lab.example");
        assertThat(c.local().id().origin().line()).isEqualTo(5);
        assertThat(c.localAddrs().value()).containsExactly("192.0.2.99");
        assertThat(c.localAddrs().origin().line()).isEqualTo(9);
        assertThat(c.aggressive().value()).isFalse();
        assertThat(c.aggressive().origin().note()).contains("refuses Aggressive Mode");
    }

    @Test
    void transformSetKeywords() throws ConfigException {
        PeerConfig config = read(ikev1Map(
                "crypto ipsec transform-set GMAC esp-gmac 256",
                "crypto ipsec transform-set GCM esp-gcm",
                "crypto ipsec transform-set NUL esp-null esp-sha384-hmac",
                "crypto ipsec transform-set OLD esp-des esp-sha512-hmac comp-lzs",
                "crypto ipsec transform-set AHO ah-sha256-hmac",
                "crypto ipsec transform-set BOTH ah-md5-hmac esp-aes 192 esp-sha-hmac",
                " mode transport",
                "crypto map M 20 ipsec-isakmp",
                " set peer 198.51.100.9",
                " set transform-set GMAC GCM NUL OLD AHO BOTH",
                " match address A"));
        ConnectionConfig c = config.connection("M seq 20").orElseThrow();
        var p = c.children().get(0).proposals().value();
        assertThat(p).extracting(ChildProposalConfig::protocol).containsExactly("ESP", "ESP", "ESP", "ESP", "AH",
                "ESP");
        assertThat(p.get(0).encryption()).containsExactly("NULL-AUTH-AES-GMAC-256");
        assertThat(p.get(1).encryption()).containsExactly("AES-GCM-128-16");
        assertThat(p.get(1).integrity()).isEmpty();
        assertThat(p.get(2).encryption()).containsExactly("NULL");
        assertThat(p.get(2).integrity()).containsExactly("HMAC-SHA2-384-192");
        assertThat(p.get(3).encryption()).containsExactly("DES");
        assertThat(p.get(3).integrity()).containsExactly("HMAC-SHA2-512-256");
        assertThat(p.get(4).encryption()).isEmpty();
        assertThat(p.get(4).integrity()).containsExactly("HMAC-SHA2-256-128");
        assertThat(p.get(5).encryption()).containsExactly("AES-CBC-192");
        assertThat(p.get(5).integrity()).containsExactly("HMAC-SHA1-96");
        assertThat(config.warnings()).anyMatch(w -> w.origin().line() == 4 && w.message().contains("comp-lzs"))
                .anyMatch(w -> w.origin().line() == 6 && w.message().contains("AH+ESP"));
    }

    @Test
    void transportModeBetweenThePeersThemselves() throws ConfigException {
        String[] lines = ikev1Map("crypto ipsec transform-set TR esp-aes esp-sha-hmac", " mode transport");
        for (int i = 0; i < lines.length; i++) {
            lines[i] = lines[i].replace("set transform-set TS", "set transform-set TR")
                    .replace("permit ip 10.9.0.0 0.0.0.255 10.8.0.0 0.0.0.255", "permit ip host 192.0.2.9 host "
                            + "198.51.100.9");
        }
        ChildConfig child = read(lines).connections().get(0).children().get(0);
        assertThat(child.mode().value()).isEqualTo("transport");
        assertThat(child.mode().origin().line()).isEqualTo(2);
    }

    @Test
    void aclPortComparisons() throws ConfigException {
        String[] lines = ikev1Map();
        lines[lines.length - 1] = " permit tcp any gt 1023 10.8.0.0 0.0.0.255 lt 1024";
        ChildConfig child = read(lines).connections().get(0).children().get(0);
        assertRange(child.localTs().value().get(0), "0.0.0.0", "255.255.255.255", 6, 1024, 65535);
        assertRange(child.remoteTs().value().get(0), "10.8.0.0", "10.8.0.255", 6, 0, 1023);
    }

    @Test
    void ikev2PolicyForAnotherLocalAddressLeavesTheSmartDefault() throws ConfigException {
        PeerConfig config = read(ikev2Map("crypto ikev2 proposal P", " encryption aes-cbc-128", " integrity sha1",
                " group 14", "crypto ikev2 policy ELSEWHERE", " match address local 203.0.113.1", " proposal P"));
        var proposals = config.connections().get(0).ikeProposals().value();
        assertThat(proposals).hasSize(1);
        assertThat(proposals.get(0).dhGroups()).containsExactly(19, 14, 21, 5);
        PeerConfig matching = read(ikev2Map("crypto ikev2 proposal P", " encryption aes-cbc-128",
                " integrity sha1", " group 14", "crypto ikev2 policy ANY", " proposal P"));
        assertThat(matching.connections().get(0).ikeProposals().value().get(0).dhGroups()).containsExactly(14);
    }

    @Test
    void ikev2IdentitiesInlineKeysAndKeyringIdentity() throws ConfigException {
        ConnectionConfig c = read(ikev2Map()).connections().get(0);
        assertThat(c.remote().id().value()).isEqualTo("%any");
        assertThat(c.local().psk().value()).isEqualTo(PskDigest.of("Ring-Key"));

        String[] lines = ikev2Map();
        for (int i = 0; i < lines.length; i++) {
            lines[i] = lines[i].replace(" match identity remote address 0.0.0.0",
                    " match identity remote email ops@lab.example\n identity local key-id gw-key")
                    .replace(" authentication local pre-share", " authentication local pre-share key Inline-Key")
                    .replace("  address 198.51.100.9", "  identity email ops@lab.example");
        }
        PeerConfig config = read(lines);
        ConnectionConfig inline = config.connection("M seq 10").orElseThrow();
        assertThat(inline.remote().id().value()).isEqualTo("ops@lab.example");
        assertThat(inline.local().id().value()).isEqualTo("gw-key");
        // the profile's own key is what this end sends; the keyring peer found by identity gives the peer's
        assertThat(inline.local().psk().value()).isEqualTo(PskDigest.of("Inline-Key"));
        assertThat(inline.remote().psk().value()).isEqualTo(PskDigest.of("Ring-Key"));
        assertThat(config.toString()).doesNotContain("Inline-Key").doesNotContain("Ring-Key");

        for (int i = 0; i < lines.length; i++) {
            lines[i] = lines[i].replace(" match identity remote email ops@lab.example",
                    " match identity remote fqdn domain lab.example");
        }
        ConnectionConfig domain = read(lines).connection("M seq 10").orElseThrow();
        assertThat(domain.remote().id().value()).isEqualTo("*.lab.example");
        assertThat(domain.remote().psk().value()).isNull();
    }

    @Test
    void defaultIpsecProfileUsesTheIkev2ProfileNamedDefaultAndIpv6Vti() throws ConfigException {
        PeerConfig config = read("crypto ikev2 profile default", " match identity remote address 198.51.100.9",
                " authentication local pre-share", " authentication remote pre-share",
                "interface Tunnel6", " tunnel source 2001:db8::1", " tunnel mode ipsec ipv6",
                " tunnel destination 2001:db8::2", " tunnel protection ipsec profile default");
        ConnectionConfig c = config.connection("Tunnel6").orElseThrow();
        assertThat(c.ikeVersion().value()).isEqualTo(2);
        assertThat(c.ikeVersion().origin().note()).contains("ikev2-profile default");
        assertRange(c.children().get(0).localTs().value().get(0), "0:0:0:0:0:0:0:0",
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 0, 0, 65535);
        assertThat(c.localAddrs().value()).containsExactly("2001:db8::1");
    }

    @Test
    void tunnelSourceOnAnInterfaceTheFileLacksIsAnUnknownAddress() throws ConfigException {
        PeerConfig config = read("crypto ipsec profile P", "interface Tunnel2", " tunnel source Dialer1",
                " tunnel mode ipsec ipv4", " tunnel destination 198.51.100.9", " tunnel protection ipsec profile P",
                "crypto isakmp policy 1", " authentication pre-share", "crypto isakmp key K2 address 198.51.100.9");
        ConnectionConfig c = config.connection("Tunnel2").orElseThrow();
        assertThat(c.localAddrs().value()).containsExactly("%any");
        assertThat(c.localAddrs().origin().line()).isEqualTo(3);
        assertThat(c.ikeVersion().value()).isEqualTo(1);
        assertThat(c.local().psk().value()).isEqualTo(PskDigest.of("K2"));
        assertThat(config.warnings()).anyMatch(w -> w.origin().line() == 3 && w.message().contains("Dialer1"));
        assertThat(read(ikev1Map("crypto ipsec security-association lifetime seconds 2592000")).connections()
                .get(0).children().get(0).lifeSeconds().value()).isEqualTo(2592000L);
    }

    @Test
    void bannerTextIsNotReadAsCommands() throws ConfigException {
        PeerConfig config = read(ikev1Map("banner motd ^C", "interface Fake", " crypto map M",
                "crypto map M 30 ipsec-isakmp", "^C", "banner login ^CAuthorised use only^C",
                "crypto isakmp policy 1", " authentication pre-share"));
        assertThat(config.connections()).extracting(ConnectionConfig::name).containsExactly("M seq 10");
        assertThat(config.connections().get(0).localAddrs().value()).containsExactly("192.0.2.9");
        assertThat(config.connections().get(0).ikeProposals().value()).hasSize(1);
    }

    @Test
    void childRekeysThirtySecondsBeforeItsLifetime() throws ConfigException {
        ChildConfig child = read(ikev1Map("crypto ipsec security-association lifetime seconds 1200"))
                .connections().get(0).children().get(0);
        assertThat(child.lifeSeconds().value()).isEqualTo(1200L);
        assertThat(child.lifeSeconds().origin().line()).isEqualTo(1);
        assertThat(child.rekeySeconds().value()).isEqualTo(1170L);
    }

    /** An IKEv2 crypto map M 10: keyring KR (peer at 198.51.100.9), profile PR matching any address. */
    static String[] ikev2Map(String... extra) {
        String[] head = {
            "crypto ikev2 keyring KR",
            " peer P",
            "  address 198.51.100.9",
            "  pre-shared-key Ring-Key",
            "crypto ikev2 profile PR",
            " match identity remote address 0.0.0.0",
            " authentication local pre-share",
            " authentication remote pre-share",
            " keyring local KR"};
        String[] map = ikev1Map(extra);
        String[] all = new String[head.length + map.length + 1];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(map, 0, all, head.length, map.length);
        all[all.length - 1] = "crypto map M 10 ipsec-isakmp\n set ikev2-profile PR";
        return all;
    }
}
