package io.ikescope.config.cisco;

import java.util.List;

/**
 * The defaults IOS XE fills in, for IOS XE 16.x/17.x (the version whose smart defaults are below).
 *
 * <p>Sources. ISAKMP policy fields: the table "IKE Policy Parameters" of Cisco's IKE configuration guides
 * ("Configuring Internet Key Exchange for IPsec VPNs"; the IOS XR edition has the same table): encryption 56-bit
 * DES-CBC, hash SHA-1, authentication RSA signatures, group 1 (768-bit), lifetime 86400 s. IKEv2 smart defaults
 * (FlexVPN and Internet Key Exchange Version 2 Configuration Guide, "IKEv2 Smart Defaults"), as IOS XE 16/17
 * prints them; the values here are from such output recorded in public lab notes, the guide's page itself was not
 * at hand: {@code show crypto ikev2 proposal}: "IKEv2 proposal: default / Encryption: AES-CBC-256 / Integrity:
 * SHA512 SHA384 / PRF: SHA512 SHA384 / DH Group: DH_GROUP_256_ECP/Group 19 DH_GROUP_2048_MODP/Group 14
 * DH_GROUP_521_ECP/Group 21 DH_GROUP_1536_MODP/Group 5"; {@code show crypto ikev2 policy}: "default, Match
 * address local: any, Proposal: default"; {@code show crypto ipsec transform-set}: "Transform set default:
 * { esp-aes esp-sha-hmac } will negotiate = { Transport, }"; {@code show crypto ipsec profile}: "IPSEC profile
 * default, Security association lifetime: 4608000 kilobytes/3600 seconds, PFS (Y/N): N, Transform sets={ default }";
 * {@code show crypto ikev2 profile}: "Lifetime: 86400 seconds". IOS 15 printed weaker smart defaults (AES-CBC
 * 256/192/128; SHA512, SHA384, SHA256, SHA1, MD5; groups 5 and 2): a configuration from such a router gets the IOS
 * XE 16/17 values. The 3600 s IPsec SA lifetime is also the "crypto ipsec security-association lifetime" default;
 * "set pfs" without a group means group 1 (the "set pfs" reference: "If no group is specified with this command,
 * group1 is used as the default").
 */
final class CiscoDefaults {
    private CiscoDefaults() {
    }

    static final String VERSION = "Cisco IOS XE 16/17";

    static final String ISAKMP_ENCRYPTION = "des";
    static final String ISAKMP_HASH = "sha";
    static final String ISAKMP_AUTHENTICATION = "rsa-sig";
    static final int ISAKMP_GROUP = 1;
    static final long ISAKMP_LIFETIME = 86400;

    static final List<String> IKEV2_ENCRYPTION = List.of("AES-CBC-256");
    static final List<String> IKEV2_INTEGRITY = List.of("HMAC-SHA2-512-256", "HMAC-SHA2-384-192");
    static final List<String> IKEV2_PRF = List.of("PRF-HMAC-SHA2-512", "PRF-HMAC-SHA2-384");
    static final List<Integer> IKEV2_GROUPS = List.of(19, 14, 21, 5);
    static final long IKEV2_LIFETIME = 86400;

    /** The default transform set: esp-aes (128-bit) esp-sha-hmac, transport mode requested. */
    static final List<String> TRANSFORM_ENCRYPTION = List.of("AES-CBC-128");
    static final List<String> TRANSFORM_INTEGRITY = List.of("HMAC-SHA1-96");
    static final String TRANSFORM_MODE = "transport";
    /** A configured transform set without "mode" is tunnel mode ("mode (IPsec)" reference: tunnel is the default). */
    static final String CONFIGURED_TRANSFORM_MODE = "tunnel";

    static final long IPSEC_LIFETIME = 3600;
    static final int PFS_GROUP_WITHOUT_NUMBER = 1;

    static String note(String what) {
        return VERSION + " default " + what;
    }
}
