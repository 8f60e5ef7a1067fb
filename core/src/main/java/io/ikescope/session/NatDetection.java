package io.ikescope.session;

import io.ikescope.wire.Bytes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Recomputes NAT discovery hashes from the addresses and ports the capture shows. IKEv2 (RFC 7296 2.23):
 * SHA-1(SPIi | SPIr | IP | port). IKEv1 (RFC 3947 3.2): HASH(CKY-I | CKY-R | IP | port) with the Phase 1 hash.
 */
final class NatDetection {
    private NatDetection() {
    }

    /** JCA name of a Phase 1 hash in its readable form ("SHA2-256"), or null when the JDK has no such digest. */
    static String jcaName(String readableHash) {
        if (readableHash == null) {
            return null;
        }
        return switch (readableHash) {
            case "MD5" -> "MD5";
            case "SHA1" -> "SHA-1";
            default -> readableHash.startsWith("SHA2-") ? "SHA-" + readableHash.substring(5) : null;
        };
    }

    /** The hash, or null when the address is not an IP literal or the digest is unavailable. */
    static Bytes hash(String jcaDigest, Bytes spiI, Bytes spiR, String address, int port) {
        byte[] ip = literal(address);
        if (ip == null) {
            return null;
        }
        try {
            MessageDigest d = MessageDigest.getInstance(jcaDigest);
            d.update(spiI.toArray());
            d.update(spiR.toArray());
            d.update(ip);
            d.update(new byte[] {(byte) (port >> 8), (byte) port});
            return Bytes.of(d.digest());
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** Address bytes of a numeric IPv4/IPv6 text; null for anything else (never a name lookup). */
    static byte[] literal(String address) {
        if (address == null || address.isEmpty()
                || !(address.indexOf(':') >= 0 || address.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
