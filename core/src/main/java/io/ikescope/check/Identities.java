package io.ikescope.check;

import java.util.Locale;

/**
 * Whether the identity one end sends is the one the other expects, as strongSwan compares them
 * (src/libstrongswan/utils/identification.c): "%any" matches everything, FQDN and e-mail identities compare
 * case-insensitively, a leading "@" marks an FQDN and is not part of it (libreswan writes the same), "*" in a
 * value is a wildcard (strongSwan's wildcard identities, "*.example.com" or "CN=*" in a DN), and a DN compares
 * RDN by RDN without the spaces around separators.
 */
final class Identities {
    private static final int MAX_LENGTH = 1024;

    private Identities() {
    }

    static boolean isAny(String id) {
        if (id == null) {
            return false;
        }
        String t = id.trim();
        return t.equals("%any") || t.equals("%any6") || t.equals("*") || t.isEmpty();
    }

    /**
     * @param expected what the receiving end expects (its remote id); null: the sender's address
     * @param sent     what the sender sends (its local id); null: its address
     * @param senderAddress the sender's address when a file says it, for null ids; may be null
     */
    static boolean matches(String expected, String sent, String senderAddress) {
        if (isAny(expected)) {
            return true;
        }
        String e = expected == null ? senderAddress : expected;
        String s = sent == null ? senderAddress : sent;
        if (e == null || s == null) {
            // an address identity on a side whose address no file gives: cannot be told, not held against it
            return true;
        }
        String ne = normalise(e);
        String ns = normalise(s);
        if (ne.length() > MAX_LENGTH || ns.length() > MAX_LENGTH) {
            return ne.equals(ns);
        }
        return ne.contains("*") ? glob(ne, ns) : ne.equals(ns);
    }

    /** The identity as compared: "@host" and "host" are the same FQDN; DNs lose the blanks around separators. */
    static String normalise(String id) {
        String t = id.trim();
        if (t.startsWith("\"") && t.endsWith("\"") && t.length() >= 2) {
            t = t.substring(1, t.length() - 1).trim();
        }
        if (t.startsWith("@") && !t.startsWith("@#")) {
            t = t.substring(t.startsWith("@@") ? 2 : 1);
        }
        if (t.contains("=")) {
            t = t.replaceAll("\\s*([,=/])\\s*", "$1");
        }
        return t.toLowerCase(Locale.ROOT);
    }

    /** '*' matches any run of characters; iterative, linear in practice, no recursion on input. */
    private static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
