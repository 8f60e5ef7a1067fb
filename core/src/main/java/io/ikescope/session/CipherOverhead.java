package io.ikescope.session;

/**
 * Bytes an IKEv2 SK payload spends besides its inner payloads, from the negotiated transforms' readable names, so
 * that the room left for payloads can be bounded without keys. Lower bounds: the room computed with them is an upper
 * bound on what the peer can have sent.
 */
final class CipherOverhead {
    private CipherOverhead() {
    }

    /** Initialisation vector: 16 for AES/Camellia in CBC mode, else 8 (DES family, CTR, CCM, GCM, ChaCha20). */
    static int ivBytes(String encryption) {
        boolean cbc16 = AlgorithmNames.mentions(encryption, "CBC")
                && (AlgorithmNames.mentions(encryption, "AES") || AlgorithmNames.mentions(encryption, "CAMELLIA"));
        return cbc16 ? 16 : 8;
    }

    /**
     * Integrity check value: an AEAD cipher's ICV octets (the number after the key length: AES-GCM-256-16), 16 for
     * ChaCha20-Poly1305 (RFC 7634); else the integrity transform's output bits (HMAC-SHA2-256-128) / 8, 16 for GMAC;
     * 0 when unknown.
     */
    static int icvBytes(String encryption, String integrity) {
        if (encryption != null && (AlgorithmNames.mentions(encryption, "GCM") || AlgorithmNames.mentions(encryption, "CCM"))) {
            return lastNumber(encryption, 0);
        }
        if (AlgorithmNames.mentions(encryption, "POLY1305")) {
            return 16;
        }
        if (integrity == null) {
            return 0;
        }
        if (AlgorithmNames.mentions(integrity, "GMAC")) {
            return 16;
        }
        return lastNumber(integrity, 0) / 8;
    }

    /** Room for inner payloads in an SK payload of {@code skLength} bytes (its 4-byte header and pad-length byte out). */
    static Integer room(int skLength, String encryption, String integrity) {
        if (encryption == null) {
            return null;
        }
        return Math.max(0, skLength - 4 - ivBytes(encryption) - icvBytes(encryption, integrity) - 1);
    }

    private static int lastNumber(String name, int otherwise) {
        String[] tokens = name.split("-");
        String last = tokens[tokens.length - 1];
        return !last.isEmpty() && last.chars().allMatch(Character::isDigit) ? Integer.parseInt(last) : otherwise;
    }
}
