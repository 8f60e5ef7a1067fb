package io.ikescope.wire.registry;

/**
 * IKEv2 registries: IANA "Internet Key Exchange Version 2 (IKEv2) Parameters", one table each, names as IANA
 * spells them.
 *
 * <p>Checked 2026-11-27 against the IANA listing (last updated 2025-05-23) and the later assignments of
 * RFC 9838 (G-IKEv2, 2025-11), RFC 9867 and the early allocation 16447 for
 * draft-ietf-ipsecme-ikev2-downgrade-prevention, cross-read with libreswan's ietf_constants.h (2026-08).
 * Reserved, unassigned and private-use values are ranges, never names.
 */
public final class Ikev2Registry {
    private Ikev2Registry() {
    }

    private static final String RESERVED = "Reserved";
    private static final String UNASSIGNED = "Unassigned";
    private static final String PRIVATE_USE = "Private Use";

    /** IANA "IKEv2 Exchange Types". */
    public static final Registry EXCHANGE_TYPE = Registry.builder("IKEv2 Exchange Types")
            .range(0, 33, RESERVED)
            .add(34, "IKE_SA_INIT")
            .add(35, "IKE_AUTH")
            .add(36, "CREATE_CHILD_SA")
            .add(37, "INFORMATIONAL")
            .add(38, "IKE_SESSION_RESUME")        // RFC 5723
            .add(39, "GSA_AUTH")                  // RFC 9838
            .add(40, "GSA_REGISTRATION")          // RFC 9838
            .add(41, "GSA_REKEY")                 // RFC 9838
            .add(42, "GSA_INBAND_REKEY")          // RFC 9838
            .add(43, "IKE_INTERMEDIATE")          // RFC 9242
            .add(44, "IKE_FOLLOWUP_KE")           // RFC 9370
            .range(45, 239, UNASSIGNED)
            .range(240, 255, PRIVATE_USE)
            .build();

    /** Full IANA payload names ("Security Association"). */
    public static final Registry PAYLOAD_TYPE = Registry.builder("IKEv2 Payload Types")
            .add(0, "No Next Payload")
            .range(1, 32, RESERVED)
            .add(33, "Security Association")
            .add(34, "Key Exchange")
            .add(35, "Identification - Initiator")
            .add(36, "Identification - Responder")
            .add(37, "Certificate")
            .add(38, "Certificate Request")
            .add(39, "Authentication")
            .add(40, "Nonce")
            .add(41, "Notify")
            .add(42, "Delete")
            .add(43, "Vendor ID")
            .add(44, "Traffic Selector - Initiator")
            .add(45, "Traffic Selector - Responder")
            .add(46, "Encrypted and Authenticated")
            .add(47, "Configuration")
            .add(48, "Extensible Authentication")
            .add(49, "Generic Secure Password Methods")     // RFC 6467
            .add(50, "Group Identification")                // RFC 9838
            .add(51, "Group Security Association")          // RFC 9838
            .add(52, "Key Download")                        // RFC 9838
            .add(53, "Encrypted and Authenticated Fragment") // RFC 7383
            .add(54, "Puzzle Solution")                     // RFC 8019
            .range(55, 127, UNASSIGNED)
            .range(128, 255, PRIVATE_USE)
            .build();

    /** Short notation used in reports: SA, KE, IDi, IDr, CERT, CERTREQ, AUTH, NONCE, N, D, VID, TSi, TSr, SK, CP, EAP, GSPM, IDg, GSA, KD, SKF, PS. */
    public static final Registry PAYLOAD_ABBREV = Registry.builder("IKEv2 Payload Types (short)")
            .add(33, "SA")
            .add(34, "KE")
            .add(35, "IDi")
            .add(36, "IDr")
            .add(37, "CERT")
            .add(38, "CERTREQ")
            .add(39, "AUTH")
            .add(40, "NONCE")
            .add(41, "N")
            .add(42, "D")
            .add(43, "VID")
            .add(44, "TSi")
            .add(45, "TSr")
            .add(46, "SK")
            .add(47, "CP")
            .add(48, "EAP")
            .add(49, "GSPM")
            .add(50, "IDg")
            .add(51, "GSA")
            .add(52, "KD")
            .add(53, "SKF")
            .add(54, "PS")
            .range(1, 32, RESERVED)
            .range(55, 127, UNASSIGNED)
            .range(128, 255, PRIVATE_USE)
            .build();

    /** IANA "Transform Type Values" (RFC 7296, renamed by RFC 9370 and RFC 9827, extended by RFC 9838). */
    public static final Registry TRANSFORM_TYPE = Registry.builder("Transform Type Values")
            .range(0, 0, RESERVED)
            .add(1, "Encryption Algorithm (ENCR)")
            .add(2, "Pseudorandom Function (PRF)")
            .add(3, "Integrity Algorithm (INTEG)")
            .add(4, "Key Exchange Method (KE)")
            .add(5, "Sequence Numbers (SN)")
            .add(6, "Additional Key Exchange 1 (ADDKE1)")
            .add(7, "Additional Key Exchange 2 (ADDKE2)")
            .add(8, "Additional Key Exchange 3 (ADDKE3)")
            .add(9, "Additional Key Exchange 4 (ADDKE4)")
            .add(10, "Additional Key Exchange 5 (ADDKE5)")
            .add(11, "Additional Key Exchange 6 (ADDKE6)")
            .add(12, "Additional Key Exchange 7 (ADDKE7)")
            .add(13, "Key Wrap Algorithm (KWA)")
            .add(14, "Group Controller Authentication Method (GCAUTH)")
            .range(15, 240, UNASSIGNED)
            .range(241, 255, PRIVATE_USE)
            .build();

    /** IANA "Transform Type 1 - Encryption Algorithm Transform IDs". */
    public static final Registry ENCR = Registry.builder("Transform Type 1 - Encryption Algorithm Transform IDs")
            .range(0, 0, RESERVED)
            .add(1, "ENCR_DES_IV64")
            .add(2, "ENCR_DES")
            .add(3, "ENCR_3DES")
            .add(4, "ENCR_RC5")
            .add(5, "ENCR_IDEA")
            .add(6, "ENCR_CAST")
            .add(7, "ENCR_BLOWFISH")
            .add(8, "ENCR_3IDEA")
            .add(9, "ENCR_DES_IV32")
            .range(10, 10, RESERVED)
            .add(11, "ENCR_NULL")
            .add(12, "ENCR_AES_CBC")
            .add(13, "ENCR_AES_CTR")
            .add(14, "ENCR_AES_CCM_8")
            .add(15, "ENCR_AES_CCM_12")
            .add(16, "ENCR_AES_CCM_16")
            .range(17, 17, UNASSIGNED)
            .add(18, "ENCR_AES_GCM_8")
            .add(19, "ENCR_AES_GCM_12")
            .add(20, "ENCR_AES_GCM_16")
            .add(21, "ENCR_NULL_AUTH_AES_GMAC")
            .range(22, 22, "Reserved for IEEE P1619 XTS-AES")
            .add(23, "ENCR_CAMELLIA_CBC")
            .add(24, "ENCR_CAMELLIA_CTR")
            .add(25, "ENCR_CAMELLIA_CCM_8")
            .add(26, "ENCR_CAMELLIA_CCM_12")
            .add(27, "ENCR_CAMELLIA_CCM_16")
            .add(28, "ENCR_CHACHA20_POLY1305")           // RFC 7634
            .add(29, "ENCR_AES_CCM_8_IIV")               // RFC 8750
            .add(30, "ENCR_AES_GCM_16_IIV")              // RFC 8750
            .add(31, "ENCR_CHACHA20_POLY1305_IIV")       // RFC 8750
            .add(32, "ENCR_KUZNYECHIK_MGM_KTREE")        // RFC 9227
            .add(33, "ENCR_MAGMA_MGM_KTREE")             // RFC 9227
            .add(34, "ENCR_KUZNYECHIK_MGM_MAC_KTREE")    // RFC 9227
            .add(35, "ENCR_MAGMA_MGM_MAC_KTREE")         // RFC 9227
            .range(36, 1023, UNASSIGNED)
            .range(1024, 65535, PRIVATE_USE)
            .build();

    /** IANA "Transform Type 2 - Pseudorandom Function Transform IDs". */
    public static final Registry PRF = Registry.builder("Transform Type 2 - Pseudorandom Function Transform IDs")
            .range(0, 0, RESERVED)
            .add(1, "PRF_HMAC_MD5")
            .add(2, "PRF_HMAC_SHA1")
            .add(3, "PRF_HMAC_TIGER")
            .add(4, "PRF_AES128_XCBC")
            .add(5, "PRF_HMAC_SHA2_256")
            .add(6, "PRF_HMAC_SHA2_384")
            .add(7, "PRF_HMAC_SHA2_512")
            .add(8, "PRF_AES128_CMAC")
            .add(9, "PRF_HMAC_STREEBOG_512")             // RFC 9385
            .range(10, 1023, UNASSIGNED)
            .range(1024, 65535, PRIVATE_USE)
            .build();

    /** IANA "Transform Type 3 - Integrity Algorithm Transform IDs". */
    public static final Registry INTEG = Registry.builder("Transform Type 3 - Integrity Algorithm Transform IDs")
            .add(0, "NONE")
            .add(1, "AUTH_HMAC_MD5_96")
            .add(2, "AUTH_HMAC_SHA1_96")
            .add(3, "AUTH_DES_MAC")
            .add(4, "AUTH_KPDK_MD5")
            .add(5, "AUTH_AES_XCBC_96")
            .add(6, "AUTH_HMAC_MD5_128")
            .add(7, "AUTH_HMAC_SHA1_160")
            .add(8, "AUTH_AES_CMAC_96")
            .add(9, "AUTH_AES_128_GMAC")
            .add(10, "AUTH_AES_192_GMAC")
            .add(11, "AUTH_AES_256_GMAC")
            .add(12, "AUTH_HMAC_SHA2_256_128")
            .add(13, "AUTH_HMAC_SHA2_384_192")
            .add(14, "AUTH_HMAC_SHA2_512_256")
            .range(15, 1023, UNASSIGNED)
            .range(1024, 65535, PRIVATE_USE)
            .build();

    /** IANA "Transform Type 4 - Key Exchange Method Transform IDs" (formerly Diffie-Hellman groups). */
    public static final Registry KE_METHOD = Registry.builder("Transform Type 4 - Key Exchange Method Transform IDs")
            .add(0, "NONE")
            .add(1, "768-bit MODP Group")
            .add(2, "1024-bit MODP Group")
            .range(3, 4, RESERVED)
            .add(5, "1536-bit MODP Group")
            .range(6, 13, UNASSIGNED)
            .add(14, "2048-bit MODP Group")
            .add(15, "3072-bit MODP Group")
            .add(16, "4096-bit MODP Group")
            .add(17, "6144-bit MODP Group")
            .add(18, "8192-bit MODP Group")
            .add(19, "256-bit random ECP group")
            .add(20, "384-bit random ECP group")
            .add(21, "521-bit random ECP group")
            .add(22, "1024-bit MODP Group with 160-bit Prime Order Subgroup")
            .add(23, "2048-bit MODP Group with 224-bit Prime Order Subgroup")
            .add(24, "2048-bit MODP Group with 256-bit Prime Order Subgroup")
            .add(25, "192-bit Random ECP Group")
            .add(26, "224-bit Random ECP Group")
            .add(27, "brainpoolP224r1")                  // RFC 6954
            .add(28, "brainpoolP256r1")
            .add(29, "brainpoolP384r1")
            .add(30, "brainpoolP512r1")
            .add(31, "Curve25519")                       // RFC 8031
            .add(32, "Curve448")                         // RFC 8031
            .add(33, "GOST3410_2012_256")                // RFC 9385
            .add(34, "GOST3410_2012_512")                // RFC 9385
            .add(35, "ml-kem-512")                       // draft-ietf-ipsecme-ikev2-mlkem; IANA spells it in lower case
            .add(36, "ml-kem-768")
            .add(37, "ml-kem-1024")
            .range(38, 1023, UNASSIGNED)
            .range(1024, 65535, PRIVATE_USE)
            .build();

    /** IANA "Transform Type 5 - Sequence Numbers Transform IDs" (was "Extended Sequence Numbers", RFC 9827). */
    public static final Registry ESN = Registry.builder("Transform Type 5 - Sequence Numbers Transform IDs")
            .add(0, "32-bit Sequential Numbers")
            .add(1, "Partially Transmitted 64-bit Sequential Numbers")
            .add(2, "32-bit Unspecified Numbers")        // RFC 9838
            .range(3, 1023, UNASSIGNED)
            .range(1024, 65535, PRIVATE_USE)
            .build();

    /** IANA "Transform Type 13 - Key Wrap Algorithm Transform IDs" (RFC 9838). */
    public static final Registry KWA = Registry.builder("Transform Type 13 - Key Wrap Algorithm Transform IDs")
            .range(0, 0, RESERVED)
            .add(1, "KW_5649_128")
            .add(2, "KW_5649_192")
            .add(3, "KW_5649_256")
            .add(4, "KW_ARX")
            .range(5, 1023, UNASSIGNED)
            .range(1024, 65535, PRIVATE_USE)
            .build();

    /** IANA "Transform Type 14 - Group Controller Authentication Method Transform IDs" (RFC 9838). */
    public static final Registry GCAUTH = Registry.builder(
                    "Transform Type 14 - Group Controller Authentication Method Transform IDs")
            .range(0, 0, RESERVED)
            .add(1, "Implicit")
            .add(2, "Digital Signature")
            .range(3, 1023, UNASSIGNED)
            .range(1024, 65535, PRIVATE_USE)
            .build();

    /** IANA "IKEv2 Transform Attribute Types". */
    public static final Registry TRANSFORM_ATTRIBUTE = Registry.builder("IKEv2 Transform Attribute Types")
            .range(0, 13, RESERVED)
            .add(14, "Key Length (in bits)")
            .range(15, 17, RESERVED)
            .add(18, "Signature Algorithm Identifier")  // RFC 9838
            .range(19, 16383, UNASSIGNED)
            .range(16384, 32767, PRIVATE_USE)
            .build();

    /** IANA "IKEv2 Security Protocol Identifiers". 0 is sent in notifies without an SPI. */
    public static final Registry PROTOCOL_ID = Registry.builder("IKEv2 Security Protocol Identifiers")
            .range(0, 0, RESERVED)
            .add(1, "IKE")
            .add(2, "AH")
            .add(3, "ESP")
            .add(4, "FC_ESP_HEADER")                     // RFC 4595
            .add(5, "FC_CT_AUTHENTICATION")              // RFC 4595
            .add(6, "GIKE_UPDATE")                       // RFC 9838
            .range(7, 200, UNASSIGNED)
            .range(201, 255, PRIVATE_USE)
            .build();

    /** IANA "IKEv2 Notify Message Error Types" (0-16383) and "Status Types" (16384-65535), one table. */
    public static final Registry NOTIFY_TYPE = Registry.builder("IKEv2 Notify Message Types")
            .range(0, 0, RESERVED)
            .add(1, "UNSUPPORTED_CRITICAL_PAYLOAD")
            .range(2, 3, RESERVED)
            .add(4, "INVALID_IKE_SPI")
            .add(5, "INVALID_MAJOR_VERSION")
            .range(6, 6, RESERVED)
            .add(7, "INVALID_SYNTAX")
            .range(8, 8, RESERVED)
            .add(9, "INVALID_MESSAGE_ID")
            .range(10, 10, RESERVED)
            .add(11, "INVALID_SPI")
            .range(12, 13, RESERVED)
            .add(14, "NO_PROPOSAL_CHOSEN")
            .range(15, 16, RESERVED)
            .add(17, "INVALID_KE_PAYLOAD")
            .range(18, 23, RESERVED)
            .add(24, "AUTHENTICATION_FAILED")
            .range(25, 33, RESERVED)
            .add(34, "SINGLE_PAIR_REQUIRED")
            .add(35, "NO_ADDITIONAL_SAS")
            .add(36, "INTERNAL_ADDRESS_FAILURE")
            .add(37, "FAILED_CP_REQUIRED")
            .add(38, "TS_UNACCEPTABLE")
            .add(39, "INVALID_SELECTORS")
            .add(40, "UNACCEPTABLE_ADDRESSES")           // RFC 4555
            .add(41, "UNEXPECTED_NAT_DETECTED")          // RFC 4555
            .add(42, "USE_ASSIGNED_HoA")                 // RFC 5026
            .add(43, "TEMPORARY_FAILURE")
            .add(44, "CHILD_SA_NOT_FOUND")
            .add(45, "INVALID_GROUP_ID")                 // RFC 9838
            .add(46, "AUTHORIZATION_FAILED")             // RFC 9838
            .add(47, "STATE_NOT_FOUND")                  // RFC 9370
            .add(48, "TS_MAX_QUEUE")                     // RFC 9611
            .add(49, "REGISTRATION_FAILED")              // RFC 9838
            .range(50, 8191, UNASSIGNED)
            .range(8192, 16383, "Private Use - Errors")
            .add(16384, "INITIAL_CONTACT")
            .add(16385, "SET_WINDOW_SIZE")
            .add(16386, "ADDITIONAL_TS_POSSIBLE")
            .add(16387, "IPCOMP_SUPPORTED")
            .add(16388, "NAT_DETECTION_SOURCE_IP")
            .add(16389, "NAT_DETECTION_DESTINATION_IP")
            .add(16390, "COOKIE")
            .add(16391, "USE_TRANSPORT_MODE")
            .add(16392, "HTTP_CERT_LOOKUP_SUPPORTED")
            .add(16393, "REKEY_SA")
            .add(16394, "ESP_TFC_PADDING_NOT_SUPPORTED")
            .add(16395, "NON_FIRST_FRAGMENTS_ALSO")
            .add(16396, "MOBIKE_SUPPORTED")                 // RFC 4555
            .add(16397, "ADDITIONAL_IP4_ADDRESS")
            .add(16398, "ADDITIONAL_IP6_ADDRESS")
            .add(16399, "NO_ADDITIONAL_ADDRESSES")
            .add(16400, "UPDATE_SA_ADDRESSES")
            .add(16401, "COOKIE2")
            .add(16402, "NO_NATS_ALLOWED")
            .add(16403, "AUTH_LIFETIME")                    // RFC 4478
            .add(16404, "MULTIPLE_AUTH_SUPPORTED")          // RFC 4739
            .add(16405, "ANOTHER_AUTH_FOLLOWS")
            .add(16406, "REDIRECT_SUPPORTED")               // RFC 5685
            .add(16407, "REDIRECT")
            .add(16408, "REDIRECTED_FROM")
            .add(16409, "TICKET_LT_OPAQUE")                 // RFC 5723
            .add(16410, "TICKET_REQUEST")
            .add(16411, "TICKET_ACK")
            .add(16412, "TICKET_NACK")
            .add(16413, "TICKET_OPAQUE")
            .add(16414, "LINK_ID")                          // RFC 5739
            .add(16415, "USE_WESP_MODE")                    // RFC 5840
            .add(16416, "ROHC_SUPPORTED")                   // RFC 5857
            .add(16417, "EAP_ONLY_AUTHENTICATION")          // RFC 5998
            .add(16418, "CHILDLESS_IKEV2_SUPPORTED")        // RFC 6023
            .add(16419, "QUICK_CRASH_DETECTION")            // RFC 6290
            .add(16420, "IKEV2_MESSAGE_ID_SYNC_SUPPORTED")  // RFC 6311
            .add(16421, "IPSEC_REPLAY_COUNTER_SYNC_SUPPORTED")
            .add(16422, "IKEV2_MESSAGE_ID_SYNC")
            .add(16423, "IPSEC_REPLAY_COUNTER_SYNC")
            .add(16424, "SECURE_PASSWORD_METHODS")          // RFC 6467
            .add(16425, "PSK_PERSIST")                      // RFC 6631
            .add(16426, "PSK_CONFIRM")
            .add(16427, "ERX_SUPPORTED")                    // RFC 6867
            .add(16428, "IFOM_CAPABILITY")                  // 3GPP TS 24.303
            .add(16429, "GROUP_SENDER")                     // RFC 9838 (was SENDER_REQUEST_ID)
            .add(16430, "IKEV2_FRAGMENTATION_SUPPORTED")    // RFC 7383
            .add(16431, "SIGNATURE_HASH_ALGORITHMS")        // RFC 7427
            .add(16432, "CLONE_IKE_SA_SUPPORTED")           // RFC 7791
            .add(16433, "CLONE_IKE_SA")
            .add(16434, "PUZZLE")                           // RFC 8019
            .add(16435, "USE_PPK")                          // RFC 8784
            .add(16436, "PPK_IDENTITY")
            .add(16437, "NO_PPK_AUTH")
            .add(16438, "INTERMEDIATE_EXCHANGE_SUPPORTED")  // RFC 9242
            .add(16439, "IP4_ALLOWED")                      // RFC 8983
            .add(16440, "IP6_ALLOWED")
            .add(16441, "ADDITIONAL_KEY_EXCHANGE")          // RFC 9370
            .add(16442, "USE_AGGFRAG")                      // RFC 9347
            .add(16443, "SUPPORTED_AUTH_METHODS")           // RFC 9593
            .add(16444, "SA_RESOURCE_INFO")                 // RFC 9611
            .add(16445, "USE_PPK_INT")                      // RFC 9867
            .add(16446, "PPK_IDENTITY_KEY")                 // RFC 9867
            .add(16447, "IKE_SA_INIT_FULL_TRANSCRIPT_AUTH") // early allocation, draft-ietf-ipsecme-ikev2-downgrade-prevention
            .range(16448, 40959, UNASSIGNED)
            .range(40960, 65535, "Private Use - Status")
            .build();

    /** IANA "IKEv2 Identification Payload ID Types". */
    public static final Registry ID_TYPE = Registry.builder("IKEv2 Identification Payload ID Types")
            .range(0, 0, RESERVED)
            .add(1, "ID_IPV4_ADDR")
            .add(2, "ID_FQDN")
            .add(3, "ID_RFC822_ADDR")
            .range(4, 4, UNASSIGNED)
            .add(5, "ID_IPV6_ADDR")
            .range(6, 8, UNASSIGNED)
            .add(9, "ID_DER_ASN1_DN")
            .add(10, "ID_DER_ASN1_GN")
            .add(11, "ID_KEY_ID")
            .add(12, "ID_FC_NAME")                       // RFC 4595
            .add(13, "ID_NULL")                          // RFC 7619
            .range(14, 200, UNASSIGNED)
            .range(201, 255, PRIVATE_USE)
            .build();

    /** IANA "IKEv2 Certificate Encodings". */
    public static final Registry CERT_ENCODING = Registry.builder("IKEv2 Certificate Encodings")
            .range(0, 0, RESERVED)
            .add(1, "PKCS #7 wrapped X.509 certificate")
            .add(2, "PGP Certificate")
            .add(3, "DNS Signed Key")
            .add(4, "X.509 Certificate - Signature")
            .range(5, 5, RESERVED)
            .add(6, "Kerberos Token")
            .add(7, "Certificate Revocation List (CRL)")
            .add(8, "Authority Revocation List (ARL)")
            .add(9, "SPKI Certificate")
            .add(10, "X.509 Certificate - Attribute")
            .add(11, "Raw RSA Key (DEPRECATED)")         // deprecated by RFC 7670
            .add(12, "Hash and URL of X.509 certificate")
            .add(13, "Hash and URL of X.509 bundle")
            .add(14, "OCSP Content")                     // RFC 4806
            .add(15, "Raw Public Key")                   // RFC 7670
            .range(16, 200, UNASSIGNED)
            .range(201, 255, PRIVATE_USE)
            .build();

    /** IANA "IKEv2 Authentication Method". */
    public static final Registry AUTH_METHOD = Registry.builder("IKEv2 Authentication Method")
            .range(0, 0, RESERVED)
            .add(1, "RSA Digital Signature")
            .add(2, "Shared Key Message Integrity Code")
            .add(3, "DSS Digital Signature")
            .range(4, 8, UNASSIGNED)
            .add(9, "ECDSA with SHA-256 on the P-256 curve")   // RFC 4754
            .add(10, "ECDSA with SHA-384 on the P-384 curve")
            .add(11, "ECDSA with SHA-512 on the P-521 curve")
            .add(12, "Generic Secure Password Authentication Method") // RFC 6467
            .add(13, "NULL Authentication")                     // RFC 7619
            .add(14, "Digital Signature")                       // RFC 7427
            .range(15, 200, UNASSIGNED)
            .range(201, 255, PRIVATE_USE)
            .build();

    /** IANA "IKEv2 Traffic Selector Types". */
    public static final Registry TS_TYPE = Registry.builder("IKEv2 Traffic Selector Types")
            .range(0, 6, RESERVED)
            .add(7, "TS_IPV4_ADDR_RANGE")
            .add(8, "TS_IPV6_ADDR_RANGE")
            .add(9, "TS_FC_ADDR_RANGE")                  // RFC 4595
            .add(10, "TS_SECLABEL")                      // RFC 9478
            .range(11, 240, UNASSIGNED)
            .range(241, 255, PRIVATE_USE)
            .build();

    /** IANA "IKEv2 Configuration Payload CFG Types". */
    public static final Registry CFG_TYPE = Registry.builder("IKEv2 Configuration Payload CFG Types")
            .range(0, 0, RESERVED)
            .add(1, "CFG_REQUEST")
            .add(2, "CFG_REPLY")
            .add(3, "CFG_SET")
            .add(4, "CFG_ACK")
            .range(5, 127, UNASSIGNED)
            .range(128, 255, PRIVATE_USE)
            .build();

    /** IANA "IKEv2 Configuration Payload Attribute Types". */
    public static final Registry CFG_ATTRIBUTE = Registry.builder("IKEv2 Configuration Payload Attribute Types")
            .range(0, 0, RESERVED)
            .add(1, "INTERNAL_IP4_ADDRESS")
            .add(2, "INTERNAL_IP4_NETMASK")
            .add(3, "INTERNAL_IP4_DNS")
            .add(4, "INTERNAL_IP4_NBNS")
            .range(5, 5, RESERVED)                       // was INTERNAL_ADDRESS_EXPIRY in RFC 4306
            .add(6, "INTERNAL_IP4_DHCP")
            .add(7, "APPLICATION_VERSION")
            .add(8, "INTERNAL_IP6_ADDRESS")
            .range(9, 9, RESERVED)                       // was INTERNAL_IP6_NETMASK in RFC 4306
            .add(10, "INTERNAL_IP6_DNS")
            .range(11, 11, RESERVED)                     // was INTERNAL_IP6_NBNS in RFC 4306
            .add(12, "INTERNAL_IP6_DHCP")
            .add(13, "INTERNAL_IP4_SUBNET")
            .add(14, "SUPPORTED_ATTRIBUTES")
            .add(15, "INTERNAL_IP6_SUBNET")
            .add(16, "MIP6_HOME_PREFIX")                 // RFC 5026
            .add(17, "INTERNAL_IP6_LINK")                // RFC 5739
            .add(18, "INTERNAL_IP6_PREFIX")
            .add(19, "HOME_AGENT_ADDRESS")               // 3GPP TS 24.302
            .add(20, "P_CSCF_IP4_ADDRESS")               // RFC 7651
            .add(21, "P_CSCF_IP6_ADDRESS")
            .add(22, "FTT_KAT")                          // 3GPP TS 24.302
            .add(23, "EXTERNAL_SOURCE_IP4_NAT_INFO")     // 3GPP TS 29.139
            .add(24, "TIMEOUT_PERIOD_FOR_LIVENESS_CHECK") // 3GPP TS 24.302
            .add(25, "INTERNAL_DNS_DOMAIN")              // RFC 8598
            .add(26, "INTERNAL_DNSSEC_TA")               // RFC 8598
            .add(27, "ENCDNS_IP4")                       // RFC 9464
            .add(28, "ENCDNS_IP6")
            .add(29, "ENCDNS_DIGEST_INFO")
            .range(30, 16383, UNASSIGNED)
            .range(16384, 32767, PRIVATE_USE)
            .build();

    /** IANA "IKEv2 Hash Algorithms" (RFC 7427 SIGNATURE_HASH_ALGORITHMS). */
    public static final Registry HASH_ALGORITHM = Registry.builder("IKEv2 Hash Algorithms")
            .range(0, 0, RESERVED)
            .add(1, "SHA1")
            .add(2, "SHA2-256")
            .add(3, "SHA2-384")
            .add(4, "SHA2-512")
            .add(5, "Identity")                          // RFC 8420
            .add(6, "STREEBOG_256")                      // RFC 9385
            .add(7, "STREEBOG_512")
            .range(8, 1023, UNASSIGNED)
            .range(1024, 65535, PRIVATE_USE)
            .build();

    /** IANA "IKEv2 Gateway Identity Types" (RFC 5685 REDIRECT). */
    public static final Registry GATEWAY_ID_TYPE = Registry.builder("IKEv2 Gateway Identity Types")
            .range(0, 0, RESERVED)
            .add(1, "IPv4 address of the new VPN gateway")
            .add(2, "IPv6 address of the new VPN gateway")
            .add(3, "FQDN of the new VPN gateway")
            .range(4, 240, UNASSIGNED)
            .range(241, 255, PRIVATE_USE)
            .build();

    /**
     * The ID table for a transform type: 1 ENCR, 2 PRF, 3 INTEG, 4 and 6-12 KE_METHOD, 5 ESN, 13 KWA, 14 GCAUTH;
     * null otherwise.
     */
    public static Registry transformIds(int transformType) {
        return switch (transformType) {
            case 1 -> ENCR;
            case 2 -> PRF;
            case 3 -> INTEG;
            case 4, 6, 7, 8, 9, 10, 11, 12 -> KE_METHOD;
            case 5 -> ESN;
            case 13 -> KWA;
            case 14 -> GCAUTH;
            default -> null;
        };
    }
}
