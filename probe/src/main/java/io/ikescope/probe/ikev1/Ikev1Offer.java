package io.ikescope.probe.ikev1;

import io.ikescope.probe.wire.WireWriter;
import io.ikescope.wire.PayloadTypes;
import io.ikescope.wire.registry.Ikev1Registry;
import java.util.List;

/**
 * The SA payload body of a Phase 1 offer (RFC 2408 3.4-3.6, RFC 2409 5): DOI IPsec, situation identity only,
 * one ISAKMP proposal holding one KEY_IKE transform per suite, each with its attributes in Type/Value form and a
 * lifetime of {@link #LIFETIME_SECONDS} seconds.
 */
public record Ikev1Offer(List<Ikev1Suite> suites) {
    /** RFC 2407's suggested default Phase 1 lifetime, 8 hours: what ike-scan and most initiators offer. */
    static final int LIFETIME_SECONDS = 28800;

    private static final long DOI_IPSEC = Ikev1Registry.DOI.valueOf("IPSEC");
    private static final long SIT_IDENTITY_ONLY = Ikev1Registry.IPSEC_SITUATION.valueOf("SIT_IDENTITY_ONLY");
    private static final int PROTO_ISAKMP = (int) Ikev1Registry.PROTOCOL_ID.valueOf("ISAKMP");
    private static final int KEY_IKE = (int) Ikev1Registry.ISAKMP_TRANSFORM_ID.valueOf("KEY_IKE");
    private static final int ENCRYPTION = attribute("Encryption-Algorithm");
    private static final int KEY_LENGTH = attribute("Key-Length");
    private static final int HASH = attribute("Hash-Algorithm");
    private static final int AUTH_METHOD = attribute("Authentication-Method");
    private static final int GROUP = attribute("Group-Description");
    private static final int LIFE_TYPE = attribute("Life-Type");
    private static final int LIFE_DURATION = attribute("Life-Duration");
    private static final int SECONDS = (int) Ikev1Registry.IKE_LIFE_TYPE.valueOf("Seconds");
    /** Attribute format bit: Type/Value, the two-byte value in place of a length (RFC 2408 3.3). */
    private static final int ATTRIBUTE_TV = 0x8000;
    /** A proposal or transform that is the last of its kind: next payload NONE. */
    private static final int LAST = PayloadTypes.NONE;
    private static final int PROPOSAL_HEADER = 8;
    private static final int TRANSFORM_HEADER = 8;
    private static final int ATTRIBUTE = 4;
    /** The transform number is one byte (RFC 2408 3.6). */
    static final int MAX_TRANSFORMS = 255;

    public Ikev1Offer {
        suites = List.copyOf(suites);
        if (suites.isEmpty() || suites.size() > MAX_TRANSFORMS) {
            throw new IllegalArgumentException("an offer holds 1 to " + MAX_TRANSFORMS + " transforms, not "
                    + suites.size());
        }
        for (Ikev1Suite s : suites) {
            if (!s.complete()) {
                throw new IllegalArgumentException("an offered transform needs every attribute: " + s.text());
            }
        }
    }

    static int attribute(String name) {
        return (int) Ikev1Registry.IKE_ATTRIBUTE.valueOf(name);
    }

    public byte[] saBody() {
        WireWriter w = new WireWriter();
        w.u32(DOI_IPSEC).u32(SIT_IDENTITY_ONLY);
        int proposalAt = w.size();
        w.u8(LAST).u8(0).u16(0);
        w.u8(1).u8(PROTO_ISAKMP).u8(0).u8(suites.size());
        for (int i = 0; i < suites.size(); i++) {
            Ikev1Suite s = suites.get(i);
            int attributes = (s.keyBits() == null ? 6 : 7) * ATTRIBUTE;
            w.u8(i + 1 < suites.size() ? PayloadTypes.V1_TRANSFORM : LAST).u8(0).u16(TRANSFORM_HEADER + attributes);
            w.u8(i + 1).u8(KEY_IKE).u16(0);
            tv(w, ENCRYPTION, s.encryption());
            if (s.keyBits() != null) {
                tv(w, KEY_LENGTH, s.keyBits());
            }
            tv(w, HASH, s.hash());
            tv(w, AUTH_METHOD, s.authMethod());
            tv(w, GROUP, s.group());
            tv(w, LIFE_TYPE, SECONDS);
            tv(w, LIFE_DURATION, LIFETIME_SECONDS);
        }
        w.putU16(proposalAt + 2, w.size() - proposalAt);
        return w.toArray();
    }

    private static void tv(WireWriter w, int type, int value) {
        w.u16(ATTRIBUTE_TV | type).u16(value);
    }

    /** Bytes a transform of this suite takes in the SA payload. */
    static int transformLength(Ikev1Suite s) {
        return TRANSFORM_HEADER + (s.keyBits() == null ? 6 : 7) * ATTRIBUTE;
    }

    /** Bytes of the SA payload body before the first transform. */
    static int headerLength() {
        return 8 + PROPOSAL_HEADER;
    }
}
