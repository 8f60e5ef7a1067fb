package io.ikescope.crypto.keys;

import io.ikescope.crypto.IntegritySpec;
import java.util.Locale;

/**
 * The integrity algorithm names of Wireshark's {@code ikev2_decryption_table}, exactly as Wireshark 4.0 spells
 * them, with the IKEv2 transform, the SK_ai/SK_ar length Wireshark requires and the checksum length.
 *
 * <p>Transform IDs are IANA's, except: {@link #NONE} and the "ANY n-bits" rows use 0 (no transform; the
 * "ANY" rows strip n bits without checking them), and {@link #HMAC_SHA2_256_96}, which IANA never assigned,
 * uses strongSwan's private-use number 1026 (AUTH_HMAC_SHA2_256_96, the Linux kernel's 96-bit truncation).
 */
public enum WiresharkIntegrity {
    NONE("NONE [RFC4306]", 0, 0, 0, true, true),
    HMAC_MD5_96("HMAC_MD5_96 [RFC2403]", 1, 16, 12, true, true),
    HMAC_SHA1_96("HMAC_SHA1_96 [RFC2404]", 2, 20, 12, true, true),
    HMAC_MD5_128("HMAC_MD5_128 [RFC4595]", 6, 16, 16, true, true),
    HMAC_SHA1_160("HMAC_SHA1_160 [RFC4595]", 7, 20, 20, true, true),
    HMAC_SHA2_256_96("HMAC_SHA2_256_96 [draft-ietf-ipsec-ciph-sha-256-00]", 1026, 32, 12, true, false),
    HMAC_SHA2_256_128("HMAC_SHA2_256_128 [RFC4868]", 12, 32, 16, true, true),
    HMAC_SHA2_384_192("HMAC_SHA2_384_192 [RFC4868]", 13, 48, 24, true, true),
    HMAC_SHA2_512_256("HMAC_SHA2_512_256 [RFC4868]", 14, 64, 32, true, true),
    ANY_64("ANY 64-bits of Authentication [No Checking]", 0, 0, 8, false, false),
    ANY_96("ANY 96-bits of Authentication [No Checking]", 0, 0, 12, false, false),
    ANY_128("ANY 128-bits of Authentication [No Checking]", 0, 0, 16, false, false),
    ANY_160("ANY 160-bits of Authentication [No Checking]", 0, 0, 20, false, false),
    ANY_192("ANY 192-bits of Authentication [No Checking]", 0, 0, 24, false, false),
    ANY_256("ANY 256-bits of Authentication [No Checking]", 0, 0, 32, false, false);

    private final String wiresharkName;
    private final int transformId;
    private final int keyBytes;
    private final int icvBytes;
    private final boolean verify;
    private final boolean ianaTransform;

    WiresharkIntegrity(String wiresharkName, int transformId, int keyBytes, int icvBytes, boolean verify,
                       boolean ianaTransform) {
        this.wiresharkName = wiresharkName;
        this.transformId = transformId;
        this.keyBytes = keyBytes;
        this.icvBytes = icvBytes;
        this.verify = verify;
        this.ianaTransform = ianaTransform;
    }

    public String wiresharkName() {
        return wiresharkName;
    }

    public IntegritySpec spec() {
        return new IntegritySpec(transformId, icvBytes, verify);
    }

    /** Length of SK_ai and SK_ar (0 for NONE and the "ANY" rows, whose key columns stay empty). */
    public int keyBytes() {
        return keyBytes;
    }

    /** An IANA IKEv2 integrity transform (or NONE): the ones a real negotiation can have chosen. */
    boolean ianaTransform() {
        return ianaTransform;
    }

    /** The entry with this table name, or null. Case and surrounding blanks are forgiven. */
    public static WiresharkIntegrity byName(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        for (WiresharkIntegrity i : values()) {
            if (i.wiresharkName.toUpperCase(Locale.ROOT).equals(wanted)) {
                return i;
            }
        }
        return null;
    }

    /** The entry for an integrity spec, or null when the table has none (e.g. AES-XCBC-96). */
    public static WiresharkIntegrity of(IntegritySpec spec) {
        for (WiresharkIntegrity i : values()) {
            if (i.transformId == spec.transformId() && i.icvBytes == spec.icvBytes() && i.verify == spec.verify()) {
                return i;
            }
        }
        return null;
    }

    /** The entry for an IKEv2 integrity transform ID as negotiated (0 or absent: NONE), or null. */
    public static WiresharkIntegrity ofTransform(int transformId) {
        for (WiresharkIntegrity i : values()) {
            if (i.verify && i.transformId == transformId) {
                return i;
            }
        }
        return null;
    }
}
