package io.ikescope.config.libreswan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Origin;
import io.ikescope.config.libreswan.LibreswanProposals.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** libreswan's proposal syntax and libreswan 4.10's defaults (lib/libswan/ike_info.c, esp_info.c, ah_info.c). */
class LibreswanProposalsTest {

    private static final Origin AT = Origin.at("ipsec.conf", 7);
    private static final List<Integer> V2_GROUPS = List.of(14, 15, 16, 18, 19, 20, 21, 31);

    private static IkeProposalConfig ike(List<String> enc, List<String> integ, List<String> prf, List<Integer> dh) {
        return new IkeProposalConfig(enc, integ, prf, dh, AT);
    }

    @Test
    void theLabsSpellingsAllMeanTheSameProposal() {
        IkeProposalConfig expected = ike(List.of("AES-CBC-256"), List.of("HMAC-SHA2-256-128"),
                List.of("PRF-HMAC-SHA2-256"), List.of(14));
        for (String text : List.of("aes256-sha2_256-modp2048", "aes256-sha2_256;modp2048", "aes256-sha256-dh14",
                "aes_cbc_256-sha2;modp2048", "aes-256-sha2_256-modp2048", "AES256-SHA2_256-MODP2048")) {
            assertThat(LibreswanProposals.ike(text, 2, AT)).as(text).containsExactly(expected);
        }
    }

    @Test
    void aeadTakesThePrfAsItsSecondWordAndNoIntegrity() {
        assertThat(LibreswanProposals.ike("aes_gcm256-sha2", 2, AT)).containsExactly(
                ike(List.of("AES-GCM-256-16"), List.of(), List.of("PRF-HMAC-SHA2-256"), V2_GROUPS));
        assertThat(LibreswanProposals.ike("aes_gcm_a128-sha2_512-dh19", 2, AT)).containsExactly(
                ike(List.of("AES-GCM-128-8"), List.of(), List.of("PRF-HMAC-SHA2-512"), List.of(19)));
        assertThat(LibreswanProposals.ike("chacha20_poly1305-sha2;dh31", 2, AT)).containsExactly(
                ike(List.of("CHACHA20-POLY1305"), List.of(), List.of("PRF-HMAC-SHA2-256"), List.of(31)));
    }

    @Test
    void commasSeparateProposalsAndPlusJoinsAlternatives() {
        assertThat(LibreswanProposals.ike("aes_gcm+chacha20_poly1305;dh14+dh19,aes+3des-sha2+sha1;ecp256", 2, AT))
                .containsExactly(
                        // no PRF named: the IKEv2 default PRFs
                        ike(List.of("AES-GCM-256-16", "AES-GCM-128-16", "CHACHA20-POLY1305"), List.of(),
                                List.of("PRF-HMAC-SHA2-512", "PRF-HMAC-SHA2-256"), List.of(14, 19)),
                        ike(List.of("AES-CBC-256", "AES-CBC-128", "3DES"),
                                List.of("HMAC-SHA2-256-128", "HMAC-SHA1-96"),
                                List.of("PRF-HMAC-SHA2-256", "PRF-HMAC-SHA1"), List.of(19)));
    }

    @Test
    void integrityThenPrfWhenTheSecondWordIsNoPrf() {
        assertThat(LibreswanProposals.ike("aes-sha2_256_128-sha2_512-dh20", 2, AT)).containsExactly(
                ike(List.of("AES-CBC-256", "AES-CBC-128"), List.of("HMAC-SHA2-256-128"),
                        List.of("PRF-HMAC-SHA2-512"), List.of(20)));
    }

    @Test
    void ikev2DefaultProposals() {
        List<String> twoPrfs = List.of("PRF-HMAC-SHA2-512", "PRF-HMAC-SHA2-256");
        List<String> twoIntegs = List.of("HMAC-SHA2-512-256", "HMAC-SHA2-256-128");
        List<IkeProposalConfig> defaults = LibreswanDefaults.ikeProposals(2);
        assertThat(defaults).extracting(IkeProposalConfig::encryption).containsExactly(List.of("AES-GCM-256-16"),
                List.of("AES-GCM-128-16"), List.of("AES-CBC-256"), List.of("AES-CBC-128"));
        assertThat(defaults).allSatisfy(p -> {
            assertThat(p.prf()).isEqualTo(twoPrfs);
            assertThat(p.dhGroups()).isEqualTo(V2_GROUPS);
            assertThat(p.origin().isDefault()).isTrue();
            assertThat(p.origin().note()).contains("libreswan 4.10");
        });
        assertThat(defaults.get(0).integrity()).isEmpty();
        assertThat(defaults.get(2).integrity()).isEqualTo(twoIntegs);
    }

    @Test
    void ikev1DefaultsAreOneProposalPerGroupAndPrfWithTheGroupOutermost() {
        List<IkeProposalConfig> defaults = LibreswanDefaults.ikeProposals(1);
        assertThat(defaults).hasSize(2 * 2 * 3);
        assertThat(defaults.get(0)).isEqualTo(new IkeProposalConfig(List.of("AES-CBC-256", "AES-CBC-128"),
                List.of("HMAC-SHA2-256-128"), List.of("PRF-HMAC-SHA2-256"), List.of(14), defaults.get(0).origin()));
        assertThat(defaults).extracting(p -> p.dhGroups().get(0)).containsExactly(14, 14, 14, 5, 5, 5,
                14, 14, 14, 5, 5, 5);
        assertThat(defaults).extracting(p -> p.ikev1Hashes().get(0)).startsWith("SHA2-256", "SHA2-512", "SHA1");
        // IKEv1 registry names, as an IKEv1 capture names them (AlgorithmNames.ikev1Encryption)
        assertThat(defaults.get(6).encryption()).containsExactly("3DES-CBC");
    }

    @Test
    void ikev1ExpandsAMissingGroupIntoProposals() {
        assertThat(LibreswanProposals.ike("aes128-sha1", 1, AT)).containsExactly(
                ike(List.of("AES-CBC-128"), List.of("HMAC-SHA1-96"), List.of("PRF-HMAC-SHA1"), List.of(14)),
                ike(List.of("AES-CBC-128"), List.of("HMAC-SHA1-96"), List.of("PRF-HMAC-SHA1"), List.of(5)));
    }

    @Test
    void espDefaultsAndKeyLengthsLowFirst() {
        List<ChildProposalConfig> v2 = LibreswanDefaults.espProposals(2);
        assertThat(v2).extracting(ChildProposalConfig::encryption).containsExactly(List.of("AES-GCM-256-16"),
                List.of("AES-GCM-128-16"), List.of("AES-CBC-256"), List.of("AES-CBC-128"));
        assertThat(v2.get(0).integrity()).isEmpty();
        assertThat(v2.get(3).integrity()).containsExactly("HMAC-SHA2-512-256", "HMAC-SHA2-256-128");
        assertThat(v2).allSatisfy(p -> assertThat(p.dhGroups()).isEmpty());
        List<ChildProposalConfig> v1 = LibreswanDefaults.espProposals(1);
        assertThat(v1).singleElement().satisfies(p -> {
            assertThat(p.encryption()).containsExactly("AES-CBC-128", "AES-CBC-256");
            assertThat(p.integrity()).containsExactly("HMAC-SHA1-96");
        });
        assertThat(LibreswanDefaults.ahProposals(2)).extracting(ChildProposalConfig::integrity).containsExactly(
                List.of("HMAC-SHA2-512-256"), List.of("HMAC-SHA2-256-128"), List.of("HMAC-SHA1-96"));
    }

    @Test
    void espSyntax() {
        assertThat(LibreswanProposals.child("aes128-sha2_256-modp2048", Kind.ESP, 1, AT)).containsExactly(
                new ChildProposalConfig("ESP", List.of("AES-CBC-128"), List.of("HMAC-SHA2-256-128"), List.of(14),
                        List.of(), AT));
        assertThat(LibreswanProposals.child("aes_gcm256-null", Kind.ESP, 2, AT)).singleElement()
                .satisfies(p -> assertThat(p.integrity()).isEmpty());
        assertThat(LibreswanProposals.child("aes_gcm,aes128+aes256-sha2_512+sha2_256-dh14+dh19", Kind.ESP, 2, AT))
                .extracting(ChildProposalConfig::dhGroups).containsExactly(List.of(), List.of(14, 19));
        assertThat(LibreswanProposals.child("3des-md5", Kind.ESP, 1, AT)).singleElement().satisfies(p -> {
            assertThat(p.encryption()).containsExactly("3DES");
            assertThat(p.integrity()).containsExactly("HMAC-MD5-96");
        });
        assertThat(LibreswanProposals.child("sha2_256", Kind.AH, 2, AT)).singleElement().satisfies(p -> {
            assertThat(p.protocol()).isEqualTo("AH");
            assertThat(p.encryption()).isEmpty();
            assertThat(p.integrity()).containsExactly("HMAC-SHA2-256-128");
        });
    }

    @Test
    void malformedProposalsNameWhatIsWrong() {
        assertThatThrownBy(() -> LibreswanProposals.ike("blowfish-sha1", 2, AT))
                .hasMessageContaining("'blowfish' is not recognized");
        assertThatThrownBy(() -> LibreswanProposals.ike("aes-sha7", 2, AT)).hasMessageContaining("sha7");
        assertThatThrownBy(() -> LibreswanProposals.ike("aes512-sha1", 2, AT)).hasMessageContaining("key length 512");
        assertThatThrownBy(() -> LibreswanProposals.ike("aes_gcm+aes-sha2", 2, AT)).hasMessageContaining("AEAD");
        assertThatThrownBy(() -> LibreswanProposals.ike("aes_gcm-sha2", 1, AT)).hasMessageContaining("IKEv1");
        assertThatThrownBy(() -> LibreswanProposals.ike("aes-sha1-modp2048-extra", 2, AT))
                .hasMessageContaining("unexpected 'extra'");
        assertThatThrownBy(() -> LibreswanProposals.ike("aes-sha1-none", 2, AT)).hasMessageContaining("none");
        assertThatThrownBy(() -> LibreswanProposals.ike("", 2, AT)).hasMessageContaining("empty");
        assertThatThrownBy(() -> LibreswanProposals.ike("aes+3des-sha1", 1, AT)).hasMessageContaining("IKEv1");
        assertThatThrownBy(() -> LibreswanProposals.child("aes-sha1+md5", Kind.ESP, 1, AT))
                .hasMessageContaining("'+'");
        assertThatThrownBy(() -> LibreswanProposals.ike("aes--sha1", 2, AT)).hasMessageContaining("empty");
        assertThatThrownBy(() -> LibreswanProposals.child("aes-none", Kind.ESP, 2, AT))
                .hasMessageContaining("non-AEAD");
        assertThatThrownBy(() -> LibreswanProposals.ike("null-sha1", 2, AT)).hasMessageContaining("not an IKE");
        assertThat(LibreswanProposals.child("null-sha1", Kind.ESP, 2, AT)).singleElement()
                .satisfies(p -> assertThat(p.encryption()).containsExactly("NULL"));
    }

    @Test
    void ikev1NamesAreThoseAnIkev1CaptureGives() {
        assertThat(LibreswanProposals.ike("3des-md5-modp1536", 1, AT)).singleElement().satisfies(p -> {
            assertThat(p.encryption()).containsExactly("3DES-CBC");
            assertThat(p.ikev1Hashes()).containsExactly("MD5");
            assertThat(p.dhGroups()).containsExactly(5);
        });
        assertThat(LibreswanProposals.ike("3des-md5-modp1536", 2, AT).get(0).encryption()).containsExactly("3DES");
        assertThat(LibreswanProposals.child("aes-aes_xcbc", Kind.ESP, 1, AT).get(0).integrity())
                .containsExactly("AES-XCBC-MAC");
        assertThat(LibreswanProposals.child("aes-aes_xcbc", Kind.ESP, 2, AT).get(0).integrity())
                .containsExactly("AES-XCBC-96");
    }

    @Test
    void aTrailingCommaIsTolerated() {
        assertThat(LibreswanProposals.ike("3des-sha1,aes-sha1,", 2, AT)).hasSize(2);
    }
}
