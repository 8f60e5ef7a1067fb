package io.ikescope.config.fortios;

/**
 * What FortiOS uses when a {@code set} is absent ({@code show} prints only values that differ from these). Source:
 * FortiOS 7.2 CLI Reference, {@code config vpn ipsec phase1-interface} and {@code config vpn ipsec
 * phase2-interface}, the Default column of each option (docs.fortinet.com/document/fortigate/7.2.0/cli-reference).
 * Fortinet's own terraform-provider-fortios documents a fresh entry with exactly these values
 * (website/docs/r/fortios_vpnipsec_phase1interface and _phase2interface: ike_version "1", mode "main",
 * peertype "any", dhgrp "14 5", keylife 86400, nattraversal/fragmentation "enable", dpd "on-demand"; pfs "enable",
 * keylifeseconds 43200, replay "enable", auto_negotiate "disable", subnets "0.0.0.0 0.0.0.0"). {@code proposal} is
 * a required option there, so {@code show} always prints it; the lists below are the values a new entry starts
 * with, used for a hand-written script that leaves it out.
 */
final class FortiDefaults {
    private FortiDefaults() {
    }

    static final String VERSION = "FortiOS 7.2";

    static String phase1(String option) {
        return VERSION + " default of phase1-interface '" + option + "'";
    }

    /** The proposal list a new entry starts with (the option is required, so FortiOS always has one). */
    static String initial(String table) {
        return VERSION + " initial proposal of a new " + table;
    }

    static String phase2(String option) {
        return VERSION + " default of phase2-interface '" + option + "'";
    }

    static final String IKE_VERSION = "1";
    static final String MODE = "main";
    static final String TYPE = "static";
    static final String PEERTYPE = "any";
    static final String AUTHMETHOD = "psk";
    static final String PHASE1_PROPOSAL = "aes128-sha256 aes256-sha256 aes128-sha1 aes256-sha1";
    static final String DHGRP = "14 5";
    static final long KEYLIFE = 86400;
    static final String NATTRAVERSAL = "enable";
    static final String FRAGMENTATION = "enable";
    static final String DPD = "on-demand";

    static final String PHASE2_PROPOSAL =
            "aes128-sha1 aes256-sha1 aes128-sha256 aes256-sha256 aes128gcm aes256gcm chacha20poly1305";
    static final String PFS = "enable";
    static final long KEYLIFESECONDS = 43200;
    static final String KEYLIFE_TYPE = "seconds";
    static final String REPLAY = "enable";
    static final String AUTO_NEGOTIATE = "disable";
    static final String ENCAPSULATION = "tunnel-mode";
    static final String ADDR_TYPE = "subnet";
    static final String SUBNET = "0.0.0.0 0.0.0.0";
    static final String SUBNET6 = "::/0";
}
