package io.ikescope.psk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One candidate pre-shared key: its line in the candidates file (from 1), or its position among the
 * {@code --candidate} options (from 1), and its bytes. The key itself is never shown: {@link #toString()} and every
 * report name the line (or position) and the {@link #fingerprint()} only.
 */
public final class PskCandidate {
    private final int line;
    private final boolean fromOption;
    private final byte[] key;
    private final String fingerprint;

    public PskCandidate(int line, byte[] key) {
        this(line, false, key);
    }

    private PskCandidate(int line, boolean fromOption, byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("an empty candidate (" + (fromOption ? "--candidate " : "line ")
                    + line + ")");
        }
        this.line = line;
        this.fromOption = fromOption;
        this.key = key.clone();
        this.fingerprint = fingerprintOf(this.key);
    }

    /** A candidate given as text (UTF-8, as a configuration file holds it). */
    public static PskCandidate of(int line, String key) {
        return new PskCandidate(line, key.getBytes(StandardCharsets.UTF_8));
    }

    /** The candidate of the {@code position}th {@code --candidate} option (from 1), as UTF-8. */
    public static PskCandidate option(int position, String key) {
        return new PskCandidate(position, true, key.getBytes(StandardCharsets.UTF_8));
    }

    /** The line in the candidates file, counting from 1; for a {@code --candidate} option its position. */
    public int line() {
        return line;
    }

    /** Whether it came from a {@code --candidate} option rather than the candidates file. */
    public boolean fromOption() {
        return fromOption;
    }

    /** The first 8 hex digits of SHA-256 of the key: enough to tell candidates apart on screen, not to recover one. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The key bytes, a copy; for the PRF only. */
    byte[] key() {
        return key.clone();
    }

    private static String fingerprintOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PskCandidate c && c.line == line && c.fromOption == fromOption && Arrays.equals(c.key, key);
    }

    @Override
    public int hashCode() {
        return 31 * (2 * line + (fromOption ? 1 : 0)) + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return (fromOption ? "--candidate " : "candidate line ") + line + " (" + fingerprint + ")";
    }
}
