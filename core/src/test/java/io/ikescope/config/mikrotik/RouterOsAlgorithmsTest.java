package io.ikescope.config.mikrotik;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.AlgorithmNames;
import org.junit.jupiter.api.Test;

/** The table's names are the contract's: what AlgorithmNames makes of the IANA numbers a capture carries. */
class RouterOsAlgorithmsTest {

    @Test
    void encryptionNamesMatchTheRegistryNames() {
        assertThat(RouterOsAlgorithms.PROFILE_ENCRYPTION.get("3des"))
                .isEqualTo(AlgorithmNames.ikev2Encryption(3, null));
        assertThat(RouterOsAlgorithms.PROFILE_ENCRYPTION.get("aes-128"))
                .isEqualTo(AlgorithmNames.ikev2Encryption(12, 128));
        assertThat(RouterOsAlgorithms.PROFILE_ENCRYPTION.get("aes-256-gcm"))
                .isEqualTo(AlgorithmNames.ikev2Encryption(20, 256));
        assertThat(RouterOsAlgorithms.PROFILE_ENCRYPTION.get("blowfish"))
                .isEqualTo(AlgorithmNames.ikev2Encryption(7, null));
        assertThat(RouterOsAlgorithms.PROFILE_ENCRYPTION.get("camellia-192"))
                .isEqualTo(AlgorithmNames.ikev2Encryption(23, 192));
        assertThat(RouterOsAlgorithms.PROPOSAL_ENCRYPTION.get("null"))
                .isEqualTo(AlgorithmNames.ikev2Encryption(11, null));
        assertThat(RouterOsAlgorithms.PROPOSAL_ENCRYPTION.get("des"))
                .isEqualTo(AlgorithmNames.ikev2Encryption(2, null));
        assertThat(RouterOsAlgorithms.PROPOSAL_ENCRYPTION.get("aes-192-ctr"))
                .isEqualTo(AlgorithmNames.ikev2Encryption(13, 192));
        assertThat(RouterOsAlgorithms.PROPOSAL_ENCRYPTION.get("aes-192-gcm"))
                .isEqualTo(AlgorithmNames.ikev2Encryption(20, 192));
        assertThat(RouterOsAlgorithms.PROPOSAL_ENCRYPTION.get("chacha20poly1305"))
                .isEqualTo(AlgorithmNames.ikev2Encryption(28, null));
        assertThat(RouterOsAlgorithms.AEAD).allSatisfy(name ->
                assertThat(RouterOsAlgorithms.PROPOSAL_ENCRYPTION).containsValue(name));
    }

    @Test
    void integrityPrfAndGroupsMatchTheRegistry() {
        assertThat(RouterOsAlgorithms.INTEGRITY.get("md5")).isEqualTo(AlgorithmNames.ikev2Integrity(1));
        assertThat(RouterOsAlgorithms.INTEGRITY.get("sha1")).isEqualTo(AlgorithmNames.ikev2Integrity(2));
        assertThat(RouterOsAlgorithms.INTEGRITY.get("sha256")).isEqualTo(AlgorithmNames.ikev2Integrity(12));
        assertThat(RouterOsAlgorithms.INTEGRITY.get("sha384")).isEqualTo(AlgorithmNames.ikev2Integrity(13));
        assertThat(RouterOsAlgorithms.INTEGRITY.get("sha512")).isEqualTo(AlgorithmNames.ikev2Integrity(14));
        assertThat(RouterOsAlgorithms.PRF.get("sha1")).isEqualTo(AlgorithmNames.ikev2Prf(2));
        assertThat(RouterOsAlgorithms.PRF.get("sha256")).isEqualTo(AlgorithmNames.ikev2Prf(5));
        assertThat(RouterOsAlgorithms.PRF.get("sha512")).isEqualTo(AlgorithmNames.ikev2Prf(7));
        RouterOsAlgorithms.GROUPS.forEach((keyword, group) -> {
            String name = AlgorithmNames.groupName(2, group);
            if (keyword.startsWith("modp") || keyword.startsWith("ecp")) {
                assertThat(name).as(keyword).isEqualTo(keyword);
            }
        });
        assertThat(AlgorithmNames.groupName(2, RouterOsAlgorithms.GROUPS.get("curve25519"))).isEqualTo("Curve25519");
    }
}
