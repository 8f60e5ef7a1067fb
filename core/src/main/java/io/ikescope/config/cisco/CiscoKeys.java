package io.ikescope.config.cisco;

import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Origin;
import io.ikescope.config.PskDigest;
import io.ikescope.config.Setting;
import java.util.List;

/**
 * Pre-shared keys as IOS writes them: a plain key, or "0 KEY" (plain, said explicitly), "6 KEY" (AES-encrypted
 * under the router's master key, "password encryption aes") or "7 KEY" ("service password-encryption"). An
 * encrypted key cannot be compared with the peer's: its digest is taken over a marker and the encrypted text, so
 * it never equals the digest of a plain key (nor of the same key encrypted with another salt or master key), and
 * a warning says so. The key text itself goes nowhere but into the digest.
 */
final class CiscoKeys {
    private CiscoKeys() {
    }

    /** Words taken by a key read at {@code index} of {@code line}: 1 for a plain key, 2 with a type number. */
    static int width(CiscoLine line, int index) {
        String first = line.word(index);
        return isType(first) && isKeyText(line.word(index + 1)) ? 2 : 1;
    }

    /**
     * The key at word {@code index} (a type number and the key, or the key alone), or a setting with a null value
     * when the line has no key there.
     */
    static Setting<PskDigest> read(CiscoLine line, int index, String file, List<ConfigWarning> warnings) {
        Origin origin = line.origin(file);
        String first = line.word(index);
        if (first == null) {
            return Setting.of(null, origin);
        }
        String second = line.word(index + 1);
        if (isType(first) && isKeyText(second)) {
            if (first.equals("0")) {
                return Setting.of(PskDigest.of(second), origin);
            }
            warnings.add(new ConfigWarning(origin, "pre-shared key of type " + first + " ("
                    + (first.equals("6") ? "AES-encrypted" : "type-7 obscured")
                    + "): set, but it cannot be compared with the peer's key; its digest matches only the same"
                    + " encrypted text"));
            return Setting.of(PskDigest.of("cisco-encrypted-key-type-" + first + ":" + second), origin);
        }
        return Setting.of(PskDigest.of(first), origin);
    }

    /** "crypto isakmp key 7 address A": the 7 is the key, "address" the next keyword. */
    private static boolean isKeyText(String word) {
        return word != null && !word.equalsIgnoreCase("address") && !word.equalsIgnoreCase("hostname");
    }

    private static boolean isType(String word) {
        return word != null && (word.equals("0") || word.equals("6") || word.equals("7"));
    }
}
