package io.ikescope.config.fortios;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.AlgorithmNames;
import org.junit.jupiter.api.Test;

/** The table's names are the contract's: what AlgorithmNames makes of the IANA numbers a capture carries. */
class FortiAlgorithmsTest {

    @Test
    void encryptionNamesMatchTheRegistryNames() {
        assertThat(FortiAlgorithms.ENCRYPTION.get("des")).isEqualTo(AlgorithmNames.ikev2Encryption(2, null));
        assertThat(FortiAlgorithms.ENCRYPTION.get("3des")).isEqualTo(AlgorithmNames.ikev2Encryption(3, null));
        assertThat(FortiAlgorithms.ENCRYPTION.get("null")).isEqualTo(AlgorithmNames.ikev2Encryption(11, null));
        assertThat(FortiAlgorithms.ENCRYPTION.get("aes128")).isEqualTo(AlgorithmNames.ikev2Encryption(12, 128));
        assertThat(FortiAlgorithms.ENCRYPTION.get("aes192")).isEqualTo(AlgorithmNames.ikev2Encryption(12, 192));
        assertThat(FortiAlgorithms.ENCRYPTION.get("aes256")).isEqualTo(AlgorithmNames.ikev2Encryption(12, 256));
        assertThat(FortiAlgorithms.ENCRYPTION.get("aes128gcm")).isEqualTo(AlgorithmNames.ikev2Encryption(20, 128));
        assertThat(FortiAlgorithms.ENCRYPTION.get("aes256gcm")).isEqualTo(AlgorithmNames.ikev2Encryption(20, 256));
        assertThat(FortiAlgorithms.ENCRYPTION.get("chacha20poly1305"))
                .isEqualTo(AlgorithmNames.ikev2Encryption(28, null));
    }

    @Test
    void integrityAndPrfNamesMatchTheRegistryNames() {
        assertThat(FortiAlgorithms.INTEGRITY.get("md5")).isEqualTo(AlgorithmNames.ikev2Integrity(1));
        assertThat(FortiAlgorithms.INTEGRITY.get("sha1")).isEqualTo(AlgorithmNames.ikev2Integrity(2));
        assertThat(FortiAlgorithms.INTEGRITY.get("sha256")).isEqualTo(AlgorithmNames.ikev2Integrity(12));
        assertThat(FortiAlgorithms.INTEGRITY.get("sha384")).isEqualTo(AlgorithmNames.ikev2Integrity(13));
        assertThat(FortiAlgorithms.INTEGRITY.get("sha512")).isEqualTo(AlgorithmNames.ikev2Integrity(14));
        assertThat(FortiAlgorithms.PRF.get("md5")).isEqualTo(AlgorithmNames.ikev2Prf(1));
        assertThat(FortiAlgorithms.PRF.get("sha1")).isEqualTo(AlgorithmNames.ikev2Prf(2));
        assertThat(FortiAlgorithms.PRF.get("sha256")).isEqualTo(AlgorithmNames.ikev2Prf(5));
        assertThat(FortiAlgorithms.PRF.get("sha384")).isEqualTo(AlgorithmNames.ikev2Prf(6));
        assertThat(FortiAlgorithms.PRF.get("sha512")).isEqualTo(AlgorithmNames.ikev2Prf(7));
    }

    @Test
    void keywordsSplitAsFortiOsWritesThem() {
        assertThat(FortiAlgorithms.phase1("aes256gcm-prfsha384")).containsExactly("AES-GCM-256-16", null,
                "PRF-HMAC-SHA2-384");
        assertThat(FortiAlgorithms.phase1("3des-md5")).containsExactly("3DES", "HMAC-MD5-96", "PRF-HMAC-MD5");
        assertThat(FortiAlgorithms.phase1("aes256gcm")).isNull();
        assertThat(FortiAlgorithms.phase1("null-sha1")).isNull();
        assertThat(FortiAlgorithms.phase2("aes128-null")).containsExactly("AES-CBC-128", null);
        assertThat(FortiAlgorithms.phase2("null-sha256")).containsExactly("NULL", "HMAC-SHA2-256-128");
        assertThat(FortiAlgorithms.phase2("null-null")).isNull();
        assertThat(FortiAlgorithms.phase2("aes256gcm-prfsha384")).isNull();
    }
}
