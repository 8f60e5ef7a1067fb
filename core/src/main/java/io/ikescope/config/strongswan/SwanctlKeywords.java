package io.ikescope.config.strongswan;

import java.util.Set;

/**
 * The keywords of swanctl.conf(5) (5.9.8 vici_config.c parse rules, a few 6.x additions) by what the reader does
 * with them: read into the model; known and not modelled although they can change the negotiation (a warning says
 * so); known and purely local (kernel policy, marks, scripts, DPD timing: they do not change what is negotiated,
 * accepted without a warning). Anything else is a warning "unknown keyword" (strongSwan itself discards the
 * connection with "unknown option").
 */
final class SwanctlKeywords {

    static final Set<String> PEER_READ = Set.of("version", "aggressive", "local_addrs", "remote_addrs", "proposals",
            "encap", "rekey_time", "reauth_time", "over_time");
    static final Set<String> PEER_NOT_MODELLED = Set.of("pull", "mobike", "fragmentation", "childless",
            "send_certreq", "send_cert", "local_port", "remote_port", "vips", "pools", "ppk_id", "ppk_required",
            "mediation", "mediated_by", "mediation_peer", "ocsp");
    static final Set<String> PEER_LOCAL = Set.of("dpd_delay", "dpd_timeout", "keyingtries", "unique", "rand_time",
            "if_id_in", "if_id_out", "dscp");

    static final Set<String> AUTH_READ = Set.of("auth", "id", "round");
    static final Set<String> AUTH_NOT_MODELLED = Set.of("certs", "cacerts", "pubkeys", "ca_id", "eap_id", "aaa_id",
            "xauth_id", "groups", "cert_policy", "revocation");

    static final Set<String> CHILD_READ = Set.of("local_ts", "remote_ts", "esp_proposals", "ah_proposals", "mode",
            "start_action", "rekey_time", "life_time");
    static final Set<String> CHILD_NOT_MODELLED = Set.of("ipcomp", "rekey_bytes", "life_bytes", "rekey_packets",
            "life_packets", "label", "label_mode");
    static final Set<String> CHILD_LOCAL = Set.of("updown", "hostaccess", "policies", "policies_fwd_out",
            "replay_window", "rand_time", "rand_bytes", "rand_packets", "dpd_action", "close_action", "inactivity",
            "reqid", "mark_in", "mark_in_sa", "mark_out", "set_mark_in", "set_mark_out", "tfc_padding", "priority",
            "interface", "hw_offload", "copy_df", "copy_ecn", "copy_dscp", "if_id_in", "if_id_out", "sha256_96",
            "per_cpu_sas");

    /**
     * Secret types (load_creds.c, by section name prefix, in its order). Only "ike" secrets are pre-shared keys
     * for IKE; the others are EAP/XAuth passwords, postquantum PPKs and private keys, which the model does not
     * compare.
     */
    static final String[] SECRET_TYPES = {"eap", "xauth", "ntlm", "ike", "ppk", "private", "rsa", "ecdsa", "bliss",
        "pkcs8", "pkcs12", "token"};

    private SwanctlKeywords() {
    }
}
