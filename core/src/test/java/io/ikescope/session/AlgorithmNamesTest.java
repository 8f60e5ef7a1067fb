package io.ikescope.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The naming rule on the contract's own examples and on each of its clauses. */
class AlgorithmNamesTest {

    @Test
    void contractExamples() {
        assertThat(AlgorithmNames.ikev2Encryption(12, 256)).isEqualTo("AES-CBC-256");
        assertThat(AlgorithmNames.ikev2Integrity(12)).isEqualTo("HMAC-SHA2-256-128");
        assertThat(AlgorithmNames.ikev2Prf(5)).isEqualTo("PRF-HMAC-SHA2-256");
        assertThat(AlgorithmNames.ikev2Encryption(20, 256)).isEqualTo("AES-GCM-256-16");
        // the contract's Quick Mode example: ESP AES-CBC-128 with HMAC-SHA1-96
        assertThat(AlgorithmNames.ikev1EspEncryption(12, 128)).isEqualTo("AES-CBC-128");
        assertThat(AlgorithmNames.ikev1Phase2Integrity(2)).isEqualTo("HMAC-SHA1-96");
        assertThat(AlgorithmNames.ikev1Encryption(7, 256)).isEqualTo("AES-CBC-256");
        assertThat(AlgorithmNames.ikev1Hash(4)).isEqualTo("SHA2-256");
    }

    @Test
    void ikev1SpellingOfSha1AndHmacTruncation() {
        assertThat(AlgorithmNames.ikev1Hash(2)).isEqualTo("SHA1");
        assertThat(AlgorithmNames.ikev1Phase2Integrity(1)).isEqualTo("HMAC-MD5-96");
        assertThat(AlgorithmNames.ikev1Phase2Integrity(5)).isEqualTo("HMAC-SHA2-256-128");
        assertThat(AlgorithmNames.ikev1Phase2Integrity(7)).isEqualTo("HMAC-SHA2-512-256");
        assertThat(AlgorithmNames.ikev1Phase2Integrity(9)).isEqualTo("AES-XCBC-MAC");
    }

    @Test
    void keyLengthGoesBeforeTheIcvLengthOrAtTheEnd() {
        assertThat(AlgorithmNames.ikev2Encryption(14, 128)).isEqualTo("AES-CCM-128-8");
        assertThat(AlgorithmNames.ikev2Encryption(28, null)).isEqualTo("CHACHA20-POLY1305");
        assertThat(AlgorithmNames.ikev2Encryption(3, null)).isEqualTo("3DES");
        assertThat(AlgorithmNames.ikev1Encryption(5, null)).isEqualTo("3DES-CBC");
        // ESP IDs past 20 are not IKEv2 ENCR IDs: named from the IKEv1 table (22 is CAMELLIA in ESP, not in IKEv2)
        assertThat(AlgorithmNames.ikev1EspEncryption(22, 128)).isEqualTo("CAMELLIA-128");
    }

    @Test
    void unnamedValuesKeepTheirNumberAndNoneIntegrityIsAbsent() {
        assertThat(AlgorithmNames.ikev2Encryption(1025, null)).isEqualTo("ENCR-1025");
        assertThat(AlgorithmNames.ikev2Integrity(0)).isNull();
    }

    @Test
    void modpSizeComesFromTheRegistryName() {
        assertThat(AlgorithmNames.modpBits(2, 14)).isEqualTo(2048);
        assertThat(AlgorithmNames.modpBits(1, 2)).isEqualTo(1024);
        assertThat(AlgorithmNames.modpBits(1, 5)).isEqualTo(1536);
        assertThat(AlgorithmNames.modpBits(2, 22)).isEqualTo(1024);
        assertThat(AlgorithmNames.modpBits(2, 19)).isEqualTo(-1);
        assertThat(AlgorithmNames.groupName(2, 19)).isEqualTo("ecp256");
        assertThat(AlgorithmNames.groupName(1, 14)).isEqualTo("modp2048");
    }
}
