package io.ikescope.config.strongswan;

import java.util.Set;

/**
 * The conn keywords of strongSwan's ipsec.conf (src/starter/keywords.txt, 5.9.8) by what the reader does with
 * them, as {@link SwanctlKeywords} does for swanctl.conf; {@link #REMOVED} are the keywords starter knows only to
 * reject as deprecated (it logs them and ignores them).
 */
final class StrokeKeywords {

    static final Set<String> READ = Set.of("also", "left", "right", "leftid", "rightid", "leftsubnet",
            "rightsubnet", "leftprotoport", "rightprotoport", "leftauth", "rightauth", "leftauth2", "rightauth2",
            "authby", "keyexchange", "aggressive", "ike", "esp", "ah", "ikelifetime", "lifetime", "keylife",
            "rekeymargin", "margintime", "forceencaps", "auto", "type", "rekey", "reauth");
    static final Set<String> NOT_MODELLED = Set.of("compress", "mobike", "fragmentation", "ikedscp", "lifebytes",
            "marginbytes", "lifepackets", "marginpackets", "modeconfig", "xauth", "xauth_identity", "eap_identity",
            "aaa_identity", "mediation", "mediated_by", "me_peerid", "leftikeport", "rightikeport",
            "leftsubnetwithin", "rightsubnetwithin", "leftsourceip", "rightsourceip", "leftdns", "rightdns",
            "leftallowany", "rightallowany", "leftid2", "rightid2", "leftcert", "rightcert", "leftcert2",
            "rightcert2", "leftca", "rightca", "leftca2", "rightca2", "leftgroups", "rightgroups", "leftgroups2",
            "rightgroups2", "leftsendcert", "rightsendcert", "leftsigkey", "rightsigkey", "leftrsasigkey",
            "rightrsasigkey", "leftcertpolicy", "rightcertpolicy");
    static final Set<String> LOCAL = Set.of("installpolicy", "dpddelay", "dpdtimeout", "dpdaction", "closeaction",
            "keyingtries", "rekeyfuzz", "inactivity", "reqid", "replay_window", "mark", "mark_in", "mark_out", "tfc",
            "sha256_96", "leftfirewall", "rightfirewall", "lefthostaccess", "righthostaccess", "leftupdown",
            "rightupdown");
    static final Set<String> REMOVED = Set.of("pfs", "pfsgroup", "eap", "leftnexthop", "rightnexthop");

    /**
     * Keywords that only strongSwan's ipsec.conf has (libreswan's pluto does not know them): a file using one
     * is strongSwan's. {@code keyexchange} above all; the others are strongSwan's per-end authentication
     * rounds, its reauthentication and its identities for EAP/XAuth/AAA.
     */
    static final Set<String> STRONGSWAN_ONLY = Set.of("keyexchange", "leftauth", "rightauth", "leftauth2",
            "rightauth2", "reauth", "eap_identity", "aaa_identity", "xauth_identity", "closeaction", "lefthostaccess",
            "righthostaccess", "leftallowany", "rightallowany", "ikedscp", "sha256_96", "leftsigkey", "rightsigkey",
            "leftgroups", "rightgroups", "me_peerid", "charondebug", "margintime", "mark_in", "mark_out");

    /**
     * Keywords only libreswan's ipsec.conf has: a file with one of them is not strongSwan's. The lab's libreswan
     * files use ikev2=, phase2alg= and leftsubnets={...}.
     */
    static final Set<String> LIBRESWAN_ONLY = Set.of("ikev2", "phase2alg", "phase2", "leftsubnets", "rightsubnets",
            "narrowing", "salifetime", "encapsulation", "protostack", "ikev1-policy", "plutodebug", "logfile",
            "logtime", "logappend", "virtual-private", "nat-ikev1-method", "ike-frag", "sareftrack",
            "ikepad", "retransmit-interval", "retransmit-timeout", "nic-offload", "vti-interface", "leftmodecfgserver",
            "rightmodecfgserver", "leftxauthserver", "rightxauthserver", "leftusername", "rightusername");

    private StrokeKeywords() {
    }
}
