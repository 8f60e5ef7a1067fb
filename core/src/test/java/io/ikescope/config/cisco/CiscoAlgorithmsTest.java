package io.ikescope.config.cisco;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.IkeProposalConfig;
import io.ikescope.session.AlgorithmNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every IOS keyword's name is the one AlgorithmNames gives the IANA value a capture shows. */
class CiscoAlgorithmsTest {

    @Test
    void ikev2EncryptionIntegrityAndPrfNamesAreTheCapturesNames() {
        assertThat(CiscoAlgorithms.IKEV2_ENCRYPTION).containsExactlyInAnyOrderEntriesOf(Map.of(
                "des", AlgorithmNames.ikev2Encryption(2, null),
                "3des", AlgorithmNames.ikev2Encryption(3, null),
                "aes-cbc-128", AlgorithmNames.ikev2Encryption(12, 128),
                "aes-cbc-192", AlgorithmNames.ikev2Encryption(12, 192),
                "aes-cbc-256", AlgorithmNames.ikev2Encryption(12, 256),
                "aes-gcm-128", AlgorithmNames.ikev2Encryption(20, 128),
                "aes-gcm-256", AlgorithmNames.ikev2Encryption(20, 256)));
        assertThat(CiscoAlgorithms.INTEGRITY).containsExactlyInAnyOrderEntriesOf(Map.of(
                "md5", AlgorithmNames.ikev2Integrity(1),
                "sha", AlgorithmNames.ikev2Integrity(2),
                "sha1", AlgorithmNames.ikev2Integrity(2),
                "sha256", AlgorithmNames.ikev2Integrity(12),
                "sha384", AlgorithmNames.ikev2Integrity(13),
                "sha512", AlgorithmNames.ikev2Integrity(14)));
        assertThat(CiscoAlgorithms.PRF).containsExactlyInAnyOrderEntriesOf(Map.of(
                "md5", AlgorithmNames.ikev2Prf(1),
                "sha1", AlgorithmNames.ikev2Prf(2),
                "sha256", AlgorithmNames.ikev2Prf(5),
                "sha384", AlgorithmNames.ikev2Prf(6),
                "sha512", AlgorithmNames.ikev2Prf(7)));
    }

    @Test
    void ikev1EncryptionAndHashNamesAreTheCapturesNames() {
        assertThat(CiscoAlgorithms.IKEV1_ENCRYPTION).containsExactlyInAnyOrderEntriesOf(Map.of(
                "des", AlgorithmNames.ikev1Encryption(1, null),
                "3des", AlgorithmNames.ikev1Encryption(5, null),
                "aes", AlgorithmNames.ikev1Encryption(7, 128),
                "aes 128", AlgorithmNames.ikev1Encryption(7, 128),
                "aes 192", AlgorithmNames.ikev1Encryption(7, 192),
                "aes 256", AlgorithmNames.ikev1Encryption(7, 256)));
        Map<String, Integer> hashIds = Map.of("md5", 1, "sha", 2, "sha256", 4, "sha384", 5, "sha512", 6);
        hashIds.forEach((keyword, id) -> {
            IkeProposalConfig p = new IkeProposalConfig(List.of(), List.of(),
                    List.of(CiscoAlgorithms.IKEV1_HASH_PRF.get(keyword)), List.of(), null);
            assertThat(p.ikev1Hashes()).as(keyword).containsExactly(AlgorithmNames.ikev1Hash(id));
        });
        assertThat(CiscoAlgorithms.IKEV1_HASH_PRF).hasSameSizeAs(hashIds);
    }

    @Test
    void transformSetNamesAreTheQuickModeNames() {
        assertThat(CiscoAlgorithms.withKeyBits(CiscoAlgorithms.ESP_CIPHER_FAMILY.get("esp-aes"), 256))
                .isEqualTo(AlgorithmNames.ikev1EspEncryption(12, 256));
        assertThat(CiscoAlgorithms.withKeyBits(CiscoAlgorithms.ESP_CIPHER_FAMILY.get("esp-gcm"), 128))
                .isEqualTo(AlgorithmNames.ikev1EspEncryption(20, 128));
        assertThat(CiscoAlgorithms.withKeyBits(CiscoAlgorithms.ESP_CIPHER_FAMILY.get("esp-gmac"), 256))
                .isEqualTo(AlgorithmNames.ikev1EspEncryption(23, 256))
                .isEqualTo(AlgorithmNames.ikev2Encryption(21, 256));
        assertThat(CiscoAlgorithms.ESP_CIPHER).containsExactlyInAnyOrderEntriesOf(Map.of(
                "esp-des", AlgorithmNames.ikev1EspEncryption(2, null),
                "esp-3des", AlgorithmNames.ikev1EspEncryption(3, null),
                "esp-null", AlgorithmNames.ikev1EspEncryption(11, null)));
        Map<String, Integer> authIds = Map.of("md5", 1, "sha", 2, "sha256", 5, "sha384", 6, "sha512", 7);
        authIds.forEach((hash, id) -> {
            assertThat(CiscoAlgorithms.ESP_INTEGRITY.get("esp-" + hash + "-hmac")).as(hash)
                    .isEqualTo(AlgorithmNames.ikev1Phase2Integrity(id));
            assertThat(CiscoAlgorithms.AH_INTEGRITY.get("ah-" + hash + "-hmac")).as(hash)
                    .isEqualTo(AlgorithmNames.ikev1Phase2Integrity(id));
        });
    }

    @Test
    void smartDefaultsUseTheContractNames() {
        assertThat(CiscoDefaults.IKEV2_ENCRYPTION).containsExactly(AlgorithmNames.ikev2Encryption(12, 256));
        assertThat(CiscoDefaults.IKEV2_INTEGRITY).containsExactly(AlgorithmNames.ikev2Integrity(14),
                AlgorithmNames.ikev2Integrity(13));
        assertThat(CiscoDefaults.IKEV2_PRF).containsExactly(AlgorithmNames.ikev2Prf(7), AlgorithmNames.ikev2Prf(6));
        assertThat(CiscoDefaults.TRANSFORM_ENCRYPTION).containsExactly(AlgorithmNames.ikev1EspEncryption(12, 128));
        assertThat(CiscoDefaults.TRANSFORM_INTEGRITY).containsExactly(AlgorithmNames.ikev1Phase2Integrity(2));
    }

    @Test
    void wildcardMasksBecomePrefixesOnlyWhenContiguous() {
        assertThat(CiscoAcl.prefixOfWildcard("0.0.0.255")).isEqualTo(24);
        assertThat(CiscoAcl.prefixOfWildcard("0.0.0.0")).isEqualTo(32);
        assertThat(CiscoAcl.prefixOfWildcard("255.255.255.255")).isZero();
        assertThat(CiscoAcl.prefixOfWildcard("0.0.15.255")).isEqualTo(20);
        assertThat(CiscoAcl.prefixOfWildcard("0.0.255.0")).isEqualTo(-1);
        assertThat(CiscoAcl.prefixOfWildcard("255.0.0.0")).isEqualTo(-1);
        assertThat(CiscoAcl.prefixOfWildcard("0.0.0.256")).isEqualTo(-1);
    }
}
