package io.ikescope.crypto.keys;

import io.ikescope.crypto.EncryptionSpec;
import java.util.Locale;

/**
 * The encryption algorithm names of Wireshark's {@code ikev2_decryption_table}, exactly as Wireshark 4.0
 * spells them (the value strings of its UAT enum; strongSwan's save-keys plugin writes the same), with the
 * IKEv2 transform they stand for and the length of SK_ei/SK_er Wireshark requires (AES-CTR and AES-GCM keys
 * carry a 4-byte salt, AES-CCM keys a 3-byte salt).
 *
 * <p>{@link #CHACHA20_POLY1305} is ikescope's own: Wireshark 4.0 has no ChaCha20-Poly1305 entry in this table
 * (neither has strongSwan's save-keys plugin, which writes no row for it). ikescope reads the name; tables
 * written for Wireshark never contain it.
 */
public enum WiresharkEncryption {
    NULL("NULL [RFC2410]", 11, 0, 0, 0),
    TRIPLE_DES("3DES [RFC2451]", 3, 0, 24, 0),
    AES_CBC_128("AES-CBC-128 [RFC3602]", 12, 128, 16, 0),
    AES_CBC_192("AES-CBC-192 [RFC3602]", 12, 192, 24, 0),
    AES_CBC_256("AES-CBC-256 [RFC3602]", 12, 256, 32, 0),
    AES_CTR_128("AES-CTR-128 [RFC5930]", 13, 128, 20, 0),
    AES_CTR_192("AES-CTR-192 [RFC5930]", 13, 192, 28, 0),
    AES_CTR_256("AES-CTR-256 [RFC5930]", 13, 256, 36, 0),
    AES_GCM_128_8("AES-GCM-128 with 8 octet ICV [RFC5282]", 18, 128, 20, 8),
    AES_GCM_192_8("AES-GCM-192 with 8 octet ICV [RFC5282]", 18, 192, 28, 8),
    AES_GCM_256_8("AES-GCM-256 with 8 octet ICV [RFC5282]", 18, 256, 36, 8),
    AES_GCM_128_12("AES-GCM-128 with 12 octet ICV [RFC5282]", 19, 128, 20, 12),
    AES_GCM_192_12("AES-GCM-192 with 12 octet ICV [RFC5282]", 19, 192, 28, 12),
    AES_GCM_256_12("AES-GCM-256 with 12 octet ICV [RFC5282]", 19, 256, 36, 12),
    AES_GCM_128_16("AES-GCM-128 with 16 octet ICV [RFC5282]", 20, 128, 20, 16),
    AES_GCM_192_16("AES-GCM-192 with 16 octet ICV [RFC5282]", 20, 192, 28, 16),
    AES_GCM_256_16("AES-GCM-256 with 16 octet ICV [RFC5282]", 20, 256, 36, 16),
    AES_CCM_128_8("AES-CCM-128 with 8 octet ICV [RFC5282]", 14, 128, 19, 8),
    AES_CCM_192_8("AES-CCM-192 with 8 octet ICV [RFC5282]", 14, 192, 27, 8),
    AES_CCM_256_8("AES-CCM-256 with 8 octet ICV [RFC5282]", 14, 256, 35, 8),
    AES_CCM_128_12("AES-CCM-128 with 12 octet ICV [RFC5282]", 15, 128, 19, 12),
    AES_CCM_192_12("AES-CCM-192 with 12 octet ICV [RFC5282]", 15, 192, 27, 12),
    AES_CCM_256_12("AES-CCM-256 with 12 octet ICV [RFC5282]", 15, 256, 35, 12),
    AES_CCM_128_16("AES-CCM-128 with 16 octet ICV [RFC5282]", 16, 128, 19, 16),
    AES_CCM_192_16("AES-CCM-192 with 16 octet ICV [RFC5282]", 16, 192, 27, 16),
    AES_CCM_256_16("AES-CCM-256 with 16 octet ICV [RFC5282]", 16, 256, 35, 16),
    /** ikescope's extension (RFC 7634: 256-bit key and a 4-byte salt); Wireshark 4.0 has no such entry. */
    CHACHA20_POLY1305("CHACHA20-POLY1305 [RFC7634]", 28, 0, 36, 16);

    private final String wiresharkName;
    private final int transformId;
    private final int keyBits;
    private final int keyBytes;
    private final int aeadIcvBytes;

    WiresharkEncryption(String wiresharkName, int transformId, int keyBits, int keyBytes, int aeadIcvBytes) {
        this.wiresharkName = wiresharkName;
        this.transformId = transformId;
        this.keyBits = keyBits;
        this.keyBytes = keyBytes;
        this.aeadIcvBytes = aeadIcvBytes;
    }

    /** The name as the table spells it. */
    public String wiresharkName() {
        return wiresharkName;
    }

    public EncryptionSpec spec() {
        return new EncryptionSpec(transformId, keyBits);
    }

    /** Length of SK_ei and SK_er, salt included. */
    public int keyBytes() {
        return keyBytes;
    }

    /** An AEAD cipher: its rows take the "NONE" integrity algorithm and empty SK_ai/SK_ar. */
    public boolean aead() {
        return aeadIcvBytes > 0;
    }

    /** True when Wireshark (4.0) knows this name; false for ikescope's own extension. */
    public boolean wiresharkKnows() {
        return this != CHACHA20_POLY1305;
    }

    /** The entry with this table name, or null. Case and surrounding blanks are forgiven; Wireshark forgives neither. */
    public static WiresharkEncryption byName(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        for (WiresharkEncryption e : values()) {
            if (e.wiresharkName.toUpperCase(Locale.ROOT).equals(wanted)) {
                return e;
            }
        }
        return null;
    }

    /** The entry for an IKEv2 transform, or null when the table has none (e.g. Camellia, AES with another length). */
    public static WiresharkEncryption of(EncryptionSpec spec) {
        for (WiresharkEncryption e : values()) {
            // a fixed-length cipher (3DES, NULL, ChaCha20) matches whatever Key Length a peer added
            if (e.transformId == spec.transformId() && (e.keyBits == spec.keyBits() || e.keyBits == 0)) {
                return e;
            }
        }
        return null;
    }
}
