package io.ikescope.config.cisco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.PeerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed input names the file and line; unknown keywords are warnings with their line. */
class CiscoIosReaderErrorsTest {

    private static final String FILE = "router.cfg";

    /** A crypto map on an interface with an ACL, to which each test adds lines. */
    private static final String MAP = String.join("\n", CiscoKeywordsTest.ikev1Map(
            "crypto isakmp policy 10",
            " authentication pre-share",
            "crypto isakmp key Test-Key address 198.51.100.9")) + "\n";

    static PeerConfig read(String text) throws ConfigException {
        return new CiscoIosReader().read(FILE, text);
    }

    static ConfigException failure(String text) {
        try {
            read(text);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("no ConfigException");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "crypto isakmp policy 10\\n group 7|2|DH group",
        "crypto isakmp policy 10\\n lifetime soon|2|lifetime",
        "crypto isakmp policy 10\\n lifetime 10|2|out of range",
        "crypto isakmp policy 10\\n encryption blowfish|2|ISAKMP encryption",
        "crypto isakmp policy 10\\n hash sha3|2|ISAKMP hash",
        "crypto isakmp policy 10\\n authentication password|2|authentication method",
        "crypto isakmp policy x|1|policy priority",
        "!\\ncrypto isakmp key Some-Key addr 192.0.2.1|2|address or hostname",
        "crypto isakmp key Some-Key address 192.0.2.300|1|IPv4 address",
        "crypto keyring K\\n pre-shared-key address 192.0.2.1 kee Some-Key|2|'key'",
        "crypto ikev2 proposal P\\n encryption aes-cbc-512\\n integrity sha1\\n group 14|2|IKEv2 encryption",
        "crypto ikev2 proposal P\\n encryption aes-cbc-128\\n integrity sha1|1|needs encryption and group",
        "crypto ikev2 proposal P\\n encryption aes-cbc-128\\n group 14|1|integrity",
        "crypto ikev2 proposal P\\n encryption aes-gcm-128\\n group 14|1|prf",
        "crypto ikev2 proposal P\\n encryption aes-cbc-128\\n integrity sha1\\n group 14 99|4|DH group",
        "crypto ikev2 policy POL\\n match address local 192.0.2.1|1|no proposal",
        "crypto ikev2 keyring K\\n peer X\\n  address 192.0.2.1 255.0.255.0|3|not contiguous",
        "crypto ikev2 profile PR\\n authentication local pre-share|1|authentication remote",
        "crypto ikev2 profile PR\\n match identity remote fingerprint 1|2|address, fqdn",
        "crypto ipsec transform-set T esp-aes esp-sha999-hmac|1|unknown transform",
        "crypto ipsec transform-set T esp-aes\\n mode beet|2|tunnel or transport",
        "crypto ipsec profile P\\n set pfs dh14|2|set pfs groupN",
        "crypto ipsec profile P\\n set pfs group3|2|DH group",
        "crypto map M 10 ipsec-isakmp dynamic D|1|no crypto dynamic-map D",
        "crypto map M ten ipsec-isakmp|1|sequence number"
    })
    void malformedLineIsAnErrorWithItsLine(String text, int line, String expected) {
        ConfigException e = failure(text.replace("\\n", "\n"));
        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.getMessage()).startsWith(FILE + " line " + line + ": ").contains(expected);
        assertThat(e.getMessage()).doesNotContain("Some-Key");
    }

    @Test
    void nonContiguousWildcardInTheCryptoAclIsAnErrorAtItsEntry() {
        String text = MAP + "ip access-list extended A\n permit ip 10.9.0.0 0.0.255.0 any\n";
        ConfigException e = failure(text.replace("ip access-list extended A\n permit ip 10.9.0.0 0.0.0.255 10.8.0.0"
                + " 0.0.0.255\n", ""));
        assertThat(e.line()).isEqualTo(13);
        assertThat(e.getMessage()).contains("0.0.255.0 is not contiguous");
    }

    @Test
    void aclEntryThatIsNoPermitDenyOrRemarkIsAnError() {
        ConfigException e = failure(MAP.replace(" permit ip 10.9.0.0", " 10 allow ip 10.9.0.0"));
        assertThat(e.line()).isEqualTo(13);
        assertThat(e.getMessage()).contains("expected permit, deny or remark");
        ConfigException host = failure(MAP.replace(" permit ip 10.9.0.0 0.0.0.255", " permit ip host"));
        assertThat(host.line()).isEqualTo(13);
        ConfigException port = failure(MAP.replace(" permit ip 10.9.0.0 0.0.0.255", " permit tcp any eq nfs"));
        assertThat(port.getMessage()).contains("port number");
    }

    @Test
    void nonContiguousWildcardInAnAclNoCryptoMapUsesIsNotRead() throws ConfigException {
        PeerConfig config = read(MAP + "access-list 150 permit ip 10.0.0.0 0.255.0.255 any\n");
        assertThat(config.connections()).hasSize(1);
    }

    @Test
    void referencesToMissingObjectsNameTheLineThatMakesThem() {
        ConfigException noAcl = failure(MAP.replace(" match address A", " match address B"));
        assertThat(noAcl.line()).isEqualTo(8);
        assertThat(noAcl.getMessage()).contains("no extended access-list B");
        ConfigException standard = failure(MAP.replace(" match address A", " match address 10")
                + "access-list 10 permit 10.0.0.0 0.0.0.255\n");
        assertThat(standard.getMessage()).contains("standard ACL");
        ConfigException noSet = failure(MAP.replace(" set transform-set TS", " set transform-set TS2"));
        assertThat(noSet.line()).isEqualTo(7);
        assertThat(noSet.getMessage()).contains("no crypto ipsec transform-set TS2");
        ConfigException noProfile = failure(MAP.replace(" set peer 198.51.100.9",
                " set peer 198.51.100.9\n set ikev2-profile NOPE"));
        assertThat(noProfile.line()).isEqualTo(7);
        assertThat(noProfile.getMessage()).contains("no crypto ikev2 profile NOPE");
        ConfigException noIsakmpProfile = failure(MAP.replace(" set peer 198.51.100.9",
                " set peer 198.51.100.9\n set isakmp-profile NOPE"));
        assertThat(noIsakmpProfile.getMessage()).contains("line 7").contains("no crypto isakmp profile NOPE");
    }

    @Test
    void tooDeepOrTooLongInputIsRefused() {
        StringBuilder deep = new StringBuilder("crypto ikev2 keyring K\n");
        for (int i = 1; i <= CiscoLine.MAX_DEPTH + 1; i++) {
            deep.append(" ".repeat(i)).append("peer X").append(i).append('\n');
        }
        ConfigException tooDeep = failure(deep.toString());
        assertThat(tooDeep.line()).isEqualTo(CiscoLine.MAX_DEPTH + 1);
        assertThat(tooDeep.getMessage()).contains("levels deep");
        ConfigException tooLong = failure("hostname r\ndescription " + "x".repeat(CiscoLine.MAX_LINE_CHARS));
        assertThat(tooLong.line()).isEqualTo(2);
    }

    @Test
    void anAclUsedByManyEntriesIsConvertedOnceAndTheTotalIsBounded() throws ConfigException {
        String second = "crypto map M 20 ipsec-isakmp\n set peer 198.51.100.8\n set transform-set TS\n"
                + " match address A\n";
        PeerConfig twice = read(MAP + second + "ip access-list extended A\n deny ip any any\n");
        assertThat(twice.connections()).hasSize(2);
        assertThat(twice.connections().get(1).children()).hasSize(1);
        assertThat(twice.warnings().stream().filter(w -> w.message().contains("deny"))).hasSize(1);

        StringBuilder big = new StringBuilder(MAP.replace(" permit ip 10.9.0.0 0.0.0.255 10.8.0.0 0.0.0.255\n",
                ""));
        for (int i = 0; i < 1000; i++) {
            big.append(" permit ip host 10.9.").append(i / 250).append('.').append(i % 250).append(" any\n");
        }
        for (int seq = 20; seq < 130; seq++) {
            big.append("crypto map M ").append(seq).append(" ipsec-isakmp\n set peer 198.51.100.8\n"
                    + " set transform-set TS\n match address A\n");
        }
        ConfigException e = failure(big.toString());
        assertThat(e.getMessage()).contains("traffic-selector pairs");
        assertThat(e.line()).isPositive();
    }

    @Test
    void unknownKeywordsAreWarningsWithTheirLine() throws ConfigException {
        PeerConfig config = read(String.join("\n",
                "crypto isakmp policy 10",
                " frobnicate 3",
                "crypto ikev2 proposal P",
                " encryption aes-cbc-128",
                " integrity sha1",
                " group 14",
                " bogus",
                "crypto ikev2 frob",
                "crypto ikev2 policy POL",
                " proposal P",
                " match fvrf any",
                "crypto ipsec transform-set T esp-aes esp-sha-hmac",
                " widget 1",
                "crypto ipsec profile PP",
                " set reverse-route",
                "crypto map M 10 ipsec-isakmp",
                " set nat demux",
                " match address A",
                "ip access-list extended A",
                " permit ip any any established",
                " permit tcp any any neq 1",
                " permit ip object-group G any",
                "no crypto ikev2 diagnose",
                "crypto ipsec nat-transparency udp-encapsulation",
                "router bgp 65000",
                " neighbor 192.0.2.1 password Not-A-Crypto-Line",
                "line vty 0 4",
                "end",
                "crypto garbage after end"));
        List<Integer> lines = config.warnings().stream().map(w -> w.origin().line()).toList();
        assertThat(lines).containsExactlyInAnyOrder(2, 7, 8, 11, 13, 15, 17, 20, 21, 22, 23, 24);
        assertThat(config.warnings()).allMatch(w -> w.origin().file().equals(FILE));
        assertThat(config.warnings().stream().map(ConfigWarning::message))
                .anyMatch(m -> m.contains("'frobnicate'"))
                .anyMatch(m -> m.contains("'crypto ikev2 frob' not read"))
                .anyMatch(m -> m.contains("object groups"))
                .anyMatch(m -> m.contains("neq"));
        assertThat(config.toString()).doesNotContain("Not-A-Crypto-Line");
    }

    @Test
    void smartDefaultsCanBeSwitchedOffAndChanged() throws ConfigException {
        String ikev2 = String.join("\n",
                "crypto ikev2 keyring K",
                " peer P",
                "  address 198.51.100.9",
                "  pre-shared-key Test-Key",
                "crypto ikev2 profile PR",
                " authentication local pre-share",
                " authentication remote pre-share",
                " keyring local K",
                "") + MAP.replace(" set peer 198.51.100.9", " set peer 198.51.100.9\n set ikev2-profile PR");
        PeerConfig changed = read("crypto ikev2 proposal default\n group 21\n" + ikev2);
        var proposal = changed.connections().get(0).ikeProposals().value().get(0);
        assertThat(proposal.dhGroups()).containsExactly(21);
        assertThat(proposal.encryption()).containsExactly("AES-CBC-256");
        PeerConfig off = read("no crypto ikev2 policy default\n" + ikev2);
        assertThat(off.connections().get(0).ikeProposals().value()).isEmpty();
        ConfigException noDefaultSet = failure("no crypto ipsec transform-set default\n"
                + ikev2.replace(" set transform-set TS\n", ""));
        assertThat(noDefaultSet.getMessage()).contains("no crypto ipsec transform-set default");
    }

    @Test
    void mapEntryWithoutAclIsSkippedWithAWarning() throws ConfigException {
        PeerConfig config = read(MAP.replace(" match address A\n", ""));
        assertThat(config.connections()).isEmpty();
        assertThat(config.warnings()).anyMatch(w -> w.origin().line() == 5 && w.message().contains("incomplete"));
    }

    @Test
    void aPasteIndentedAsAWholeReadsTheSame() throws ConfigException {
        String indented = MAP.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertThat(read(indented).connections().get(0).children()).hasSize(1);
    }
}
