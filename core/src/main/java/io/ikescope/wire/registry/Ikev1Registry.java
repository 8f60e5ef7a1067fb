package io.ikescope.wire.registry;

/**
 * IKEv1/ISAKMP registries (IANA "Internet Key Exchange (IKE) Attributes", "ISAKMP Identifiers",
 * "Internet Security Association and Key Management Protocol (ISAKMP) Identifiers" and the IPsec DOI).
 * SKELETON: the tables are filled in by the registry work; field names are the stable API.
 */
public final class Ikev1Registry {
    private Ikev1Registry() {
    }

    public static final Registry EXCHANGE_TYPE = Registry.builder("ISAKMP Exchange Types").build();
    public static final Registry PAYLOAD_TYPE = Registry.builder("ISAKMP Next Payload Types").build();
    /** Short notation used in reports: SA, P, T, KE, ID, CERT, CR, HASH, SIG, NONCE, N, D, VID, ATTR, NAT-D, NAT-OA, FRAG ... */
    public static final Registry PAYLOAD_ABBREV = Registry.builder("ISAKMP Next Payload Types (short)").build();
    public static final Registry DOI = Registry.builder("ISAKMP Domain of Interpretation").build();
    public static final Registry PROTOCOL_ID = Registry.builder("IPSEC Security Protocol Identifiers").build();
    public static final Registry ISAKMP_TRANSFORM_ID = Registry.builder("ISAKMP Transform Identifiers").build();
    public static final Registry AH_TRANSFORM_ID = Registry.builder("IPSEC AH Transform Identifiers").build();
    public static final Registry ESP_TRANSFORM_ID = Registry.builder("IPSEC ESP Transform Identifiers").build();
    public static final Registry IPCOMP_TRANSFORM_ID = Registry.builder("IPCOMP Transform Identifiers").build();

    /** Phase 1 (IKE SA) attribute classes, names hyphenated as tshark shows them: "Encryption-Algorithm", "Key-Length". */
    public static final Registry IKE_ATTRIBUTE = Registry.builder("IKE Attributes").build();
    public static final Registry IKE_ENCRYPTION_ALGORITHM = Registry.builder("IKE Encryption Algorithm Class Values").build();
    public static final Registry IKE_HASH_ALGORITHM = Registry.builder("IKE Hash Algorithm Class Values").build();
    public static final Registry IKE_AUTH_METHOD = Registry.builder("IKE Authentication Method Class Values").build();
    public static final Registry IKE_GROUP_DESCRIPTION = Registry.builder("IKE Group Description Class Values").build();
    public static final Registry IKE_GROUP_TYPE = Registry.builder("IKE Group Type Class Values").build();
    public static final Registry IKE_LIFE_TYPE = Registry.builder("IKE Life Type Class Values").build();
    public static final Registry IKE_PRF = Registry.builder("IKE PRF Class Values").build();

    /** Phase 2 (IPsec SA) attribute types, names hyphenated as tshark shows them: "SA-Life-Type", "Encapsulation-Mode". */
    public static final Registry IPSEC_ATTRIBUTE = Registry.builder("IPSEC Security Association Attributes").build();
    public static final Registry IPSEC_LIFE_TYPE = Registry.builder("IPSEC SA Life Type Values").build();
    public static final Registry IPSEC_ENCAPSULATION_MODE = Registry.builder("IPSEC Encapsulation Mode Values").build();
    public static final Registry IPSEC_AUTH_ALGORITHM = Registry.builder("IPSEC Authentication Algorithm Values").build();

    public static final Registry NOTIFY_TYPE = Registry.builder("ISAKMP Notify Message Types").build();
    public static final Registry ID_TYPE = Registry.builder("IPSEC Identification Types").build();
    public static final Registry CERT_ENCODING = Registry.builder("ISAKMP Certificate Encodings").build();
    /** Mode-config (draft-dukes-ike-mode-cfg) message types: ISAKMP_CFG_REQUEST ... */
    public static final Registry CFG_TYPE = Registry.builder("ISAKMP Configuration Message Types").build();
    /** Mode-config and XAUTH attribute types. */
    public static final Registry CFG_ATTRIBUTE = Registry.builder("ISAKMP Configuration Attributes").build();

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
