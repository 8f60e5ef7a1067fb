package io.ikescope.crypto.keys;

import io.ikescope.wire.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a charon log dumped for one IKE SA besides the keys that decrypt it: the values a pre-shared key check
 * recomputes candidates against. All of them are secrets: {@link #toString()} names which are present, never
 * their bytes, and nothing prints them.
 *
 * @param ikeVersion    1 or 2
 * @param spiI          initiator SPI / cookie
 * @param spiR          responder SPI / cookie
 * @param dhSecret      the {@code shared Diffie Hellman secret} (g^xy), or null
 * @param skeyid        IKEv1 {@code SKEYID}, or null
 * @param skPi          IKEv2 {@code Sk_pi}, or null
 * @param skPr          IKEv2 {@code Sk_pr}, or null
 * @param encryptionKey IKEv1 {@code encryption key Ka}, or null: it tells whose messages the set belongs to
 * @param origin        file and line where the set began, for messages
 */
public record LoggedSecrets(int ikeVersion, Bytes spiI, Bytes spiR, Bytes dhSecret, Bytes skeyid, Bytes skPi,
                            Bytes skPr, Bytes encryptionKey, String origin) {
    /** The secrets among a key set's dumps (by the charon log's dump names), or null when there are none. */
    static LoggedSecrets fromDumps(int version, Bytes spiI, Bytes spiR, Map<String, Bytes> dumps, String origin) {
        Bytes dh = dumps.get(CharonLogReader.DH_SECRET);
        Bytes skeyid = dumps.get(CharonLogReader.SKEYID);
        Bytes pi = dumps.get(CharonLogReader.SK_PI);
        Bytes pr = dumps.get(CharonLogReader.SK_PR);
        boolean prfKeys = pi != null && pr != null;
        if (dh == null && skeyid == null && !prfKeys) {
            return null;
        }
        return new LoggedSecrets(version, spiI, spiR, dh, skeyid, prfKeys ? pi : null, prfKeys ? pr : null,
                dumps.get(CharonLogReader.KA), origin);
    }

    /** Whether this set belongs to the IKE SA with these SPIs. */
    public boolean isFor(int version, Bytes initiatorSpi, Bytes responderSpi) {
        return ikeVersion == version && spiI.equals(initiatorSpi) && spiR.equals(responderSpi);
    }

    @Override
    public String toString() {
        List<String> present = new ArrayList<>();
        if (dhSecret != null) {
            present.add("DH secret");
        }
        if (skeyid != null) {
            present.add("SKEYID");
        }
        if (skPi != null && skPr != null) {
            present.add("SK_pi/SK_pr");
        }
        if (encryptionKey != null) {
            present.add("Ka");
        }
        return "IKEv" + ikeVersion + " secrets " + present + " for " + spiI.hex() + "_i " + spiR.hex() + "_r ("
                + origin + ")";
    }
}
