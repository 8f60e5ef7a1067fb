package io.ikescope.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A pre-shared key reduced to something that can be compared and printed: HMAC-SHA-256 under a key drawn at random
 * for each run, first 8 bytes. Two files with the same secret get the same digest within one run; the digest is
 * useless outside it (a plain hash of a short PSK could be attacked with a dictionary), so it may appear in
 * output. The secret itself is never kept.
 */
public record PskDigest(String hex) {

    private static final byte[] RUN_KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(RUN_KEY);
    }

    /**
     * A secret that is configured but cannot be read: stored encrypted (FortiOS {@code ENC ...}) or masked in the
     * output. It says a PSK is set; {@link #comparable()} is false, so a check must not compare it with another.
     */
    public static final PskDigest UNREADABLE = new PskDigest("unreadable");

    /** False for {@link #UNREADABLE}: whether two digests may be compared at all. */
    public boolean comparable() {
        return !UNREADABLE.equals(this);
    }

    public static PskDigest of(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(RUN_KEY, "HmacSHA256"));
            byte[] full = mac.doFinal(secret);
            return new PskDigest(HexFormat.of().formatHex(full, 0, 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static PskDigest of(String secret) {
        return of(secret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return hex;
    }
}
