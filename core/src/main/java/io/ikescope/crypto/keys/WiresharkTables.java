package io.ikescope.crypto.keys;

import io.ikescope.crypto.Ikev1Keys;
import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.crypto.KeyRing;
import io.ikescope.wire.Bytes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes key sets as Wireshark's {@code ikev1_decryption_table} and {@code ikev2_decryption_table} (UAT files
 * for a Wireshark profile directory): unquoted lower-case hex, algorithm names quoted as Wireshark spells them,
 * each row preceded by a comment naming where its keys came from (Wireshark skips comment lines).
 *
 * <p>A key set becomes a row only when everything Wireshark needs is known; otherwise it is skipped and the
 * reason listed: IKEv2 SPIs or an IKEv1 initiator cookie unknown (after the resolver had its chance), IKEv2
 * algorithms neither named by the source, nor resolved, nor fixed by the key lengths alone
 * ({@link AlgorithmInference}), or an algorithm Wireshark cannot decrypt (ChaCha20-Poly1305). Wireshark holds
 * one key per IKEv1 initiator cookie: a second, different key for the same cookie (peers whose pre-shared keys
 * differ) is skipped too.
 */
public final class WiresharkTables {
    public static final String IKEV1_FILE = "ikev1_decryption_table";
    public static final String IKEV2_FILE = "ikev2_decryption_table";

    /** The two tables' text, their row counts, and one message per key set left out. */
    public record Tables(String ikev1, String ikev2, int ikev1Rows, int ikev2Rows, List<String> skipped) {
        public Tables {
            skipped = List.copyOf(skipped);
        }
    }

    private WiresharkTables() {
    }

    public static Tables write(KeyRing ring, KeySetResolver resolver) {
        List<String> skipped = new ArrayList<>();
        StringBuilder v1 = new StringBuilder("# " + IKEV1_FILE + " written by ikescope keys\n"
                + "# initiator cookie,encryption key\n");
        StringBuilder v2 = new StringBuilder("# " + IKEV2_FILE + " written by ikescope keys\n"
                + "# SPIi,SPIr,SK_ei,SK_er,\"encryption algorithm\",SK_ai,SK_ar,\"integrity algorithm\"\n");
        int v1Rows = 0;
        Map<Bytes, Ikev1Keys> byCookie = new HashMap<>();
        for (Ikev1Keys given : ring.ikev1()) {
            Ikev1Keys keys = resolver.resolve(given);
            if (keys.cookieI() == null) {
                skipped.add(keys.origin() + ": IKEv1 key skipped: its initiator cookie is unknown");
                continue;
            }
            Ikev1Keys first = byCookie.putIfAbsent(keys.cookieI(), keys);
            if (first != null) {
                if (!first.encryptionKey().equals(keys.encryptionKey())) {
                    skipped.add(keys.origin() + ": IKEv1 key skipped: Wireshark holds one key per initiator cookie"
                            + " and " + first.origin() + " gave another for " + keys.cookieI().hex()
                            + " (the peers derived different keys: their pre-shared keys differ?)");
                }
                continue;
            }
            v1.append("# ").append(keys.origin()).append('\n')
                    .append(keys.cookieI().hex()).append(',').append(keys.encryptionKey().hex()).append('\n');
            v1Rows++;
        }
        int v2Rows = 0;
        for (Ikev2Keys given : ring.ikev2()) {
            Ikev2Keys keys = resolver.resolve(given);
            String row = ikev2Row(keys, skipped);
            if (row != null) {
                v2.append(row);
                v2Rows++;
            }
        }
        return new Tables(v1.toString(), v2.toString(), v1Rows, v2Rows, skipped);
    }

    /** The comment and row of one IKEv2 key set, or null after adding why it cannot be written. */
    private static String ikev2Row(Ikev2Keys keys, List<String> skipped) {
        String skip = keys.origin() + ": IKEv2 key set skipped: ";
        if (keys.spiI() == null || keys.spiR() == null) {
            skipped.add(skip + "its SPIs are unknown (its source does not tie it to an IKE SA)");
            return null;
        }
        WiresharkEncryption encryption = keys.encryption() == null ? null : WiresharkEncryption.of(keys.encryption());
        WiresharkIntegrity integrity = keys.integrity() == null ? null : WiresharkIntegrity.of(keys.integrity());
        String note = "";
        if (keys.encryption() == null || keys.integrity() == null) {
            AlgorithmInference.Candidates fit = AlgorithmInference.candidates(keys.skEi(), keys.skAi());
            boolean encryptionOpen = keys.encryption() == null && fit.encryption().size() != 1;
            boolean integrityOpen = keys.integrity() == null && fit.integrity().size() != 1;
            if (encryptionOpen || integrityOpen) {
                skipped.add(skip + "its source names no algorithms and the key lengths (SK_ei " + keys.skEi().length()
                        + " bytes, SK_ai " + keys.skAi().length() + ") fit " + fit.describe()
                        + "; give the capture (--capture) to take them from its IKE_SA_INIT");
                return null;
            }
            encryption = keys.encryption() == null ? fit.encryption().get(0) : encryption;
            integrity = keys.integrity() == null ? fit.integrity().get(0) : integrity;
            note = " (algorithms inferred from the key lengths)";
        }
        if (encryption == null || !encryption.wiresharkKnows()) {
            skipped.add(skip + (encryption == null ? "encryption transform " + keys.encryption().transformId()
                    + " (" + keys.encryption().keyBits() + " bits)" : encryption.wiresharkName())
                    + " is not in Wireshark's IKEv2 decryption table");
            return null;
        }
        if (integrity == null) {
            skipped.add(skip + "integrity transform " + keys.integrity().transformId()
                    + " is not in Wireshark's IKEv2 decryption table");
            return null;
        }
        if (keys.skEi().length() != encryption.keyBytes() || keys.skAi().length() != integrity.keyBytes()) {
            skipped.add(skip + "its key lengths (SK_ei " + keys.skEi().length() + ", SK_ai " + keys.skAi().length()
                    + " bytes) do not fit " + encryption.wiresharkName() + " with " + integrity.wiresharkName());
            return null;
        }
        return "# " + keys.origin() + note + "\n"
                + keys.spiI().hex() + ',' + keys.spiR().hex() + ',' + keys.skEi().hex() + ',' + keys.skEr().hex()
                + ",\"" + encryption.wiresharkName() + "\"," + keys.skAi().hex() + ',' + keys.skAr().hex()
                + ",\"" + integrity.wiresharkName() + "\"\n";
    }
}
