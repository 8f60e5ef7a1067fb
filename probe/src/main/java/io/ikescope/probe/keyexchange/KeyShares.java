package io.ikescope.probe.keyexchange;

import io.ikescope.wire.registry.Ikev2Registry;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.crypto.params.DHParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc7748.X448;

/**
 * Public key-exchange values a probe can put in a KE payload. A probe never derives keys, so the private half is
 * thrown away; the value only has to be one the responder accepts: a point on the curve for ECP and the
 * Montgomery curves, and for MODP a real g^x mod p: a responder computes the shared secret on receipt, and
 * OpenSSL 3 (strongSwan's openssl plugin) rejects a value outside the prime-order subgroup (seen in the lab with a
 * random value below p, which is in the subgroup half the time: "DH shared secret computation failed"). IKEv1 and
 * IKEv2 number these groups alike. Groups without a value here (GOST, ML-KEM) can still be probed: an offer of the
 * group with another group's KE payload makes a responder that accepts it name it in INVALID_KE_PAYLOAD.
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
    /**
     * RFC 2409 and 3526 groups by the registry's name. RFC 5114's (22-24, SHOULD NOT in RFC 8247) are not in
     * BouncyCastle's table: they are probed through INVALID_KE_PAYLOAD only.
     */
    private static final Map<String, DHParameters> MODP = Map.ofEntries(
            Map.entry("768-bit MODP Group", DHStandardGroups.rfc2409_768),
            Map.entry("1024-bit MODP Group", DHStandardGroups.rfc2409_1024),
            Map.entry("1536-bit MODP Group", DHStandardGroups.rfc3526_1536),
            Map.entry("2048-bit MODP Group", DHStandardGroups.rfc3526_2048),
            Map.entry("3072-bit MODP Group", DHStandardGroups.rfc3526_3072),
            Map.entry("4096-bit MODP Group", DHStandardGroups.rfc3526_4096),
            Map.entry("6144-bit MODP Group", DHStandardGroups.rfc3526_6144),
            Map.entry("8192-bit MODP Group", DHStandardGroups.rfc3526_8192));
    /** Private exponent size: far beyond what a probe needs, as the value is thrown away. */
    private static final int EXPONENT_BITS = 256;
    private static final int CURVE25519 = (int) Ikev2Registry.KE_METHOD.valueOf("Curve25519");
    private static final int CURVE448 = (int) Ikev2Registry.KE_METHOD.valueOf("Curve448");

    private final SecureRandom random;

    public KeyShares(SecureRandom random) {
        this.random = random;
    }

    public boolean canGenerate(int group) {
        String name = String.valueOf(Ikev2Registry.KE_METHOD.name(group));
        return group == CURVE25519 || group == CURVE448 || MODP.containsKey(name) || CURVES.containsKey(name);
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
        DHParameters modp = MODP.get(String.valueOf(Ikev2Registry.KE_METHOD.name(group)));
        if (modp != null) {
            return Optional.of(modpValue(modp));
        }
        String curve = CURVES.get(String.valueOf(Ikev2Registry.KE_METHOD.name(group)));
        if (curve == null) {
            return Optional.empty();
        }
        return Optional.of(ecpValue(curve));
    }

    /** g^x mod p, left-padded to the prime's length (RFC 7296 3.4). */
    private byte[] modpValue(DHParameters p) {
        BigInteger x = new BigInteger(EXPONENT_BITS, random).setBit(EXPONENT_BITS - 1);
        byte[] y = p.getG().modPow(x, p.getP()).toByteArray();
        int length = (p.getP().bitLength() + 7) / 8;
        byte[] value = new byte[length];
        int copy = Math.min(y.length, length);
        System.arraycopy(y, y.length - copy, value, length - copy, copy); // drop a sign byte, left-pad
        return value;
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
