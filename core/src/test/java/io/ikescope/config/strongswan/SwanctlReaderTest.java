package io.ikescope.config.strongswan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.PeerConfig;
import io.ikescope.config.PskDigest;
import io.ikescope.config.TrafficSelectorConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwanctlReaderTest {

    private final SwanctlReader reader = new SwanctlReader();

    @TempDir
    Path tmp;

    private PeerConfig features() throws ConfigException {
        return reader.read(Fixtures.file("features.swanctl.conf"), null);
    }

    @Test
    void defaultsOfAnEmptyConnection() throws ConfigException {
        ConnectionConfig c = features().connection("defaults").orElseThrow();
        assertThat(c.ikeVersion().value()).isZero();
        assertThat(c.ikeVersion().origin().note()).isEqualTo("strongSwan 5.9 default version 0 (IKEv1 or IKEv2)");
        assertThat(c.localAddrs().value()).containsExactly("%any");
        assertThat(c.remoteAddrs().value()).containsExactly("%any");
        assertThat(c.aggressive().value()).isFalse();
        assertThat(c.forceEncap().value()).isFalse();
        assertThat(c.strictProposals().value()).isTrue();
        assertThat(c.local().method().value()).isEqualTo("PUBKEY");
        assertThat(c.local().method().origin().isDefault()).isTrue();
        assertThat(c.local().id().value()).isNull();
        assertThat(c.remote().id().value()).isEqualTo("%any");
        assertThat(c.local().psk().value()).isNull();
        assertThat(c.rekeySeconds().value()).isEqualTo(14400L);
        assertThat(c.lifeSeconds().value()).isEqualTo(15840L);
        // default IKE proposals: the classic one, then the AEAD one (proposal.c, vici_config.c)
        List<IkeProposalConfig> ike = c.ikeProposals().value();
        assertThat(ike).hasSize(2);
        assertThat(ike.get(0).encryption()).startsWith("AES-CBC-128", "AES-CBC-192", "AES-CBC-256", "AES-CTR-128")
                .endsWith("3DES").hasSize(13);
        assertThat(ike.get(0).integrity()).containsExactly("HMAC-SHA2-256-128", "HMAC-SHA2-384-192",
                "HMAC-SHA2-512-256", "AES-XCBC-96", "AES-CMAC-96", "HMAC-SHA1-96");
        assertThat(ike.get(0).prf()).containsExactly("PRF-HMAC-SHA2-256", "PRF-HMAC-SHA2-384", "PRF-HMAC-SHA2-512",
                "PRF-AES128-XCBC", "PRF-AES128-CMAC", "PRF-HMAC-SHA1");
        assertThat(ike.get(0).dhGroups()).containsExactly(19, 20, 21, 28, 29, 30, 31, 32, 15, 16, 17, 18, 14);
        assertThat(ike.get(1).encryption()).startsWith("AES-GCM-128-16", "AES-GCM-192-16", "AES-GCM-256-16")
                .contains("CHACHA20-POLY1305", "AES-CCM-256-8");
        assertThat(ike.get(1).integrity()).isEmpty();
        assertThat(ike.get(0).origin().isDefault()).isTrue();
        // the child: dynamic selectors, AEAD ESP first, then classic, no PFS, tunnel, 1h
        ChildConfig all = c.children().get(0);
        assertThat(all.localTs().value()).singleElement().matches(TrafficSelectorConfig::dynamic);
        assertThat(all.remoteTs().value()).singleElement().matches(TrafficSelectorConfig::dynamic);
        List<ChildProposalConfig> esp = all.proposals().value();
        assertThat(esp).hasSize(2);
        assertThat(esp.get(0).encryption()).containsExactly("AES-GCM-128-16", "AES-GCM-192-16", "AES-GCM-256-16");
        assertThat(esp.get(1).encryption()).containsExactly("AES-CBC-128", "AES-CBC-192", "AES-CBC-256");
        assertThat(esp.get(1).integrity()).containsExactly("HMAC-SHA2-256-128", "HMAC-SHA2-384-192",
                "HMAC-SHA2-512-256", "HMAC-SHA1-96", "AES-XCBC-96");
        assertThat(esp).allSatisfy(p -> {
            assertThat(p.hasPfs()).isFalse();
            assertThat(p.esn()).containsExactly(false);
            assertThat(p.protocol()).isEqualTo("ESP");
        });
        assertThat(all.mode().value()).isEqualTo("tunnel");
        assertThat(all.startAction().value()).isEqualTo("none");
        assertThat(all.rekeySeconds().value()).isEqualTo(3600L);
        assertThat(all.lifeSeconds().value()).isEqualTo(3960L);
    }

    @Test
    void everyKeywordReadAndInheritedFromATemplate() throws ConfigException {
        PeerConfig peer = features();
        String file = Fixtures.file("features.swanctl.conf").toString();
        ConnectionConfig c = peer.connection("derived").orElseThrow();
        assertThat(c.ikeVersion().value()).isEqualTo(2);
        assertThat(c.ikeVersion().origin().line()).isEqualTo(10); // from the template
        assertThat(c.remoteAddrs().value()).containsExactly("203.0.113.9");
        assertThat(c.localAddrs().value()).containsExactly("198.51.100.7", "198.51.100.8");
        assertThat(c.forceEncap().value()).isTrue();
        assertThat(c.forceEncap().origin().line()).isEqualTo(12);
        assertThat(c.aggressive().origin().file()).isEqualTo(file);
        assertThat(c.rekeySeconds().value()).isEqualTo(7200L);
        assertThat(c.lifeSeconds().value()).isEqualTo(7800L);
        assertThat(c.local().id().value()).isEqualTo("@left.example");
        assertThat(c.remote().id().value()).isEqualTo("right@example.org");
        // IKE proposals: integrity gives the PRF of the same hash; two groups in one proposal
        IkeProposalConfig first = c.ikeProposals().value().get(0);
        assertThat(first.encryption()).containsExactly("AES-CBC-256");
        assertThat(first.integrity()).containsExactly("HMAC-SHA2-384-192");
        assertThat(first.prf()).containsExactly("PRF-HMAC-SHA2-384");
        assertThat(first.dhGroups()).containsExactly(31, 20);
        IkeProposalConfig second = c.ikeProposals().value().get(1);
        assertThat(second.integrity()).containsExactly("AES-XCBC-96");
        assertThat(second.prf()).containsExactly("PRF-AES128-XCBC");
        assertThat(second.dhGroups()).containsExactly(15);
        ChildConfig web = c.children().get(0);
        assertThat(web.localTs().value()).hasSize(2);
        TrafficSelectorConfig https = web.localTs().value().get(0);
        assertThat(https.ipProtocol()).isEqualTo(6);
        assertThat(https.startPort()).isEqualTo(443);
        assertThat(https.endPort()).isEqualTo(443);
        assertThat(https.end()).isEqualTo("10.0.0.255");
        assertThat(web.localTs().value().get(1).start()).isEqualTo("10.0.1.1");
        assertThat(web.localTs().value().get(1).end()).isEqualTo("10.0.1.9");
        TrafficSelectorConfig udp = web.remoteTs().value().get(0);
        assertThat(udp.ipProtocol()).isEqualTo(17);
        assertThat(udp.startPort()).isEqualTo(1000);
        assertThat(udp.endPort()).isEqualTo(2000);
        // ESP: AEAD without integrity, PFS optional ("none" kept as 0), both ESN choices; then "default"
        List<ChildProposalConfig> esp = web.proposals().value();
        assertThat(esp.get(0).encryption()).containsExactly("AES-GCM-256-16");
        assertThat(esp.get(0).integrity()).isEmpty();
        assertThat(esp.get(0).dhGroups()).containsExactly(19, 0);
        assertThat(esp.get(0).esn()).containsExactly(true, false);
        assertThat(esp).hasSize(3);
        assertThat(esp.get(1).encryption()).startsWith("AES-CBC-128");
        assertThat(esp.get(2).encryption()).startsWith("AES-GCM-128-16");
        assertThat(web.mode().value()).isEqualTo("transport");
        assertThat(web.startAction().value()).isEqualTo("trap");
        assertThat(web.rekeySeconds().value()).isEqualTo(1800L);
        assertThat(web.lifeSeconds().value()).isEqualTo(2400L);
        ChildConfig ah = c.children().get(1);
        assertThat(ah.proposals().value()).singleElement().satisfies(p -> {
            assertThat(p.protocol()).isEqualTo("AH");
            assertThat(p.encryption()).isEmpty();
            assertThat(p.integrity()).containsExactly("HMAC-SHA2-256-128", "AES-128-GMAC");
        });
        assertThat(ah.startAction().value()).isEqualTo("start");
        assertThat(ah.rekeySeconds().value()).isNull();
        assertThat(ah.lifeSeconds().value()).isNull();
    }

    @Test
    void secretsAreMatchedByIdAsStrongswanDoes() throws ConfigException {
        PeerConfig peer = features();
        ConnectionConfig derived = peer.connection("derived").orElseThrow();
        // ike-left names both IDs (perfect matches); ike-wild only matches the local ID by wildcard
        assertThat(derived.local().psk().value()).isEqualTo(PskDigest.of("the template secret"));
        assertThat(derived.local().psk().origin().line()).isEqualTo(75);
        assertThat(derived.remote().psk().value()).isEqualTo(derived.local().psk().value());
        ConnectionConfig reauth = peer.connection("reauth").orElseThrow();
        assertThat(reauth.local().psk().value()).isEqualTo(PskDigest.of("reauth secret"));
        // a leading "*" in an owner is a wildcard
        SharedSecrets wild = new SharedSecrets();
        wild.add(List.of("*.example"), PskDigest.of("something else"), io.ikescope.config.Origin.at("x", 1));
        assertThat(wild.lookup("@left.example", "@nobody", "t").value()).isEqualTo(PskDigest.of("something else"));
        assertThat(wild.lookup("@other.org", "@nobody", "t").value()).isNull();
    }

    @Test
    void base64AndHexSecretsDecode() throws ConfigException, IOException {
        Path f = Fixtures.write(tmp, "s.swanctl.conf", """
                connections {
                  a {
                    local {
                      auth = psk
                      id = a.example
                    }
                    remote {
                      auth = psk
                      id = b.example
                    }
                  }
                }
                secrets {
                  ike-x {
                    id = a.example
                    secret = 0sc29tZXRoaW5nIGVsc2U=
                  }
                  ike-y {
                    id = b.example
                    secret = 0x736f6d657468696e6720656c7365
                  }
                }
                """);
        ConnectionConfig a = reader.read(f, null).connection("a").orElseThrow();
        // ike-y matches the remote ID, which strongSwan weighs first
        assertThat(a.local().psk().value()).isEqualTo(PskDigest.of("something else"));
        assertThat(a.local().psk().origin().line()).isEqualTo(20);
    }

    @Test
    void authenticationRoundsAndIkev1Names() throws ConfigException {
        PeerConfig peer = features();
        ConnectionConfig reauth = peer.connection("reauth").orElseThrow();
        assertThat(reauth.local().method().value()).isEqualTo("XAUTH-PSK");
        assertThat(reauth.local().id().value()).isEqualTo("198.51.100.20");
        assertThat(reauth.remote().method().value()).isEqualTo("PSK");
        assertThat(peer.warnings()).extracting(ConfigWarning::message)
                .anySatisfy(m -> assertThat(m).contains("round 'remote-two'"));
        assertThat(reauth.rekeySeconds().value()).isNull();
        assertThat(reauth.lifeSeconds().value()).isEqualTo(3960L);
        IkeProposalConfig p = reauth.ikeProposals().value().get(0);
        assertThat(p.encryption()).containsExactly("CAMELLIA-CBC-256");
        assertThat(p.ikev1Hashes()).containsExactly("SHA2-256");
        List<ChildProposalConfig> esp = reauth.children().get(0).proposals().value();
        assertThat(esp.get(0).encryption()).containsExactly("3DES");
        assertThat(esp.get(0).integrity()).containsExactly("HMAC-MD5-96");
        assertThat(esp.get(0).dhGroups()).containsExactly(2);
        assertThat(esp.get(1).encryption()).containsExactly("CAMELLIA-128");
        assertThat(esp.get(1).integrity()).containsExactly("AES-XCBC-MAC");
    }

    @Test
    void includesGlobsRelativeToTheIncludingFileAndLaterValuesWin() throws ConfigException {
        PeerConfig peer = reader.read(Fixtures.file("includes/swanctl.conf"), null);
        assertThat(peer.files()).hasSize(4);
        assertThat(peer.files().get(1)).endsWith("10-base.conf");
        assertThat(peer.files().get(2)).endsWith("20-more.conf");
        ConnectionConfig site = peer.connection("site").orElseThrow();
        assertThat(site.ikeVersion().value()).isEqualTo(1);
        assertThat(site.ikeVersion().origin().file()).endsWith("includes/swanctl.conf");
        assertThat(site.remoteAddrs().origin().file()).endsWith("10-base.conf");
        assertThat(site.ikeProposals().value()).hasSize(3);
        assertThat(site.ikeProposals().value().get(0).encryption()).containsExactly("AES-GCM-128-16");
        assertThat(site.local().psk().value()).isEqualTo(PskDigest.of("secret in hex!"));
        assertThat(site.local().psk().origin().file()).endsWith("secrets/ike.conf");
        ConnectionConfig road = peer.connection("road").orElseThrow();
        assertThat(road.remote().method().value()).isEqualTo("EAP-MSCHAPV2");
        assertThat(road.children()).isEmpty();
        assertThat(peer.warnings()).extracting(ConfigWarning::message)
                .anySatisfy(m -> assertThat(m).startsWith("certs is not modelled"));
    }

    @Test
    void etcSwanctlDirectory() throws ConfigException {
        Path dir = Fixtures.file("etc-swanctl");
        assertThat(reader.recognises(dir, "")).isTrue();
        PeerConfig peer = reader.read(dir, null);
        assertThat(peer.files()).hasSize(2);
        ConnectionConfig site = peer.connection("site").orElseThrow();
        assertThat(site.local().psk().value()).isEqualTo(PskDigest.of("same secret"));
        assertThat(site.children().get(0).proposals().value()).singleElement()
                .satisfies(p -> assertThat(p.encryption()).containsExactly("AES-CBC-256"));
    }

    @Test
    void directoryWithoutSwanctlConfReadsConfD() throws ConfigException, IOException {
        Fixtures.write(tmp, "conf.d/a.conf", "connections {\n  a {\n  }\n}\n");
        PeerConfig peer = reader.read(tmp, null);
        assertThat(peer.connection("a")).isPresent();
        assertThat(peer.warnings()).extracting(ConfigWarning::message)
                .anySatisfy(m -> assertThat(m).contains("no swanctl.conf"));
    }

    @Test
    void secretsFileNamedByTheUser() throws ConfigException, IOException {
        Path conf = Fixtures.write(tmp, "swanctl.conf", "connections {\n  a {\n    local {\n      auth = psk\n"
                + "    }\n  }\n}\n");
        Path secrets = Fixtures.write(tmp, "other/secrets.conf", "secrets {\n  ike {\n    secret = s3cr3t\n  }\n}\n");
        ConnectionConfig a = reader.read(conf, secrets).connection("a").orElseThrow();
        assertThat(a.local().psk().value()).isEqualTo(PskDigest.of("s3cr3t"));
        assertThat(a.local().psk().origin().file()).isEqualTo(secrets.toString());
    }

    @Test
    void noSecretAppearsInTheModel() throws ConfigException {
        for (Path f : List.of(Fixtures.file("features.swanctl.conf"), Fixtures.file("includes/swanctl.conf"))) {
            String text = reader.read(f, null).toString();
            assertThat(text).doesNotContain("the template secret", "reauth secret", "something else",
                    "c29tZXRoaW5nIGVsc2U", "secret in hex", "73656372657420696e2068657821", "fallback for everyone",
                    "a user password");
        }
        // the digests are there instead
        assertThat(features().toString()).contains(PskDigest.of("the template secret").hex());
    }

    @Test
    void unknownKeywordsAreWarningsWithTheirLine() throws ConfigException, IOException {
        Path f = Fixtures.write(tmp, "w.conf", """
                connections {
                  a {
                    colour = blue
                    local {
                      flavour = x
                    }
                    children {
                      c {
                        speed = fast
                        updown = /bin/true
                      }
                    }
                  }
                }
                stray = 1
                """);
        List<ConfigWarning> warnings = reader.read(f, null).warnings();
        assertThat(warnings).extracting(w -> w.origin().line() + " " + w.message().split(" \\(")[0])
                .containsExactlyInAnyOrder("3 unknown keyword 'colour' in a", "5 unknown keyword 'flavour' in local",
                        "9 unknown keyword 'speed' in c", "15 unknown keyword 'stray' outside any section");
    }

    @Test
    void malformedInputNamesFileAndLine() throws IOException {
        assertError("connections {\n  a {\n    version = 2\n", 2, "section 'a' is not closed");
        assertError("connections {\n}\n}\n", 3, "'}' without a section");
        assertError("connections {\n  a {\n    proposals = aes256-sha257-modp2048\n  }\n}\n", 3,
                "unknown algorithm keyword 'sha257'");
        assertError("connections {\n  a {\n    proposals = aes256-modp2048\n  }\n}\n", 3,
                "a PRF is mandatory");
        assertError("connections {\n  a {\n    proposals = aes256-prfsha256-modp2048\n  }\n}\n", 3,
                "an integrity algorithm is mandatory");
        assertError("connections {\n  a {\n    proposals = aes256gcm16-sha256\n  }\n}\n", 3,
                "a DH group is mandatory");
        assertError("connections {\n  a {\n    children {\n      c {\n        esp_proposals = aes128gcm16-aes128\n"
                + "      }\n    }\n  }\n}\n", 5, "classic and AEAD");
        assertError("connectoins {\n}\n", 1, "unknown section 'connectoins'");
        assertError("connections {\n  a {\n    childern {\n    }\n  }\n}\n", 3, "unknown section 'childern'");
        assertError("connections {\n  a {\n    version = 3\n  }\n}\n", 3, "expected a number from 0 to 2");
        assertError("connections {\n  a {\n    encap = maybe\n  }\n}\n", 3, "expected yes or no");
        assertError("connections {\n  a {\n    rekey_time = 4x\n  }\n}\n", 3, "expected a time");
        assertError("connections {\n  a {\n    children {\n      c {\n        local_ts = 10.0.0.0/33\n      }\n"
                + "    }\n  }\n}\n", 5, "prefix length");
        assertError("connections {\n  a {\n    children {\n      c {\n        mode = tunel\n      }\n    }\n  }\n}\n",
                5, "expected tunnel");
        assertError("secrets {\n  ike {\n    secret = \"unterminated\n  }\n}\n", 3, "unterminated quoted string");
        assertError("connections {\n  = x\n}\n", 2, "expected a name, found '='");
        assertError("connections {\n  a b\n}\n", 2, "expected '=', '{' or ':' after 'a'");
        assertError("connections {\n  b : connections.nothing {\n  }\n}\n", 2, "inherits from 'connections.nothing'");
    }

    @Test
    void includeLoopsAreBounded() throws IOException {
        Path f = Fixtures.write(tmp, "loop.conf", "include loop.conf\n");
        assertThatThrownBy(() -> reader.read(f, null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("nested deeper than 10");
    }

    @Test
    void oversizedFilesAndIncludeFanOutAreRefused() throws IOException {
        Path big = Fixtures.write(tmp, "big.conf", "#".repeat(1024 * 1024 + 1));
        assertThatThrownBy(() -> reader.read(big, null)).hasMessageContaining("larger than 1024 KiB");
        // each file includes itself twice: stopped by the depth or file count, never runs away
        Path fan = Fixtures.write(tmp, "fan.conf", "include fan.conf\ninclude fan.conf\n");
        assertThatThrownBy(() -> reader.read(fan, null)).isInstanceOf(ConfigException.class);
    }

    @Test
    void anIncludeInsideASectionReadsIntoThatSectionAndAnEmptyValueRemovesAKey() throws ConfigException,
            IOException {
        Fixtures.write(tmp, "peers/b.conf", "b {\n  version = 1\n  proposals = aes128-sha1-modp2048\n}\n");
        Path f = Fixtures.write(tmp, "main.conf", "connections {\n  include peers/*.conf\n  b {\n    proposals =\n"
                + "    encap = \"yes\" # quoted\n  }\n}\n");
        PeerConfig peer = reader.read(f, null);
        ConnectionConfig b = peer.connection("b").orElseThrow();
        assertThat(b.ikeVersion().value()).isEqualTo(1);
        assertThat(b.ikeVersion().origin().file()).endsWith("b.conf");
        assertThat(b.ikeProposals().origin().isDefault()).isTrue();
        assertThat(b.forceEncap().value()).isTrue();
        assertThat(b.forceEncap().origin().line()).isEqualTo(5);
    }

    @Test
    void missingIncludeIsAWarning() throws ConfigException, IOException {
        Path f = Fixtures.write(tmp, "m.conf", "include nothing-here.conf\nconnections {\n}\n");
        assertThat(reader.read(f, null).warnings()).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("nothing-here.conf does not exist"));
    }

    @Test
    void recognisesSwanctlFilesOnly() {
        assertThat(reader.recognises(Path.of("x.conf"), "# c\nconnections {\n}\n")).isTrue();
        assertThat(reader.recognises(Path.of("x.conf"), "secrets{\n}\n")).isTrue();
        assertThat(reader.recognises(Path.of("ipsec.conf"), "conn lab\n\tleft=1.2.3.4\n")).isFalse();
        assertThat(reader.recognises(Path.of("strongswan.conf"), "charon {\n}\n")).isFalse();
    }

    private void assertError(String content, int line, String problem) throws IOException {
        Path f = Fixtures.write(tmp, "bad.swanctl.conf", content);
        assertThatThrownBy(() -> reader.read(f, null)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.file()).isEqualTo(f.toString());
            assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
            assertThat(e.getMessage()).contains(problem);
        });
    }
}
