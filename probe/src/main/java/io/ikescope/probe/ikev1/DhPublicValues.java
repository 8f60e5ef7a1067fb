package io.ikescope.probe.ikev1;

import io.ikescope.probe.ikev2.KeyShares;
import io.ikescope.wire.registry.Ikev1Registry;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.crypto.params.DHParameters;

/**
 * KE payload values for an AM1. A MODP value must be a real g^x mod p: a responder computes the shared secret
 * on receipt, and OpenSSL 3 (strongSwan's openssl plugin) rejects a value outside the prime-order subgroup
 * ("DH shared secret computation failed", answered INVALID-KEY-INFORMATION; seen in the lab with a random value
 * below p, which is in the subgroup half the time). ECP and other groups come from {@link KeyShares}.
 */
final class DhPublicValues {
    /** RFC 2409 and RFC 3526 groups by their IKEv1 registry name (RFC 5114's are not in BouncyCastle's table). */
    private static final Map<String, DHParameters> MODP = Map.of(
            "Default 768-bit MODP group", DHStandardGroups.rfc2409_768,
            "Alternate 1024-bit MODP group", DHStandardGroups.rfc2409_1024,
            "1536 bit MODP group", DHStandardGroups.rfc3526_1536,
            "2048 bit MODP group", DHStandardGroups.rfc3526_2048,
            "3072 bit MODP group", DHStandardGroups.rfc3526_3072,
            "4096 bit MODP group", DHStandardGroups.rfc3526_4096,
            "6144 bit MODP group", DHStandardGroups.rfc3526_6144,
            "8192 bit MODP group", DHStandardGroups.rfc3526_8192);
    /** Private exponent size: far beyond what a probe needs, as the value is thrown away. */
    private static final int EXPONENT_BITS = 256;

    private final SecureRandom random;
    private final KeyShares others;

    DhPublicValues(SecureRandom random) {
        this.random = random;
        this.others = new KeyShares(random);
    }

    Optional<byte[]> publicValue(int group) {
        DHParameters p = MODP.get(String.valueOf(Ikev1Registry.IKE_GROUP_DESCRIPTION.name(group)));
        if (p == null) {
            return others.publicValue(group);
        }
        BigInteger x = new BigInteger(EXPONENT_BITS, random).setBit(EXPONENT_BITS - 1);
        byte[] y = p.getG().modPow(x, p.getP()).toByteArray();
        int length = (p.getP().bitLength() + 7) / 8;
        byte[] value = new byte[length];
        int copy = Math.min(y.length, length);
        System.arraycopy(y, y.length - copy, value, length - copy, copy); // drop a sign byte, left-pad
        return Optional.of(value);
    }
}
