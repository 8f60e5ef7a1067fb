package io.ikescope.config.strongswan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Origin;
import io.ikescope.config.strongswan.StrongswanProposals.Protocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keyword table and strongSwan's proposal rules, each checked on its own. */
class StrongswanProposalsTest {

    private static final Origin AT = Origin.at("t.conf", 7);
    private final List<ConfigWarning> warnings = new ArrayList<>();

    private IkeProposalConfig ike(String text, int version) throws ConfigException {
        return StrongswanProposals.toIke(StrongswanProposals.parse(text, Protocol.IKE, AT, warnings), version, AT);
    }

    private ChildProposalConfig esp(String text) throws ConfigException {
        return StrongswanProposals.toChild(StrongswanProposals.parse(text, Protocol.ESP, AT, warnings),
                Protocol.ESP, 2, AT);
    }

    @Test
    void encryptionKeywordsByTheContractsNames() throws ConfigException {
        assertThat(ike("aes-sha256-modp2048", 2).encryption()).containsExactly("AES-CBC-128");
        assertThat(ike("aes192ctr-sha256-modp2048", 2).encryption()).containsExactly("AES-CTR-192");
        assertThat(ike("aes256ccm12-prfsha256-modp2048", 2).encryption()).containsExactly("AES-CCM-256-12");
        assertThat(ike("aes128ccm64-prfsha256-modp2048", 2).encryption()).containsExactly("AES-CCM-128-8");
        assertThat(ike("aes192gcm96-prfsha256-modp2048", 2).encryption()).containsExactly("AES-GCM-192-12");
        assertThat(ike("aes256gcm-prfsha256-modp2048", 2).encryption()).containsExactly("AES-GCM-256-16");
        assertThat(ike("camellia-sha256-modp2048", 2).encryption()).containsExactly("CAMELLIA-CBC-128");
        assertThat(ike("camellia256ctr-sha256-modp2048", 2).encryption()).containsExactly("CAMELLIA-CTR-256");
        assertThat(ike("camellia128ccm128-prfsha256-modp2048", 2).encryption())
                .containsExactly("CAMELLIA-CCM-128-16");
        assertThat(ike("3des-sha1-modp2048", 2).encryption()).containsExactly("3DES");
        assertThat(ike("des-sha1-modp2048", 2).encryption()).containsExactly("DES");
        assertThat(ike("blowfish192-sha1-modp2048", 2).encryption()).containsExactly("BLOWFISH-192");
        assertThat(ike("cast128-sha1-modp2048", 2).encryption()).containsExactly("CAST-128");
        assertThat(ike("serpent256-sha1-modp2048", 2).encryption()).containsExactly("SERPENT-CBC-256");
        assertThat(ike("twofish-sha1-modp2048", 2).encryption()).containsExactly("TWOFISH-CBC-128");
        assertThat(ike("null-sha1-modp2048", 2).encryption()).containsExactly("NULL");
        assertThat(ike("AES256-SHA256-MODP2048", 2).encryption()).containsExactly("AES-CBC-256");
    }

    @Test
    void integrityPrfAndGroupKeywords() throws ConfigException {
        IkeProposalConfig all = ike("aes-sha1-sha1_160-sha256-sha2_256_96-sha384-sha512-md5-md5_128-aesxcbc-aescmac"
                + "-camelliaxcbc-modp768-modp1024-modp1536-modp2048-modp3072-modp4096-modp6144-modp8192-ecp192-ecp224"
                + "-ecp256-ecp384-ecp521-modp1024s160-modp2048s224-modp2048s256-ecp224bp-ecp256bp-ecp384bp-ecp512bp"
                + "-curve25519-curve448-mlkem768", 2);
        assertThat(all.integrity()).containsExactly("HMAC-SHA1-96", "HMAC-SHA1-160", "HMAC-SHA2-256-128",
                "HMAC-SHA2-256-96", "HMAC-SHA2-384-192", "HMAC-SHA2-512-256", "HMAC-MD5-96", "HMAC-MD5-128",
                "AES-XCBC-96", "AES-CMAC-96", "CAMELLIA-XCBC-96");
        // no prf named: the PRF of each integrity algorithm's hash, once each (proposal.c integ_prf_map)
        assertThat(all.prf()).containsExactly("PRF-HMAC-SHA1", "PRF-HMAC-SHA2-256", "PRF-HMAC-SHA2-384",
                "PRF-HMAC-SHA2-512", "PRF-HMAC-MD5", "PRF-AES128-XCBC", "PRF-AES128-CMAC", "PRF-CAMELLIA128-XCBC");
        assertThat(all.dhGroups()).containsExactly(1, 2, 5, 14, 15, 16, 17, 18, 25, 26, 19, 20, 21, 22, 23, 24, 27,
                28, 29, 30, 31, 32, 36);
        assertThat(ike("aes-sha1-x25519-x448-prfsha384-prfmd5-prfaesxcbc-prfaescmac-prfcamelliaxcbc-prfsha1"
                + "-prfsha256-prfsha512", 2).prf()).containsExactly("PRF-HMAC-SHA2-384", "PRF-HMAC-MD5",
                "PRF-AES128-XCBC", "PRF-AES128-CMAC", "PRF-CAMELLIA128-XCBC", "PRF-HMAC-SHA1", "PRF-HMAC-SHA2-256",
                "PRF-HMAC-SHA2-512");
        assertThat(ike("aes-sha1-x25519-x448", 2).dhGroups()).containsExactly(31, 32);
        // a named PRF replaces the derived one
        assertThat(ike("aes-sha256-prfsha512-modp2048", 2).prf()).containsExactly("PRF-HMAC-SHA2-512");
    }

    @Test
    void ikeDropsNoneGroupsAndRequiresOne() throws ConfigException {
        assertThat(ike("aes-sha1-none-modp2048", 2).dhGroups()).containsExactly(14);
        assertThatThrownBy(() -> ike("aes-sha1-none", 2)).hasMessageContaining("a DH group is mandatory");
        assertThatThrownBy(() -> ike("sha1-modp2048", 2)).hasMessageContaining("an encryption algorithm");
    }

    @Test
    void espRules() throws ConfigException {
        ChildProposalConfig plain = esp("aes128-sha256");
        assertThat(plain.dhGroups()).isEmpty();
        assertThat(plain.esn()).containsExactly(false);
        assertThat(esp("aes128-sha256-modpnone").hasPfs()).isFalse();
        assertThat(esp("aes128-sha256-prfsha256").integrity()).containsExactly("HMAC-SHA2-256-128");
        // ESP may be encryption only
        assertThat(esp("aes128").integrity()).isEmpty();
        // AES-GMAC is an AEAD "cipher" in ESP: no integrity
        ChildProposalConfig gmac = esp("aes256gmac-sha256-esn");
        assertThat(gmac.encryption()).containsExactly("NULL-AUTH-AES-GMAC-256");
        assertThat(gmac.integrity()).isEmpty();
        assertThat(gmac.esn()).containsExactly(true);
        assertThat(esp("chacha20poly1305-ecp384").dhGroups()).containsExactly(20);
    }

    @Test
    void ahTakesIntegrityOnly() throws ConfigException {
        ChildProposalConfig ah = StrongswanProposals.toChild(StrongswanProposals.parse("aes128-sha1-aes192gmac",
                Protocol.AH, AT, warnings), Protocol.AH, 2, AT);
        assertThat(ah.encryption()).isEmpty();
        assertThat(ah.integrity()).containsExactly("HMAC-SHA1-96", "AES-192-GMAC");
        assertThatThrownBy(() -> StrongswanProposals.parse("aes128", Protocol.AH, AT, warnings))
                .hasMessageContaining("an integrity algorithm is mandatory in AH");
    }

    @Test
    void strongswan6AdditionalKeyExchangesAreWarnings() throws ConfigException {
        IkeProposalConfig p = ike("aes256-sha256-ecp256-ke1_mlkem768", 2);
        assertThat(p.dhGroups()).containsExactly(19);
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.origin()).isEqualTo(AT);
            assertThat(w.message()).contains("ke1_mlkem768");
        });
    }

    @Test
    void errorsNameTheLineAndTheKeyword() {
        assertThatThrownBy(() -> ike("aes256--modp2048", 2)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.file()).isEqualTo("t.conf");
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.getMessage()).contains("an empty algorithm");
        });
        assertThatThrownBy(() -> StrongswanProposals.parseList(" , ", Protocol.IKE, AT, warnings))
                .hasMessageContaining("an empty proposal list");
    }

    @Test
    void everyTableKeywordIsAnAlgorithmWithAName() {
        for (String keyword : List.of("null", "des", "3des", "aes", "aes128", "aes128ctr", "aes128ccm8",
                "aes128gmac", "chacha20poly1305", "chacha20poly1305compat", "blowfish", "camellia", "camellia128ccm8",
                "cast128", "serpent", "twofish", "sha", "sha1", "sha256_96", "md5", "aesxcbc", "camelliaxcbc",
                "aescmac", "prfsha1", "prfcamelliaxcbc", "modpnull", "ntru128", "newhope128", "gost256", "noesn",
                "esn")) {
            StrongswanAlgorithms.Algorithm a = StrongswanAlgorithms.byKeyword(keyword);
            assertThat(a).as(keyword).isNotNull();
            assertThat(a.name()).as(keyword).isNotBlank().doesNotContain("null-").doesNotStartWith("ENCR-");
        }
        assertThat(StrongswanAlgorithms.byKeyword("sha3")).isNull();
    }
}
