package io.ikescope.config.strongswan;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * strongSwan identities (identification.c identification_create_from_string, 5.9) in the model's one spelling so
 * that IDs written differently by two files compare equal: an FQDN is "@host" (strongSwan writes "host" or
 * "@host" or "fqdn:host"), an e-mail address and a DN as written, an IP address as a literal, "%any" for the
 * wildcard. Matching follows identification_t.matches: equal, a leading "*" wildcard, or the owner %any.
 */
final class StrongswanIds {

    static final String ANY = "%any";

    /** strongSwan's id_match_t order: NONE < ANY < wildcards < PERFECT. */
    static final int MATCH_NONE = 0;
    static final int MATCH_ANY = 1;
    static final int MATCH_WILDCARD = 2;
    static final int MATCH_PERFECT = 3;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private StrongswanIds() {
    }

    static String canonical(String written) {
        String id = written.trim();
        if (id.isEmpty() || id.equalsIgnoreCase("%any") || id.equalsIgnoreCase("%any6")) {
            return ANY;
        }
        String lower = id.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"ipv4:", "ipv6:", "email:", "rfc822:", "asn1dn:"}) {
            if (lower.startsWith(prefix)) {
                return id.substring(prefix.length());
            }
        }
        if (lower.startsWith("fqdn:")) {
            return "@" + id.substring(5);
        }
        if (id.startsWith("@") && !id.startsWith("@#") && !id.startsWith("@@")) {
            return "@" + id.substring(1);
        }
        if (id.startsWith("@@")) {
            return id.substring(2); // "@@user@host" is an RFC 822 address
        }
        if (id.contains("=") || id.contains("@") || id.startsWith("@#") || id.contains(":") && !isIp(id)) {
            return id;
        }
        return isIp(id) ? id : "@" + id;
    }

    static boolean isIp(String text) {
        return IPV4.matcher(text).matches() || IPV6.matcher(text).matches() && text.contains(":");
    }

    /** How well the identity {@code id} matches a secret's {@code owner} (both canonical). */
    static int match(String id, String owner) {
        if (owner.equals(ANY)) {
            return MATCH_ANY;
        }
        if (id == null || id.equals(ANY)) {
            return MATCH_NONE;
        }
        if (caseInsensitive(owner) ? id.equalsIgnoreCase(owner) : id.equals(owner)) {
            return MATCH_PERFECT;
        }
        String bare = owner.startsWith("@") ? owner.substring(1) : owner;
        if (bare.startsWith("*")) {
            String suffix = bare.substring(1).toLowerCase(Locale.ROOT);
            String candidate = (id.startsWith("@") ? id.substring(1) : id).toLowerCase(Locale.ROOT);
            if (candidate.endsWith(suffix)) {
                return MATCH_WILDCARD;
            }
        }
        return MATCH_NONE;
    }

    /** FQDNs and e-mail addresses compare without case (identification.c equals_strcasecmp). */
    private static boolean caseInsensitive(String id) {
        return id.startsWith("@") || id.contains("@") && !id.contains("=");
    }
}
