package io.ikescope.config.libreswan;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a file's first KB are libreswan's ipsec.conf rather than strongSwan's (which shares the format). Asked
 * before the strongSwan ipsec.conf reader, so it says yes only on evidence:
 * <ol>
 *   <li>the first non-blank line is a comment that starts with "libreswan" (the lab's files: "# libreswan (pluto
 *       4.10) ..."); or</li>
 *   <li>the text has ipsec.conf's structure ({@code config setup} or {@code conn NAME} in the first column), at
 *       least one keyword or value only libreswan has ({@link #LIBRESWAN_ONLY}: ikev2=, phase2alg=, leftsubnets=,
 *       ikev1-policy=, plutodebug=, ...; or an ike=/esp=/phase2alg= value in libreswan's spelling, with "sha2_",
 *       "aes_gcm", "aes_ctr", "chacha20_poly1305" or a ';' before the DH group), and none only strongSwan has
 *       ({@link #STRONGSWAN_ONLY}: charondebug=, leftauth2=, a proposal ending in '!', ...).</li>
 * </ol>
 */
final class LibreswanDetection {

    /** Keywords strongSwan's ipsec.conf does not have (libreswan 4.10 keywords.c vs strongSwan 5.9 ipsec.conf(5)). */
    static final Set<String> LIBRESWAN_ONLY = Set.of("ikev2", "phase2alg", "phase2", "leftsubnets", "rightsubnets",
            "encapsulation", "narrowing", "salifetime", "retransmit-interval", "retransmit-timeout", "ikev1-policy",
            "plutodebug", "logtime", "logappend", "logip", "nssdir", "protostack", "virtual-private",
            "virtual_private", "nat-ikev1-method", "ikepad", "sha2-truncbug", "nic-offload", "ipsec-interface",
            "leftrsasigkey2", "ddos-mode", "seccomp", "listen-tcp", "enable-tcp", "pam-authorize", "send-redirect",
            "accept-redirect", "leftckaid", "rightckaid", "plutostderrlog", "dnssec-enable");

    /** Keywords libreswan's ipsec.conf does not have. */
    static final Set<String> STRONGSWAN_ONLY = Set.of("charondebug", "charonstart", "cachecrls", "strictcrlpolicy",
            "leftauth2", "rightauth2", "leftfirewall", "rightfirewall", "leftallowany", "rightallowany",
            "eap_identity", "aaa_identity", "installpolicy", "mediation", "mediated_by", "leftsigkey", "rightsigkey",
            "leftgroups", "rightgroups", "lefthostaccess", "righthostaccess", "closeaction", "inactivity",
            "me_peerid", "leftdns", "rightdns", "sha256_96");

    private static final Pattern SETTING = Pattern.compile("^[ \\t]+([A-Za-z0-9_-]+)[ \\t]*=[ \\t]*\"?([^\"#\\s]*)",
            Pattern.MULTILINE);
    private static final Pattern STRUCTURE = Pattern.compile("^(config[ \\t]+setup|conn[ \\t]+\\S+)[ \\t]*(#.*)?$",
            Pattern.MULTILINE);
    private static final Pattern LIBRESWAN_PROPOSAL = Pattern.compile("sha2_|aes_gcm|aes_ctr|aes_ccm"
            + "|chacha20_poly1305|;");

    private LibreswanDetection() {
    }

    static boolean looksLikeLibreswan(String head) {
        for (String line : head.split("\r?\n")) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("#") && t.substring(1).strip().toLowerCase(Locale.ROOT).startsWith("libreswan")) {
                return true;
            }
            break;
        }
        String text = head.replace("\r", "");
        if (!STRUCTURE.matcher(text).find()) {
            return false;
        }
        boolean libreswan = false;
        Matcher m = SETTING.matcher(text);
        while (m.find()) {
            String key = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2).toLowerCase(Locale.ROOT);
            if (STRONGSWAN_ONLY.contains(key)) {
                return false;
            }
            boolean proposal = key.equals("ike") || key.equals("esp") || key.equals("phase2alg") || key.equals("ah");
            if (proposal && value.endsWith("!")) {
                return false; // strongSwan's strict-proposal marker
            }
            if (LIBRESWAN_ONLY.contains(key) || proposal && LIBRESWAN_PROPOSAL.matcher(value).find()) {
                libreswan = true;
            }
        }
        return libreswan;
    }
}
