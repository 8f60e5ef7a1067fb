package io.ikescope.probe.ikev2;

import io.ikescope.session.AlgorithmNames;
import io.ikescope.wire.registry.Ikev2Registry;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc7748.X448;

/**
 * Public key-exchange values a probe can put in a KE payload. A probe never derives keys, so the private half is
 * thrown away; the value only has to be one the responder accepts as well formed: a point on the curve for ECP
 * and the Montgomery curves (a responder checks it), for MODP a random number below the prime of the group's
 * size (every MODP prime of the registry has its top 64 bits set, so a value whose first byte is below 0x80 is
 * in range). Groups without a value here (GOST, ML-KEM) can still be probed: an offer of the group with another
 * group's KE payload makes a responder that accepts it name it in INVALID_KE_PAYLOAD.
 */
public final class KeyShares {
    /** The curve of each ECP group, by the registry's name of the group. */
    private static final Map<String, String> CURVES = Map.of(
            "256-bit random ECP group", "secp256r1",
            "384-bit random ECP group", "secp384r1",
            "521-bit random ECP group", "secp521r1",
            "192-bit Random ECP Group", "secp192r1",
            "224-bit Random ECP Group", "secp224r1",
            "brainpoolP224r1", "brainpoolP224r1",
            "brainpoolP256r1", "brainpoolP256r1",
            "brainpoolP384r1", "brainpoolP384r1",
            "brainpoolP512r1", "brainpoolP512r1");
    private static final int CURVE25519 = (int) Ikev2Registry.KE_METHOD.valueOf("Curve25519");
    private static final int CURVE448 = (int) Ikev2Registry.KE_METHOD.valueOf("Curve448");

    private final SecureRandom random;

    public KeyShares(SecureRandom random) {
        this.random = random;
    }

    public boolean canGenerate(int group) {
        return group == CURVE25519 || group == CURVE448 || AlgorithmNames.modpBits(2, group) > 0
                || CURVES.containsKey(String.valueOf(Ikev2Registry.KE_METHOD.name(group)));
    }

    /** A fresh public value for the group, or empty when the probe cannot make one. */
    public Optional<byte[]> publicValue(int group) {
        if (group == CURVE25519) {
            byte[] k = new byte[X25519.SCALAR_SIZE];
            X25519.generatePrivateKey(random, k);
            byte[] pub = new byte[X25519.POINT_SIZE];
            X25519.generatePublicKey(k, 0, pub, 0);
            return Optional.of(pub);
        }
        if (group == CURVE448) {
            byte[] k = new byte[X448.SCALAR_SIZE];
            X448.generatePrivateKey(random, k);
            byte[] pub = new byte[X448.POINT_SIZE];
            X448.generatePublicKey(k, 0, pub, 0);
            return Optional.of(pub);
        }
        int modp = AlgorithmNames.modpBits(2, group);
        if (modp > 0) {
            byte[] value = new byte[modp / 8];
            random.nextBytes(value);
            value[0] &= 0x7f;
            value[0] |= 0x40;
            return Optional.of(value);
        }
        String curve = CURVES.get(String.valueOf(Ikev2Registry.KE_METHOD.name(group)));
        if (curve == null) {
            return Optional.empty();
        }
        return Optional.of(ecpValue(curve));
    }

    /** RFC 5903: x and y, each padded to the field size, no point-format byte. */
    private byte[] ecpValue(String curve) {
        X9ECParameters params = ECNamedCurveTable.getByName(curve);
        BigInteger n = params.getN();
        BigInteger d;
        do {
            d = new BigInteger(n.bitLength(), random);
        } while (d.signum() == 0 || d.compareTo(n) >= 0);
        ECPoint q = params.getG().multiply(d).normalize();
        byte[] x = q.getAffineXCoord().getEncoded();
        byte[] y = q.getAffineYCoord().getEncoded();
        byte[] value = new byte[x.length + y.length];
        System.arraycopy(x, 0, value, 0, x.length);
        System.arraycopy(y, 0, value, x.length, y.length);
        return value;
    }
}
