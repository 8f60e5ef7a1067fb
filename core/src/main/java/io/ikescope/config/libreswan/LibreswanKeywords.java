package io.ikescope.config.libreswan;

import java.util.Map;
import java.util.Set;

/**
 * The keywords of libreswan 4.10's ipsec.conf (lib/libipsecconf/keywords.c), sorted into those ikescope reads and
 * those it knows and ignores because they do not change what the check predicts (logging, daemon tuning, kernel
 * and routing details, XAUTH/ModeConfig, DPD, certificates' storage). Anything else is unknown: pluto refuses a file
 * with an unknown keyword, ikescope warns. Keywords starting with {@code x-} or {@code x_} are user comments
 * (keywords.c), skipped. Data tables.
 */
final class LibreswanKeywords {

    /** Obsolete or alternative spellings -> the name this reader uses. */
    static final Map<String, String> ALIASES = Map.of(
            "keylife", "salifetime",
            "lifetime", "salifetime",
            "ipsec-lifetime", "salifetime",
            "phase2alg", "esp",
            "aggrmode", "aggressive",
            "remote_peer_type", "remote-peer-type",
            "virtual_private", "virtual-private",
            "secctx-attr-type", "ikev1-secctx-attr-type");

    /** conn keywords read into the model (left/right ones are in {@link #READ_END}). */
    static final Set<String> READ_CONN = Set.of(
            "also", "auto", "type", "authby", "keyexchange", "ikev2", "ike", "esp", "ah", "phase2", "pfs",
            "ikelifetime", "salifetime", "rekey", "rekeymargin", "encapsulation", "forceencaps",
            "aggressive", "narrowing", "fragmentation", "esn");

    /** left/right keywords read, without the left/right prefix ("" is left= itself). */
    static final Set<String> READ_END = Set.of("", "id", "subnet", "subnets", "auth", "protoport");

    /** config setup keywords read. */
    static final Set<String> READ_SETUP = Set.of("ikev1-policy");

    /** conn keywords known and ignored. */
    static final Set<String> IGNORED_CONN = Set.of(
            "alsoflip", "hostaddrfamily", "clientaddrfamily", "ppk", "intermediate", "decap-dscp", "nopmtudisc",
            "mobike", "pam-authorize", "send-redirect", "redirect-to", "accept-redirect", "accept-redirect-to",
            "nat-keepalive", "initial-contact", "cisco-unity", "send-no-esp-tfc", "fake-strongswan",
            "send-vendorid", "sha2-truncbug", "ms-dh-downgrade", "require-id-on-certificate", "dns-match-id",
            "ipsec-max-bytes", "ipsec-max-packets", "retransmit-timeout", "retransmit-interval", "ikepad",
            "nat-ikev1-method", "policy-label", "sec-label", "remote-peer-type", "nm-configured", "xauthby",
            "xauthfail", "modecfgpull", "modecfgdns", "modecfgdomains", "modecfgbanner", "ignore-peer-dns", "mark",
            "mark-in", "mark-out", "vti-interface", "vti-routing", "vti-shared", "ipsec-interface", "nic-offload",
            "overlapip", "reauth", "rekeyfuzz", "keyingtries", "replay-window", "failureshunt", "negotiationshunt",
            "enable-tcp",
            "tcp-remoteport", "connalias", "compress", "metric", "dpddelay", "dpdtimeout", "dpdaction", "sendca",
            "mtu", "priority", "tfc", "reqid", "nflog");

    /** left/right keywords known and ignored (without the prefix). */
    static final Set<String> IGNORED_END = Set.of(
            "sourceip", "ikeport", "interface-ip", "vti", "nexthop", "updown", "rsasigkey", "ecdsakey", "pubkey",
            "cert", "ckaid", "sendcert", "ca", "xauthserver", "xauthclient", "modecfgserver", "modecfgclient",
            "username", "xauthusername", "addresspool", "cat", "autheap");

    /** config setup keywords known and ignored. */
    static final Set<String> IGNORED_SETUP = Set.of(
            "curl-iface", "curl-timeout", "myvendorid", "syslog", "plutodebug", "logfile", "plutostderrlog",
            "logtime", "logappend", "logip", "audit-log", "dnssec-enable", "dnssec-rootkey-file", "dnssec-anchors",
            "dumpdir", "ipsecdir", "nssdir", "secretsfile", "statsbin", "uniqueids", "shuntlifetime",
            "global-redirect", "global-redirect-to", "crl-strict", "crlcheckinterval", "ocsp-strict", "ocsp-enable",
            "ocsp-uri", "ocsp-timeout", "ocsp-trustname", "ocsp-cache-size", "ocsp-cache-min-age",
            "ocsp-cache-max-age", "ocsp-method", "ddos-mode", "seccomp", "ddos-ike-threshold", "max-halfopen-ike",
            "ike-socket-bufsize", "ike-socket-errqueue", "nflog-all", "xfrmlifetime", "virtual-private", "seedbits",
            "keep-alive", "listen-tcp", "listen-udp", "listen", "protostack", "nhelpers", "drop-oppo-null",
            "ikev1-secctx-attr-type", "interfaces");

    enum Use { READ, IGNORED, COMMENT, UNKNOWN }

    private LibreswanKeywords() {
    }

    static String canonical(String key) {
        String end = endPrefix(key);
        if (end != null) {
            String rest = key.substring(end.length());
            return end + ALIASES.getOrDefault(rest, rest);
        }
        return ALIASES.getOrDefault(key, key);
    }

    /** "left" or "right" when the keyword is one of an end's, else null. */
    static String endPrefix(String key) {
        for (String side : new String[] {"left", "right"}) {
            if (key.startsWith(side)) {
                String rest = key.substring(side.length());
                if (READ_END.contains(rest) || IGNORED_END.contains(rest)) {
                    return side;
                }
            }
        }
        return null;
    }

    static Use conn(String canonicalKey) {
        if (isComment(canonicalKey)) {
            return Use.COMMENT;
        }
        String end = endPrefix(canonicalKey);
        if (end != null) {
            return READ_END.contains(canonicalKey.substring(end.length())) ? Use.READ : Use.IGNORED;
        }
        if (READ_CONN.contains(canonicalKey)) {
            return Use.READ;
        }
        return IGNORED_CONN.contains(canonicalKey) ? Use.IGNORED : Use.UNKNOWN;
    }

    static Use setup(String canonicalKey) {
        if (isComment(canonicalKey)) {
            return Use.COMMENT;
        }
        if (READ_SETUP.contains(canonicalKey)) {
            return Use.READ;
        }
        return IGNORED_SETUP.contains(canonicalKey) ? Use.IGNORED : Use.UNKNOWN;
    }

    private static boolean isComment(String key) {
        return key.startsWith("x-") || key.startsWith("x_");
    }
}
