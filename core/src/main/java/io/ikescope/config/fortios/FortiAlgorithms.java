package io.ikescope.config.fortios;

import io.ikescope.config.HashTransforms;
import java.util.List;
import java.util.Map;

/**
 * FortiOS proposal keywords as the project's contract names them (the names
 * {@code io.ikescope.session.AlgorithmNames} derives from the IANA registries; a test holds the two together).
 * Keywords: FortiOS 7.2 CLI Reference, {@code config vpn ipsec phase1-interface} / {@code phase2-interface},
 * {@code set proposal}: a cipher and a hash joined by '-' ("aes128-sha256"), an AEAD cipher alone in phase 2
 * ("aes256gcm") or with its PRF in phase 1 ("aes256gcm-prfsha384").
 */
final class FortiAlgorithms {
    private FortiAlgorithms() {
    }

    /** The cipher part of a proposal keyword. */
    static final Map<String, String> ENCRYPTION = Map.ofEntries(
            Map.entry("null", "NULL"),
            Map.entry("des", "DES"),
            Map.entry("3des", "3DES"),
            Map.entry("aes128", "AES-CBC-128"),
            Map.entry("aes192", "AES-CBC-192"),
            Map.entry("aes256", "AES-CBC-256"),
            Map.entry("aria128", "ARIA-CBC-128"),
            Map.entry("aria192", "ARIA-CBC-192"),
            Map.entry("aria256", "ARIA-CBC-256"),
            Map.entry("seed", "SEED-CBC"),
            Map.entry("aes128gcm", "AES-GCM-128-16"),
            Map.entry("aes256gcm", "AES-GCM-256-16"),
            Map.entry("chacha20poly1305", "CHACHA20-POLY1305"));

    /** Ciphers that authenticate: no hash follows them (phase 2) or a PRF does (phase 1). */
    static final List<String> AEAD = List.of("aes128gcm", "aes256gcm", "chacha20poly1305");

    /** The hash part as an integrity transform (IKE and ESP truncate alike: RFC 2404, RFC 4868). */
    static final Map<String, String> INTEGRITY = HashTransforms.INTEGRITY;

    /** The hash part as the IKE PRF (FortiOS uses the proposal's hash as PRF, or the "prfHASH" of an AEAD). */
    static final Map<String, String> PRF = HashTransforms.PRF;

    /** {@code set dhgrp}: IANA group numbers, the values FortiOS 7.2 documents. */
    static final List<Integer> DH_GROUPS = List.of(1, 2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 27, 28, 29, 30, 31, 32);

    /** One phase 1 proposal keyword as cipher, integrity (null for AEAD) and PRF; null when not a keyword. */
    static String[] phase1(String keyword) {
        int dash = keyword.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String cipher = keyword.substring(0, dash);
        String hash = keyword.substring(dash + 1);
        if (!ENCRYPTION.containsKey(cipher) || cipher.equals("null")) {
            return null;
        }
        if (AEAD.contains(cipher)) {
            if (!hash.startsWith("prf") || !PRF.containsKey(hash.substring(3))) {
                return null;
            }
            return new String[] {ENCRYPTION.get(cipher), null, PRF.get(hash.substring(3))};
        }
        if (!INTEGRITY.containsKey(hash)) {
            return null;
        }
        return new String[] {ENCRYPTION.get(cipher), INTEGRITY.get(hash), PRF.get(hash)};
    }

    /** One phase 2 proposal keyword as cipher and integrity (null for AEAD or "-null"); null when not a keyword. */
    static String[] phase2(String keyword) {
        if (AEAD.contains(keyword)) {
            return new String[] {ENCRYPTION.get(keyword), null};
        }
        int dash = keyword.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String cipher = keyword.substring(0, dash);
        String hash = keyword.substring(dash + 1);
        if (!ENCRYPTION.containsKey(cipher) || AEAD.contains(cipher)) {
            return null;
        }
        if (hash.equals("null")) {
            // "null-null" would protect nothing: FortiOS refuses it
            return cipher.equals("null") ? null : new String[] {ENCRYPTION.get(cipher), null};
        }
        return INTEGRITY.containsKey(hash) ? new String[] {ENCRYPTION.get(cipher), INTEGRITY.get(hash)} : null;
    }
}
