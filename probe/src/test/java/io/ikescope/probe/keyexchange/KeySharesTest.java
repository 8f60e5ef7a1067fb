package io.ikescope.probe.keyexchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.AlgorithmNames;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.junit.jupiter.api.Test;

class KeySharesTest {
    @Test
    void modpValuesAreInThePrimeOrderSubgroupAndOfThePrimesLength() {
        KeyShares values = new KeyShares(new SecureRandom());
        BigInteger p = DHStandardGroups.rfc3526_2048.getP();
        BigInteger q = p.subtract(BigInteger.ONE).shiftRight(1);
        for (int i = 0; i < 8; i++) {
            byte[] v = values.publicValue(14).orElseThrow();
            assertThat(v).hasSize(AlgorithmNames.modpBits(1, 14) / 8);
            BigInteger y = new BigInteger(1, v);
            assertThat(y.modPow(q, p)).isEqualTo(BigInteger.ONE); // a random value below p fails half the time
        }
        assertThat(values.publicValue(2).orElseThrow()).hasSize(128);
        assertThat(values.publicValue(19).orElseThrow()).hasSize(64); // ECP: x and y
        assertThat(values.publicValue(31).orElseThrow()).hasSize(32);
        assertThat(values.canGenerate(24)).isFalse();
        assertThat(values.canGenerate(36)).as("ML-KEM: probed through INVALID_KE_PAYLOAD only").isFalse();
        assertThat(values.publicValue(36)).isEmpty();
    }
}
