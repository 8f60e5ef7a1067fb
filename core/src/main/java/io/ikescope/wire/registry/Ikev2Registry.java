package io.ikescope.wire.registry;

/**
 * IKEv2 registries (IANA "Internet Key Exchange Version 2 (IKEv2) Parameters"), one table each.
 * SKELETON: the tables are filled in by the registry work; field names are the stable API.
 */
public final class Ikev2Registry {
    private Ikev2Registry() {
    }

    public static final Registry EXCHANGE_TYPE = Registry.builder("IKEv2 Exchange Types").build();
    /** Full IANA payload names ("Security Association"). */
    public static final Registry PAYLOAD_TYPE = Registry.builder("IKEv2 Payload Types").build();
    /** Short notation used in reports: SA, KE, IDi, IDr, CERT, CERTREQ, AUTH, NONCE, N, D, VID, TSi, TSr, SK, CP, EAP, GSPM, IDg, GSA, KD, SKF, PS. */
    public static final Registry PAYLOAD_ABBREV = Registry.builder("IKEv2 Payload Types (short)").build();
    public static final Registry TRANSFORM_TYPE = Registry.builder("Transform Type Values").build();
    public static final Registry ENCR = Registry.builder("Transform Type 1 - Encryption Algorithm Transform IDs").build();
    public static final Registry PRF = Registry.builder("Transform Type 2 - Pseudorandom Function Transform IDs").build();
    public static final Registry INTEG = Registry.builder("Transform Type 3 - Integrity Algorithm Transform IDs").build();
    public static final Registry KE_METHOD = Registry.builder("Transform Type 4 - Key Exchange Method Transform IDs").build();
    public static final Registry ESN = Registry.builder("Transform Type 5 - Sequence Numbers Transform IDs").build();
    public static final Registry TRANSFORM_ATTRIBUTE = Registry.builder("IKEv2 Transform Attribute Types").build();
    public static final Registry PROTOCOL_ID = Registry.builder("IKEv2 Security Protocol Identifiers").build();
    public static final Registry NOTIFY_TYPE = Registry.builder("IKEv2 Notify Message Types").build();
    public static final Registry ID_TYPE = Registry.builder("IKEv2 Identification Payload ID Types").build();
    public static final Registry CERT_ENCODING = Registry.builder("IKEv2 Certificate Encodings").build();
    public static final Registry AUTH_METHOD = Registry.builder("IKEv2 Authentication Method").build();
    public static final Registry TS_TYPE = Registry.builder("IKEv2 Traffic Selector Types").build();
    public static final Registry CFG_TYPE = Registry.builder("IKEv2 Configuration Payload CFG Types").build();
    public static final Registry CFG_ATTRIBUTE = Registry.builder("IKEv2 Configuration Payload Attribute Types").build();
    public static final Registry HASH_ALGORITHM = Registry.builder("IKEv2 Hash Algorithms").build();
    public static final Registry GATEWAY_ID_TYPE = Registry.builder("IKEv2 Gateway Identity Types").build();

    /** The ID table for a transform type: 1 ENCR, 2 PRF, 3 INTEG, 4 and 6-12 KE_METHOD, 5 ESN; null otherwise. */
    public static Registry transformIds(int transformType) {
        return switch (transformType) {
            case 1 -> ENCR;
            case 2 -> PRF;
            case 3 -> INTEG;
            case 4, 6, 7, 8, 9, 10, 11, 12 -> KE_METHOD;
            case 5 -> ESN;
            default -> null;
        };
    }
}
