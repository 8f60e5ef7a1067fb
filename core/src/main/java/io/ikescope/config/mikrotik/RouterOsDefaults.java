package io.ikescope.config.mikrotik;

/**
 * What RouterOS v7 uses for a property an export leaves out ({@code /export} prints only values that differ from
 * the default). Source: the RouterOS manual, help.mikrotik.com/docs/display/ROS/IPsec, the "Default:" of each
 * property of Profiles, Proposals, Peers, Identities and Policies; the built-in {@code default} profile and proposal
 * carry these values (as a router reports them: terraform-routeros' ip_ipsec_profile / ip_ipsec_proposal resources
 * record {@code dh-group=modp2048,modp1024 enc-algorithm=aes-128,3des hash-algorithm=sha1 lifetime=1d} and
 * {@code auth-algorithms=sha1 enc-algorithms=aes-256-cbc,aes-192-cbc,aes-128-cbc lifetime=30m pfs-group=modp1024}).
 * The policy defaults (action, level, protocol, proposal, tunnel=no, ipsec-protocols=esp, addresses 0.0.0.0/32) are
 * the same in every RouterOS manual since v2.9's "Policy Settings".
 */
final class RouterOsDefaults {
    private RouterOsDefaults() {
    }

    static final String VERSION = "RouterOS 7";

    static String of(String menu, String property) {
        return VERSION + " default of /" + menu + " " + property;
    }

    // /ip ipsec profile
    static final String HASH_ALGORITHM = "sha1";
    static final String ENC_ALGORITHM = "aes-128,3des";
    static final String DH_GROUP = "modp2048,modp1024";
    static final String PRF_ALGORITHM = "auto";
    static final String PROFILE_LIFETIME = "1d";
    static final String NAT_TRAVERSAL = "yes";
    static final String PROPOSAL_CHECK = "obey";

    // /ip ipsec proposal
    static final String AUTH_ALGORITHMS = "sha1";
    static final String ENC_ALGORITHMS = "aes-256-cbc,aes-192-cbc,aes-128-cbc";
    static final String PFS_GROUP = "modp1024";
    static final String PROPOSAL_LIFETIME = "30m";

    // /ip ipsec peer
    static final String EXCHANGE_MODE = "main";
    static final String PROFILE = "default";
    static final String PASSIVE = "no";

    // /ip ipsec identity
    static final String AUTH_METHOD = "pre-shared-key";
    static final String MY_ID = "auto";
    static final String REMOTE_ID = "auto";

    // /ip ipsec policy
    static final String ACTION = "encrypt";
    static final String LEVEL = "require";
    static final String PROTOCOL = "all";
    static final String PROPOSAL = "default";
    static final String TUNNEL = "no";
    static final String IPSEC_PROTOCOLS = "esp";
    static final String ADDRESS = "0.0.0.0/32";
    static final String PORT = "any";
}
