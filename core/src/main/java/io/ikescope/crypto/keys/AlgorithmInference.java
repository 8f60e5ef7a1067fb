package io.ikescope.crypto.keys;

import io.ikescope.wire.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Which IKEv2 algorithms a key set's lengths allow, for key sets whose source does not name them (a charon log
 * names no algorithm). Only IANA IKEv2 transforms count, since a real negotiation chose one; an integrity key
 * goes with a non-AEAD cipher, no integrity key with an AEAD cipher. Lengths decide alone for AES-CBC-128/256
 * with HMAC-SHA2-256/384/512 (the usual strongSwan proposals); they cannot tell 3DES from AES-CBC-192, the
 * ICV lengths of AES-GCM/CCM, AES-GCM-256 from ChaCha20-Poly1305, or HMAC-SHA1-96 from HMAC-SHA1-160.
 */
public final class AlgorithmInference {
    private AlgorithmInference() {
    }

    /** The algorithms that fit; the inference holds only when each list has exactly one entry. */
    public record Candidates(List<WiresharkEncryption> encryption, List<WiresharkIntegrity> integrity) {
        public Candidates {
            encryption = List.copyOf(encryption);
            integrity = List.copyOf(integrity);
        }

        public boolean unique() {
            return encryption.size() == 1 && integrity.size() == 1;
        }

        /** E.g. {@code "3DES [RFC2451]" or "AES-CBC-192 [RFC3602]"}, for messages. */
        public String describe() {
            return names(encryption) + " with " + names(integrity);
        }

        private static String names(List<? extends Enum<?>> values) {
            if (values.isEmpty()) {
                return "(none)";
            }
            List<String> names = new ArrayList<>();
            for (Enum<?> v : values) {
                names.add("\"" + (v instanceof WiresharkEncryption e ? e.wiresharkName()
                        : ((WiresharkIntegrity) v).wiresharkName()) + "\"");
            }
            return String.join(" or ", names);
        }
    }

    public static Candidates candidates(Bytes skEi, Bytes skAi) {
        boolean aead = skAi.isEmpty();
        List<WiresharkEncryption> encryption = new ArrayList<>();
        for (WiresharkEncryption e : WiresharkEncryption.values()) {
            boolean pairsWithIntegrity = !e.aead() && e != WiresharkEncryption.NULL;
            if (e.keyBytes() == skEi.length() && pairsWithIntegrity != aead) {
                encryption.add(e);
            }
        }
        List<WiresharkIntegrity> integrity = new ArrayList<>();
        if (aead) {
            integrity.add(WiresharkIntegrity.NONE);
        } else {
            for (WiresharkIntegrity i : WiresharkIntegrity.values()) {
                if (i.ianaTransform() && i != WiresharkIntegrity.NONE && i.keyBytes() == skAi.length()) {
                    integrity.add(i);
                }
            }
        }
        return new Candidates(encryption, integrity);
    }
}
