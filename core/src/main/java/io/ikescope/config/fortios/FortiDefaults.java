package io.ikescope.config.fortios;

/**
 * What FortiOS uses when a {@code set} is absent ({@code show} prints only values that differ from these). Source:
 * FortiOS 7.2 CLI Reference, {@code config vpn ipsec phase1-interface} and {@code config vpn ipsec
 * phase2-interface}, the Default column of each option (docs.fortinet.com/document/fortigate/7.2.0/cli-reference);
 * the same values appear in the reference's sample output ({@code set dhgrp 14 5}, {@code set keylife 86400},
 * {@code set keylifeseconds 43200}).
 */
final class FortiDefaults {
    private FortiDefaults() {
    }

    static final String VERSION = "FortiOS 7.2";

    static String phase1(String option) {
        return VERSION + " default of phase1-interface '" + option + "'";
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
