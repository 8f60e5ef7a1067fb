package io.ikescope.config.strongswan;

import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Origin;
import java.util.List;
import java.util.Locale;

/**
 * strongSwan authentication keywords to the model's method names: swanctl.conf(5) {@code auth} (pubkey, rsa,
 * ecdsa, ed25519, ed448, bliss, each optionally with signature constraints such as "rsa/pss-sha256" or an
 * "ike:" prefix; psk; eap[-type]; xauth[-backend]) and ipsec.conf(5) {@code leftauth}/{@code authby}.
 */
final class AuthMethods {

    private AuthMethods() {
    }

    static String swanctl(String written, Origin origin, List<ConfigWarning> warnings) {
        String text = written.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("ike:")) {
            text = text.substring(4);
        }
        String head = text.split("[-/:]", 2)[0];
        return switch (head) {
            case "psk", "secret" -> "PSK";
            case "pubkey" -> "PUBKEY";
            case "rsa", "rsasig" -> "RSA-SIG";
            case "ecdsa", "ecdsasig" -> "ECDSA";
            case "ed25519" -> "ED25519";
            case "ed448" -> "ED448";
            case "bliss" -> "BLISS";
            case "eap" -> text.equals("eap") ? "EAP" : "EAP-" + text.substring(4).toUpperCase(Locale.ROOT);
            case "xauth" -> "XAUTH";
            default -> {
                warnings.add(new ConfigWarning(origin, "unknown authentication method '" + written + "'"));
                yield written.trim().toUpperCase(Locale.ROOT);
            }
        };
    }

    /** ipsec.conf authby: the method both ends use (leftauth/rightauth override it per end). */
    static String authby(String written, Origin origin, List<ConfigWarning> warnings) {
        String text = written.trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "secret", "psk" -> "PSK";
            case "pubkey" -> "PUBKEY";
            case "rsasig" -> "RSA-SIG";
            case "ecdsasig" -> "ECDSA";
            case "xauthpsk" -> "XAUTH-PSK";
            case "xauthrsasig" -> "XAUTH-RSA-SIG";
            case "never" -> "NEVER";
            default -> {
                warnings.add(new ConfigWarning(origin, "unknown authby '" + written + "'"));
                yield text.toUpperCase(Locale.ROOT);
            }
        };
    }
}
