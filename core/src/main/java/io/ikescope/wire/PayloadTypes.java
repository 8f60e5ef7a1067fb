package io.ikescope.wire;

/** Payload type numbers the decoder dispatches on (names come from the registries, not from here). */
public final class PayloadTypes {
    private PayloadTypes() {
    }

    public static final int NONE = 0;

    // IKEv1 / ISAKMP (RFC 2408, RFC 3947, drafts)
    public static final int V1_SA = 1;
    public static final int V1_PROPOSAL = 2;
    public static final int V1_TRANSFORM = 3;
    public static final int V1_KE = 4;
    public static final int V1_ID = 5;
    public static final int V1_CERT = 6;
    public static final int V1_CR = 7;
    public static final int V1_HASH = 8;
    public static final int V1_SIG = 9;
    public static final int V1_NONCE = 10;
    public static final int V1_NOTIFY = 11;
    public static final int V1_DELETE = 12;
    public static final int V1_VID = 13;
    public static final int V1_ATTRIBUTE = 14;
    public static final int V1_NAT_D = 20;
    public static final int V1_NAT_OA = 21;
    public static final int V1_NAT_D_DRAFT = 130;
    public static final int V1_NAT_OA_DRAFT = 131;
    public static final int V1_CISCO_FRAGMENT = 132;

    // IKEv2 (RFC 7296, RFC 7383)
    public static final int V2_SA = 33;
    public static final int V2_KE = 34;
    public static final int V2_IDI = 35;
    public static final int V2_IDR = 36;
    public static final int V2_CERT = 37;
    public static final int V2_CERTREQ = 38;
    public static final int V2_AUTH = 39;
    public static final int V2_NONCE = 40;
    public static final int V2_NOTIFY = 41;
    public static final int V2_DELETE = 42;
    public static final int V2_VID = 43;
    public static final int V2_TSI = 44;
    public static final int V2_TSR = 45;
    public static final int V2_SK = 46;
    public static final int V2_CP = 47;
    public static final int V2_EAP = 48;
    public static final int V2_SKF = 53;
}
