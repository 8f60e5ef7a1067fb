package io.ikescope.wire.registry;

/**
 * IKEv1/ISAKMP registries: IANA "Internet Key Exchange (IKE) Attributes" (ipsec-registry) and "'Magic Numbers'
 * for ISAKMP Protocol" (isakmp-registry), plus the de-facto tables of mode-config, XAUTH and vendor extensions.
 *
 * <p>Names are spelled as tshark 4.0.17 prints them wherever tshark has a name (hyphenated attribute classes such
 * as "Encryption-Algorithm", values such as "AES-CBC", "Pre-shared key"); IANA's spelling fills the values tshark
 * lacks. Checked 2026-11-27 against {@code tshark -G values}, the IANA listings and libreswan's
 * ietf_constants.h (2026-08). Reserved, unassigned and private-use values are ranges, never names.
 */
public final class Ikev1Registry {
    private Ikev1Registry() {
    }

    private static final String RESERVED = "Reserved";
    private static final String UNASSIGNED = "Unassigned";
    private static final String PRIVATE_USE = "Private Use";

    /** IANA "ISAKMP Exchange Types" (RFC 2408 3.1, RFC 2409 Appendix A). */
    public static final Registry EXCHANGE_TYPE = Registry.builder("ISAKMP Exchange Types")
            .add(0, "NONE")
            .add(1, "Base")
            .add(2, "Identity Protection (Main Mode)")
            .add(3, "Authentication Only")
            .add(4, "Aggressive")
            .add(5, "Informational")
            .add(6, "Transaction (Config Mode)")         // draft-ietf-ipsec-isakmp-mode-cfg
            .range(7, 31, "ISAKMP Future Use")
            .add(32, "Quick Mode")
            .add(33, "New Group Mode")
            .range(34, 239, "DOI Specific Use")
            .range(240, 255, PRIVATE_USE)
            .build();

    /** IANA "ISAKMP Next Payload Types" (RFC 2408, RFC 3947, RFC 6407), tshark's spelling. */
    public static final Registry PAYLOAD_TYPE = Registry.builder("ISAKMP Next Payload Types")
            .add(0, "NONE")
            .add(1, "Security Association")
            .add(2, "Proposal")
            .add(3, "Transform")
            .add(4, "Key Exchange")
            .add(5, "Identification")
            .add(6, "Certificate")
            .add(7, "Certificate Request")
            .add(8, "Hash")
            .add(9, "Signature")
            .add(10, "Nonce")
            .add(11, "Notification")
            .add(12, "Delete")
            .add(13, "Vendor ID")
            .add(14, "Attributes")                       // mode-config
            .add(15, "SA KEK Payload")                   // RFC 3547
            .add(16, "SA TEK Payload")
            .add(17, "Key Download")
            .add(18, "Sequence Number")
            .add(19, "Proof of Possession")
            .add(20, "NAT-D (RFC 3947)")
            .add(21, "NAT-OA (RFC 3947)")
            .add(22, "Group Associated Policy")          // RFC 6407
            .range(23, 127, UNASSIGNED)
            .range(128, 255, PRIVATE_USE)
            .add(130, "NAT-D (draft-ietf-ipsec-nat-t-ike-01 to 03)")
            .add(131, "NAT-OA (draft-ietf-ipsec-nat-t-ike-01 to 03)")
            .add(132, "Cisco-Fragmentation")
            .build();

    /** Short notation used in reports: SA, P, T, KE, ID, CERT, CR, HASH, SIG, NONCE, N, D, VID, ATTR, NAT-D, NAT-OA, FRAG ... */
    public static final Registry PAYLOAD_ABBREV = Registry.builder("ISAKMP Next Payload Types (short)")
            .add(1, "SA")
            .add(2, "P")
            .add(3, "T")
            .add(4, "KE")
            .add(5, "ID")
            .add(6, "CERT")
            .add(7, "CR")
            .add(8, "HASH")
            .add(9, "SIG")
            .add(10, "NONCE")
            .add(11, "N")
            .add(12, "D")
            .add(13, "VID")
            .add(14, "ATTR")
            .add(15, "SAK")
            .add(16, "SAT")
            .add(17, "KD")
            .add(18, "SEQ")
            .add(19, "POP")
            .add(20, "NAT-D")
            .add(21, "NAT-OA")
            .add(22, "GAP")
            .add(130, "NAT-D")
            .add(131, "NAT-OA")
            .add(132, "FRAG")
            .range(23, 127, UNASSIGNED)
            .range(128, 255, PRIVATE_USE)
            .build();

    /** IANA "ISAKMP Domain of Interpretation (DOI)". */
    public static final Registry DOI = Registry.builder("ISAKMP Domain of Interpretation")
            .add(0, "ISAKMP")
            .add(1, "IPSEC")
            .add(2, "GDOI")                              // RFC 3547
            .range(3, 0xFFFFFFFFL, UNASSIGNED)
            .build();

    /** RFC 2407 4.2 IPSEC DOI situation bits (IANA keeps no table); an SA payload's situation is their OR. */
    public static final Registry IPSEC_SITUATION = Registry.builder("IPSEC Situation Definition")
            .range(0, 0, "No situation")
            .add(0x01, "SIT_IDENTITY_ONLY")
            .add(0x02, "SIT_SECRECY")
            .add(0x04, "SIT_INTEGRITY")
            .build();

    /** IANA "IPSEC Security Protocol Identifiers" (RFC 2407 4.4.1). */
    public static final Registry PROTOCOL_ID = Registry.builder("IPSEC Security Protocol Identifiers")
            .range(0, 0, RESERVED)
            .add(1, "ISAKMP")
            .add(2, "IPSEC_AH")
            .add(3, "IPSEC_ESP")
            .add(4, "IPCOMP")
            .add(5, "GIGABEAM_RADIO")                    // RFC 4705
            .range(6, 200, UNASSIGNED)
            .range(201, 255, PRIVATE_USE)
            .build();

    /** IANA "IPSEC ISAKMP Transform Identifiers". */
    public static final Registry ISAKMP_TRANSFORM_ID = Registry.builder("ISAKMP Transform Identifiers")
            .range(0, 0, RESERVED)
            .add(1, "KEY_IKE")
            .range(2, 248, UNASSIGNED)
            .range(249, 255, PRIVATE_USE)
            .build();

    /** IANA "IPSEC AH Transform Identifiers"; tshark's short names (IANA "AH_MD5" is "MD5"). */
    public static final Registry AH_TRANSFORM_ID = Registry.builder("IPSEC AH Transform Identifiers")
            .range(0, 1, RESERVED)
            .add(2, "MD5")
            .add(3, "SHA")
            .add(4, "DES")
            .add(5, "SHA2-256")
            .add(6, "SHA2-384")
            .add(7, "SHA2-512")
            .add(8, "RIPEMD")                            // RFC 2857
            .add(9, "AES-XCBC-MAC")                      // RFC 3566
            .add(10, "RSA")                              // RFC 4359
            .add(11, "AES-128-GMAC")                     // RFC 4543
            .add(12, "AES-192-GMAC")
            .add(13, "AES-256-GMAC")
            .range(14, 248, UNASSIGNED)
            .range(249, 255, PRIVATE_USE)
            .build();

    /** IANA "IPSEC ESP Transform Identifiers"; tshark's short names (IANA "ESP_AES-CBC" is "AES"). */
    public static final Registry ESP_TRANSFORM_ID = Registry.builder("IPSEC ESP Transform Identifiers")
            .range(0, 0, RESERVED)
            .add(1, "DES-IV64")
            .add(2, "DES")
            .add(3, "3DES")
            .add(4, "RC5")
            .add(5, "IDEA")
            .add(6, "CAST")
            .add(7, "BLOWFISH")
            .add(8, "3IDEA")
            .add(9, "DES-IV32")
            .add(10, "RC4")
            .add(11, "NULL")
            .add(12, "AES")
            .add(13, "AES-CTR")                          // RFC 3686
            .add(14, "AES-CCM_8")                        // RFC 4309
            .add(15, "AES-CCM_12")
            .add(16, "AES-CCM_16")
            .range(17, 17, UNASSIGNED)
            .add(18, "AES-GCM_8")                        // RFC 4106
            .add(19, "AES-GCM_12")
            .add(20, "AES-GCM_16")
            .add(21, "SEED_CBC")                         // RFC 4196
            .add(22, "CAMELLIA")                         // RFC 4312
            .add(23, "NULL_AUTH_AES-GMAC")               // RFC 4543
            .range(24, 248, UNASSIGNED)
            .range(249, 255, PRIVATE_USE)
            .build();

    /** IANA "IPSEC IPCOMP Transform Identifiers"; tshark's short names (IANA "IPCOMP_DEFLATE" is "DEFLATE"). */
    public static final Registry IPCOMP_TRANSFORM_ID = Registry.builder("IPCOMP Transform Identifiers")
            .range(0, 0, RESERVED)
            .add(1, "OUI")
            .add(2, "DEFLATE")                           // RFC 2394
            .add(3, "LZS")                               // RFC 2395
            .add(4, "LZJH")                              // RFC 3051
            .range(5, 47, "Reserved for approved algorithms")
            .range(48, 63, PRIVATE_USE)
            .range(64, 255, UNASSIGNED)
            .build();

    /** Phase 1 (IKE SA) attribute classes, names hyphenated as tshark shows them: "Encryption-Algorithm", "Key-Length". */
    public static final Registry IKE_ATTRIBUTE = Registry.builder("IKE Attributes")
            .range(0, 0, RESERVED)
            .add(1, "Encryption-Algorithm")
            .add(2, "Hash-Algorithm")
            .add(3, "Authentication-Method")
            .add(4, "Group-Description")
            .add(5, "Group-Type")
            .add(6, "Group-Prime")
            .add(7, "Group-Generator-One")
            .add(8, "Group-Generator-Two")
            .add(9, "Group-Curve-A")
            .add(10, "Group-Curve-B")
            .add(11, "Life-Type")
            .add(12, "Life-Duration")
            .add(13, "PRF")
            .add(14, "Key-Length")
            .add(15, "Field-Size")
            .add(16, "Group-Order")
            .add(17, "Block-Size")                       // GM/T 0022 (Chinese SM suite), not IANA
            .range(18, 19, UNASSIGNED)
            .add(20, "Asymmetric-Cryptographic-Algorithm-Type") // GM/T 0022, not IANA
            .range(21, 16383, UNASSIGNED)
            .range(16384, 32767, PRIVATE_USE)
            .build();

    /** IANA "Encryption Algorithm (Value 1)". */
    public static final Registry IKE_ENCRYPTION_ALGORITHM = Registry.builder("IKE Encryption Algorithm Class Values")
            .range(0, 0, RESERVED)
            .add(1, "DES-CBC")
            .add(2, "IDEA-CBC")
            .add(3, "BLOWFISH-CBC")
            .add(4, "RC5-R16-B64-CBC")
            .add(5, "3DES-CBC")
            .add(6, "CAST-CBC")
            .add(7, "AES-CBC")                           // RFC 3602
            .add(8, "CAMELLIA-CBC")                      // RFC 4312
            .range(9, 65000, UNASSIGNED)
            .add(127, "SM4-CBC (DEPRECATED)")            // GM/T 0022, squatting in the unassigned range
            .add(128, "SM1-CBC")
            .add(129, "SM4-CBC")
            .range(65001, 65535, PRIVATE_USE)
            .build();

    /** IANA "Hash Algorithm (Value 2)". */
    public static final Registry IKE_HASH_ALGORITHM = Registry.builder("IKE Hash Algorithm Class Values")
            .range(0, 0, RESERVED)
            .add(1, "MD5")
            .add(2, "SHA")
            .add(3, "TIGER")
            .add(4, "SHA2-256")
            .add(5, "SHA2-384")
            .add(6, "SHA2-512")
            .range(7, 65000, UNASSIGNED)
            .add(20, "SM3")                              // GM/T 0022, not IANA
            .range(65001, 65535, PRIVATE_USE)
            .build();

    /** IANA "IPSEC Authentication Methods (Value 3)" plus hybrid (64221-64224) and XAUTH (65001-65010) drafts. */
    public static final Registry IKE_AUTH_METHOD = Registry.builder("IKE Authentication Method Class Values")
            .range(0, 0, RESERVED)
            .add(1, "Pre-shared key")
            .add(2, "DSS signatures")
            .add(3, "RSA signatures")
            .add(4, "Encryption with RSA")
            .add(5, "Revised encryption with RSA")
            .range(6, 6, "Reserved (was Encryption with El-Gamal)")
            .range(7, 7, "Reserved (was Revised encryption with El-Gamal)")
            .range(8, 8, "Reserved (was ECDSA signatures)")
            .add(9, "ECDSA with SHA-256 on the P-256 curve")   // RFC 4754
            .add(10, "ECDSA with SHA-384 on the P-384 curve")
            .add(11, "ECDSA with SHA-512 on the P-521 curve")
            .range(12, 65000, UNASSIGNED)
            .add(64221, "HybridInitRSA")                 // draft-ietf-ipsec-isakmp-hybrid-auth-05
            .add(64222, "HybridRespRSA")
            .add(64223, "HybridInitDSS")
            .add(64224, "HybridRespDSS")
            .range(65001, 65535, PRIVATE_USE)
            .add(65001, "XAUTHInitPreShared")            // draft-beaulieu-ike-xauth-02
            .add(65002, "XAUTHRespPreShared")
            .add(65003, "XAUTHInitDSS")
            .add(65004, "XAUTHRespDSS")
            .add(65005, "XAUTHInitRSA")
            .add(65006, "XAUTHRespRSA")
            .add(65007, "XAUTHInitRSAEncryption")
            .add(65008, "XAUTHRespRSAEncryption")
            .add(65009, "XAUTHInitRSARevisedEncryption")
            .add(65010, "XAUTHRespRSARevisedEncryption")
            .build();

    /** IANA "Group Description (Value 4)"; also the Quick Mode PFS group (IPsec attribute 3). */
    public static final Registry IKE_GROUP_DESCRIPTION = Registry.builder("IKE Group Description Class Values")
            .range(0, 0, RESERVED)
            .add(1, "Default 768-bit MODP group")
            .add(2, "Alternate 1024-bit MODP group")
            .add(3, "EC2N group on GP[2^155] group")
            .add(4, "EC2N group on GP[2^185] group")
            .add(5, "1536 bit MODP group")
            .add(6, "EC2N group over GF[2^163]")
            .add(7, "EC2N group over GF[2^163]")
            .add(8, "EC2N group over GF[2^283]")
            .add(9, "EC2N group over GF[2^283]")
            .add(10, "EC2N group over GF[2^409]")
            .add(11, "EC2N group over GF[2^409]")
            .add(12, "EC2N group over GF[2^571]")
            .add(13, "EC2N group over GF[2^571]")
            .add(14, "2048 bit MODP group")
            .add(15, "3072 bit MODP group")
            .add(16, "4096 bit MODP group")
            .add(17, "6144 bit MODP group")
            .add(18, "8192 bit MODP group")
            .add(19, "256-bit random ECP group")
            .add(20, "384-bit random ECP group")
            .add(21, "521-bit random ECP group")
            .add(22, "1024-bit MODP Group with 160-bit Prime Order Subgroup")
            .add(23, "2048-bit MODP Group with 224-bit Prime Order Subgroup")
            .add(24, "2048-bit MODP Group with 256-bit Prime Order Subgroup")
            .add(25, "192-bit Random ECP Group")
            .add(26, "224-bit Random ECP Group")
            .add(27, "224-bit Brainpool ECP group")
            .add(28, "256-bit Brainpool ECP group")
            .add(29, "384-bit Brainpool ECP group")
            .add(30, "512-bit Brainpool ECP group")
            // 31-34 are IKEv2-only in IANA's IKEv2 table; tshark names them for IKEv1 too, and so do we.
            .add(31, "Curve25519")
            .add(32, "Curve448")
            .add(33, "GOST3410_2012_256")
            .add(34, "GOST3410_2012_512")
            .range(35, 32767, UNASSIGNED)
            .range(32768, 65535, PRIVATE_USE)
            .build();

    /** IANA "Group Type (Value 5)". */
    public static final Registry IKE_GROUP_TYPE = Registry.builder("IKE Group Type Class Values")
            .range(0, 0, RESERVED)
            .add(1, "MODP")
            .add(2, "ECP")
            .add(3, "EC2N")
            .range(4, 65000, UNASSIGNED)
            .range(65001, 65535, PRIVATE_USE)
            .build();

    /** IANA "Life Type (Value 11)". */
    public static final Registry IKE_LIFE_TYPE = Registry.builder("IKE Life Type Class Values")
            .range(0, 0, RESERVED)
            .add(1, "Seconds")
            .add(2, "Kilobytes")
            .range(3, 65000, UNASSIGNED)
            .range(65001, 65535, PRIVATE_USE)
            .build();

    /** IANA "PRF (Value 13)": IANA has never assigned a value, so the table holds ranges only. */
    public static final Registry IKE_PRF = Registry.builder("IKE PRF Class Values")
            .range(0, 0, RESERVED)
            .range(1, 65000, UNASSIGNED)
            .range(65001, 65535, PRIVATE_USE)
            .build();

    /** Phase 2 (IPsec SA) attribute types, names hyphenated as tshark shows them: "SA-Life-Type", "Encapsulation-Mode". */
    public static final Registry IPSEC_ATTRIBUTE = Registry.builder("IPSEC Security Association Attributes")
            .range(0, 0, RESERVED)
            .add(1, "SA-Life-Type")
            .add(2, "SA-Life-Duration")
            .add(3, "Group-Description")
            .add(4, "Encapsulation-Mode")
            .add(5, "Authentication-Algorithm")
            .add(6, "Key-Length")
            .add(7, "Key-Rounds")
            .add(8, "Compress-Dictionary-Size")
            .add(9, "Compress-Private-Algorithm")
            .add(10, "ECN Tunnel")                       // RFC 3168
            .add(11, "Extended (64-bit) Sequence Number") // RFC 4304
            .add(12, "Authentication Key Length")        // RFC 4359
            .add(13, "Signature Encoding Algorithm")     // RFC 4359
            .add(14, "Address Preservation")             // RFC 6407
            .add(15, "SA Direction")                     // RFC 6407
            .range(16, 32000, UNASSIGNED)
            .range(32001, 32767, PRIVATE_USE)
            .build();

    /** IANA "SA Life Type Values (Value 1)". */
    public static final Registry IPSEC_LIFE_TYPE = Registry.builder("IPSEC SA Life Type Values")
            .range(0, 0, RESERVED)
            .add(1, "Seconds")
            .add(2, "Kilobytes")
            .range(3, 61439, UNASSIGNED)
            .range(61440, 65535, PRIVATE_USE)
            .build();

    /** IANA "Encapsulation Mode (Value 4)" plus the pre-RFC 3947 draft values and Check Point's private one. */
    public static final Registry IPSEC_ENCAPSULATION_MODE = Registry.builder("IPSEC Encapsulation Mode Values")
            .range(0, 0, RESERVED)
            .add(1, "Tunnel")
            .add(2, "Transport")
            .add(3, "UDP-Encapsulated-Tunnel")           // RFC 3947
            .add(4, "UDP-Encapsulated-Transport")        // RFC 3947
            .range(5, 61439, UNASSIGNED)
            .range(61440, 65535, PRIVATE_USE)
            .add(61440, "Check Point IPSec UDP Encapsulation")
            .add(61443, "UDP-Encapsulated-Tunnel (draft)")     // draft-ietf-ipsec-nat-t-ike-00..08
            .add(61444, "UDP-Encapsulated-Transport (draft)")
            .build();

    /** IANA "Authentication Algorithm (Value 5)". */
    public static final Registry IPSEC_AUTH_ALGORITHM = Registry.builder("IPSEC Authentication Algorithm Values")
            .range(0, 0, RESERVED)
            .add(1, "HMAC-MD5")
            .add(2, "HMAC-SHA")
            .add(3, "DES-MAC")
            .add(4, "KPDK")
            .add(5, "HMAC-SHA2-256")
            .add(6, "HMAC-SHA2-384")
            .add(7, "HMAC-SHA2-512")
            .add(8, "HMAC-RIPEMD")                       // RFC 2857
            .add(9, "AES-XCBC-MAC")                      // RFC 3566
            .add(10, "SIG-RSA")                          // RFC 4359
            .add(11, "AES-128-GMAC")                     // RFC 4543
            .add(12, "AES-192-GMAC")
            .add(13, "AES-256-GMAC")
            .range(14, 61439, UNASSIGNED)
            .range(61440, 65535, PRIVATE_USE)
            .build();

    /**
     * IANA "Notify Messages - Error Types" (1-30), "Status Types" (16384, 24576-24578), DPD (RFC 3706) and
     * well-known vendor values in the private ranges (Cisco Unity, Cisco IOS keepalive, NetScreen).
     */
    public static final Registry NOTIFY_TYPE = Registry.builder("ISAKMP Notify Message Types")
            .range(0, 0, RESERVED)
            .add(1, "INVALID-PAYLOAD-TYPE")
            .add(2, "DOI-NOT-SUPPORTED")
            .add(3, "SITUATION-NOT-SUPPORTED")
            .add(4, "INVALID-COOKIE")
            .add(5, "INVALID-MAJOR-VERSION")
            .add(6, "INVALID-MINOR-VERSION")
            .add(7, "INVALID-EXCHANGE-TYPE")
            .add(8, "INVALID-FLAGS")
            .add(9, "INVALID-MESSAGE-ID")
            .add(10, "INVALID-PROTOCOL-ID")
            .add(11, "INVALID-SPI")
            .add(12, "INVALID-TRANSFORM-ID")
            .add(13, "ATTRIBUTES-NOT-SUPPORTED")
            .add(14, "NO-PROPOSAL-CHOSEN")
            .add(15, "BAD-PROPOSAL-SYNTAX")
            .add(16, "PAYLOAD-MALFORMED")
            .add(17, "INVALID-KEY-INFORMATION")
            .add(18, "INVALID-ID-INFORMATION")
            .add(19, "INVALID-CERT-ENCODING")
            .add(20, "INVALID-CERTIFICATE")
            .add(21, "CERT-TYPE-UNSUPPORTED")
            .add(22, "INVALID-CERT-AUTHORITY")
            .add(23, "INVALID-HASH-INFORMATION")
            .add(24, "AUTHENTICATION-FAILED")
            .add(25, "INVALID-SIGNATURE")
            .add(26, "ADDRESS-NOTIFICATION")
            .add(27, "NOTIFY-SA-LIFETIME")
            .add(28, "CERTIFICATE-UNAVAILABLE")
            .add(29, "UNSUPPORTED-EXCHANGE-TYPE")
            .add(30, "UNEQUAL-PAYLOAD-LENGTHS")
            .range(31, 8191, "Reserved (Future Use)")
            .range(8192, 16383, "Private Use - Errors")
            .add(16384, "CONNECTED")
            .range(16385, 24575, "Reserved (Future Use)")
            .add(24576, "RESPONDER-LIFETIME")            // RFC 2407 4.6.3
            .add(24577, "REPLAY-STATUS")
            .add(24578, "INITIAL-CONTACT")
            .range(24579, 32767, "DOI-specific codes")
            .add(30000, "CISCO-HELLO")                   // Cisco private values, as libreswan lists them
            .add(30001, "CISCO-WWTEBR")
            .add(30002, "CISCO-SHUT-UP")
            .range(32768, 40959, "Private Use - Status")
            .add(32768, "CISCO-IOS-KEEPALIVE-REQ")
            .add(32769, "CISCO-IOS-KEEPALIVE-ACK")
            .add(36136, "R-U-THERE")                     // RFC 3706
            .add(36137, "R-U-THERE-ACK")
            .add(40001, "NETSCREEN-NHTB-INFORM")         // Juniper NetScreen next-hop tunnel binding
            .add(40501, "UNITY-LOAD-BALANCE")            // Cisco Unity
            .add(40502, "UNITY-UNKNOWN")
            .add(40503, "UNITY-GROUP-HASH")
            .range(40960, 65535, "Reserved (Future Use)")
            .build();

    /** IANA "IPSEC Identification Type" (RFC 2407 4.6.2.1, RFC 3554 for ID_LIST); tshark's names. */
    public static final Registry ID_TYPE = Registry.builder("IPSEC Identification Types")
            .range(0, 0, RESERVED)
            .add(1, "IPV4_ADDR")
            .add(2, "FQDN")
            .add(3, "USER_FQDN")
            .add(4, "IPV4_ADDR_SUBNET")
            .add(5, "IPV6_ADDR")
            .add(6, "IPV6_ADDR_SUBNET")
            .add(7, "IPV4_ADDR_RANGE")
            .add(8, "IPV6_ADDR_RANGE")
            .add(9, "DER_ASN1_DN")
            .add(10, "DER_ASN1_GN")
            .add(11, "KEY_ID")
            .add(12, "ID_LIST")                          // RFC 3554; tshark 4.0 says "KEY_LIST"
            .range(13, 248, UNASSIGNED)
            .range(249, 255, PRIVATE_USE)
            .build();

    /** RFC 2408 3.9 "Certificate Type" (IANA keeps no IKEv1 table). */
    public static final Registry CERT_ENCODING = Registry.builder("ISAKMP Certificate Encodings")
            .add(0, "NONE")
            .add(1, "PKCS #7 wrapped X.509 certificate")
            .add(2, "PGP Certificate")
            .add(3, "DNS Signed Key")
            .add(4, "X.509 Certificate - Signature")
            .add(5, "X.509 Certificate - Key Exchange")
            .add(6, "Kerberos Tokens")
            .add(7, "Certificate Revocation List (CRL)")
            .add(8, "Authority Revocation List (ARL)")
            .add(9, "SPKI Certificate")
            .add(10, "X.509 Certificate - Attribute")
            .range(11, 255, RESERVED)
            .build();

    /** Mode-config (draft-dukes-ike-mode-cfg) message types: ISAKMP_CFG_REQUEST ... */
    public static final Registry CFG_TYPE = Registry.builder("ISAKMP Configuration Message Types")
            .range(0, 0, RESERVED)
            .add(1, "ISAKMP_CFG_REQUEST")
            .add(2, "ISAKMP_CFG_REPLY")
            .add(3, "ISAKMP_CFG_SET")
            .add(4, "ISAKMP_CFG_ACK")
            .range(5, 127, "Future use")
            .range(128, 255, PRIVATE_USE)
            .build();

    /** Mode-config and XAUTH attribute types. */
    public static final Registry CFG_ATTRIBUTE = Registry.builder("ISAKMP Configuration Attributes")
            .range(0, 0, RESERVED)
            .add(1, "INTERNAL_IP4_ADDRESS")
            .add(2, "INTERNAL_IP4_NETMASK")
            .add(3, "INTERNAL_IP4_DNS")
            .add(4, "INTERNAL_IP4_NBNS")
            .add(5, "INTERNAL_ADDRESS_EXPIRY")
            .add(6, "INTERNAL_IP4_DHCP")
            .add(7, "APPLICATION_VERSION")
            .add(8, "INTERNAL_IP6_ADDRESS")
            .add(9, "INTERNAL_IP6_NETMASK")
            .add(10, "INTERNAL_IP6_DNS")
            .add(11, "INTERNAL_IP6_NBNS")
            .add(12, "INTERNAL_IP6_DHCP")
            .add(13, "INTERNAL_IP4_SUBNET")
            .add(14, "SUPPORTED_ATTRIBUTES")
            .add(15, "INTERNAL_IP6_SUBNET")
            .range(16, 16383, "Future use")
            .range(16384, 32767, PRIVATE_USE)
            .add(16387, "CHKPT_DEF_DOMAIN")              // Check Point
            .add(16388, "CHKPT_MAC_ADDRESS")
            .add(16389, "CHKPT_MARCIPAN_REASON_CODE")
            .add(16400, "CHKPT_UNKNOWN1")
            .add(16401, "CHKPT_UNKNOWN2")
            .add(16402, "CHKPT_UNKNOWN3")
            .add(16520, "XAUTH_TYPE")                    // draft-beaulieu-ike-xauth-02
            .add(16521, "XAUTH_USER_NAME")
            .add(16522, "XAUTH_USER_PASSWORD")
            .add(16523, "XAUTH_PASSCODE")
            .add(16524, "XAUTH_MESSAGE")
            .add(16525, "XAUTH_CHALLANGE")               // sic, as tshark spells it
            .add(16526, "XAUTH_DOMAIN")
            .add(16527, "XAUTH_STATUS")
            .add(16528, "XAUTH_NEXT_PIN")
            .add(16529, "XAUTH_ANSWER")
            .add(23456, "MS_INTERNAL_IP4_SERVER")        // Microsoft, as libreswan lists it
            .add(23457, "MS_INTERNAL_IP6_SERVER")
            .add(28672, "UNITY_BANNER")                  // Cisco Unity
            .add(28673, "UNITY_SAVE_PASSWD")
            .add(28674, "UNITY_DEF_DOMAIN")
            .add(28675, "UNITY_SPLIT_DOMAIN")
            .add(28676, "UNITY_SPLIT_INCLUDE")
            .add(28677, "UNITY_NATT_PORT")
            .add(28678, "UNITY_SPLIT_EXCLUDE")
            .add(28679, "UNITY_PFS")
            .add(28680, "UNITY_FW_TYPE")
            .add(28681, "UNITY_BACKUP_SERVERS")
            .add(28682, "UNITY_DDNS_HOSTNAME")
            .build();

    /** Value table for a Phase 1 attribute class, or null when its value is a number (lifetime, key length ...). */
    public static Registry ikeAttributeValues(int attributeType) {
        return switch (attributeType) {
            case 1 -> IKE_ENCRYPTION_ALGORITHM;
            case 2 -> IKE_HASH_ALGORITHM;
            case 3 -> IKE_AUTH_METHOD;
            case 4 -> IKE_GROUP_DESCRIPTION;
            case 5 -> IKE_GROUP_TYPE;
            case 11 -> IKE_LIFE_TYPE;
            case 13 -> IKE_PRF;
            default -> null;
        };
    }

    /** Value table for a Phase 2 attribute type, or null when its value is a number. */
    public static Registry ipsecAttributeValues(int attributeType) {
        return switch (attributeType) {
            case 1 -> IPSEC_LIFE_TYPE;
            case 3 -> IKE_GROUP_DESCRIPTION;
            case 4 -> IPSEC_ENCAPSULATION_MODE;
            case 5 -> IPSEC_AUTH_ALGORITHM;
            default -> null;
        };
    }

    /** Transform-ID table for a proposal's protocol: 1 ISAKMP, 2 AH, 3 ESP, 4 IPCOMP. */
    public static Registry transformIds(int protocolId) {
        return switch (protocolId) {
            case 1 -> ISAKMP_TRANSFORM_ID;
            case 2 -> AH_TRANSFORM_ID;
            case 3 -> ESP_TRANSFORM_ID;
            case 4 -> IPCOMP_TRANSFORM_ID;
            default -> null;
        };
    }
}
