package io.ikescope.crypto.keys;

import io.ikescope.crypto.Ikev1Keys;
import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.crypto.KeyRing;
import io.ikescope.wire.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Collects key sets from every source, in order, merging the copies of one set.
 *
 * <ul>
 * <li>Same keys twice (both peers log every IKE SA's keys; a table and a log hold the same SA): one set,
 *     the first, completed with the SPIs and algorithms the other copy names.</li>
 * <li>IKEv2, other keys for SPIs already held: an IKE SA's keys never change, so the later set's SPIs
 *     are wrong (a rekey whose new SA vanished unnamed, or a bad table row); they are dropped with a
 *     warning and the set kept for trial decryption.</li>
 * <li>IKEv1, other keys for the same cookies: both kept. Peers whose pre-shared keys differ derive
 *     different keys for one SA, each encrypting its own messages.</li>
 * </ul>
 */
final class KeyRingBuilder {
    private final List<Ikev1Keys> ikev1 = new ArrayList<>();
    private final List<Ikev2Keys> ikev2 = new ArrayList<>();
    /** For each held IKEv2 set, the SPI pair dropped from it for a conflict (reported once), or null. */
    private final List<String> droppedSpis = new ArrayList<>();
    private final Consumer<String> warnings;

    KeyRingBuilder(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    void addIkev1(Ikev1Keys keys) {
        for (int i = 0; i < ikev1.size(); i++) {
            Ikev1Keys held = ikev1.get(i);
            if (held.encryptionKey().equals(keys.encryptionKey()) && compatible(held.cookieI(), keys.cookieI())
                    && compatible(held.cookieR(), keys.cookieR())) {
                ikev1.set(i, new Ikev1Keys(either(held.cookieI(), keys.cookieI()), either(held.cookieR(),
                        keys.cookieR()), held.encryptionKey(), held.origin()));
                return;
            }
        }
        ikev1.add(keys);
    }

    void addIkev2(Ikev2Keys keys) {
        for (int i = 0; i < ikev2.size(); i++) {
            Ikev2Keys held = ikev2.get(i);
            if (sameKeys(held, keys) && compatible(held.spiI(), keys.spiI()) && compatible(held.spiR(), keys.spiR())) {
                Ikev2Keys merged = new Ikev2Keys(either(held.spiI(), keys.spiI()), either(held.spiR(), keys.spiR()),
                        held.skEi(), held.skEr(), held.skAi(), held.skAr(),
                        held.encryption() != null ? held.encryption() : keys.encryption(),
                        held.integrity() != null ? held.integrity() : keys.integrity(), held.origin());
                if (merged.spiI() != null && spiPair(merged).equals(droppedSpis.get(i))) {
                    return; // another copy of a set whose SPIs conflict: already reported
                }
                ikev2.set(i, withoutConflict(merged, i));
                return;
            }
        }
        ikev2.add(keys);
        droppedSpis.add(null);
        ikev2.set(ikev2.size() - 1, withoutConflict(keys, ikev2.size() - 1));
    }

    KeyRing build() {
        return new KeyRing(ikev1, ikev2);
    }

    /** The set held at {@code self}, or that set without SPIs when another held set has them. */
    private Ikev2Keys withoutConflict(Ikev2Keys keys, int self) {
        if (keys.spiI() == null || keys.spiR() == null) {
            return keys;
        }
        for (int i = 0; i < ikev2.size(); i++) {
            Ikev2Keys held = ikev2.get(i);
            if (i != self && keys.spiI().equals(held.spiI()) && keys.spiR().equals(held.spiR())) {
                warnings.accept(keys.origin() + ": other IKEv2 keys than " + held.origin() + " for SPIs "
                        + spiPair(keys) + "; an IKE SA's keys never change, so this set's SPIs are dropped"
                        + " (decryption tries it on every IKE SA)");
                droppedSpis.set(self, spiPair(keys));
                return new Ikev2Keys(null, null, keys.skEi(), keys.skEr(), keys.skAi(), keys.skAr(),
                        keys.encryption(), keys.integrity(), keys.origin());
            }
        }
        return keys;
    }

    private static String spiPair(Ikev2Keys keys) {
        return keys.spiI().hex() + "_i " + keys.spiR().hex() + "_r";
    }

    private static boolean sameKeys(Ikev2Keys a, Ikev2Keys b) {
        return a.skEi().equals(b.skEi()) && a.skEr().equals(b.skEr()) && a.skAi().equals(b.skAi())
                && a.skAr().equals(b.skAr());
    }

    /** Equal, or one of them unknown. */
    private static boolean compatible(Bytes a, Bytes b) {
        return a == null || b == null || Objects.equals(a, b);
    }

    private static Bytes either(Bytes a, Bytes b) {
        return a != null ? a : b;
    }
}
