package io.ikescope.probe.ikev2;

import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.NotifyDetail;
import io.ikescope.wire.NotifyPayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.Proposal;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.Transform;
import io.ikescope.wire.registry.Ikev2Registry;

/**
 * What one IKE_SA_INIT answer says about the offer it answers (RFC 7296 1.2, 2.6, 2.7): the peer chose a
 * proposal (an SA in the answer), it accepts the offer but wants another KE group (INVALID_KE_PAYLOAD naming one
 * of the offered groups), it accepts none of it (NO_PROPOSAL_CHOSEN), it wants a cookie first, or something else.
 */
public record Ikev2Answer(Kind kind, Integer group, byte[] cookie, Ikev2Suite chosen, String notifyName,
                          IkeMessage message) {
    public enum Kind { CHOSEN, INVALID_KE, NO_PROPOSAL_CHOSEN, COOKIE, OTHER, NONE }

    private static final int INVALID_KE_PAYLOAD = (int) Ikev2Registry.NOTIFY_TYPE.valueOf("INVALID_KE_PAYLOAD");
    private static final int NO_PROPOSAL_CHOSEN = (int) Ikev2Registry.NOTIFY_TYPE.valueOf("NO_PROPOSAL_CHOSEN");
    private static final int COOKIE = (int) Ikev2Registry.NOTIFY_TYPE.valueOf("COOKIE");
    /** Notify types below this one are errors (RFC 7296 3.10.1). */
    private static final int FIRST_STATUS_TYPE = 16384;

    public static final Ikev2Answer NO_ANSWER = new Ikev2Answer(Kind.NONE, null, null, null, null, null);

    public static Ikev2Answer of(byte[] ike) {
        IkeMessage m = IkeDecoder.decode(ike);
        if (m.ikeVersion() != 2 || m.header() == null || !m.header().response()) {
            return new Ikev2Answer(Kind.OTHER, null, null, null, "not an IKEv2 response", m);
        }
        SecurityAssociationPayload sa = null;
        NotifyPayload firstError = null;
        for (Payload p : m.payloads()) {
            if (p instanceof SecurityAssociationPayload s) {
                sa = s;
            } else if (p instanceof NotifyPayload n) {
                if (n.notifyType() == COOKIE && n.detail() instanceof NotifyDetail.Cookie c) {
                    return new Ikev2Answer(Kind.COOKIE, null, c.cookie().toArray(), null, "COOKIE", m);
                }
                if (n.notifyType() < FIRST_STATUS_TYPE && firstError == null) {
                    firstError = n;
                }
            }
        }
        if (firstError != null) {
            String name = Ikev2Registry.NOTIFY_TYPE.describe(firstError.notifyType());
            if (firstError.notifyType() == INVALID_KE_PAYLOAD
                    && firstError.detail() instanceof NotifyDetail.AcceptedGroup g) {
                return new Ikev2Answer(Kind.INVALID_KE, g.dhGroup(), null, null, name, m);
            }
            if (firstError.notifyType() == NO_PROPOSAL_CHOSEN) {
                return new Ikev2Answer(Kind.NO_PROPOSAL_CHOSEN, null, null, null, name, m);
            }
            return new Ikev2Answer(Kind.OTHER, null, null, null, name, m);
        }
        if (sa != null && sa.proposals().size() == 1) {
            return new Ikev2Answer(Kind.CHOSEN, null, null, chosen(sa.proposals().get(0)), null, m);
        }
        return new Ikev2Answer(Kind.OTHER, null, null, null,
                sa == null ? "an answer with neither SA nor error" : "an SA with " + sa.proposals().size()
                        + " proposals", m);
    }

    private static Ikev2Suite chosen(Proposal p) {
        Ikev2Transform encryption = null;
        Integer prf = null;
        Integer integrity = null;
        Integer group = null;
        for (Transform t : p.transforms()) {
            int type = t.type() == null ? -1 : t.type();
            if (type == Ikev2Transform.ENCR) {
                Integer keyBits = null;
                for (var a : t.attributes()) {
                    if (a.type() == Ikev2Offer.KEY_LENGTH) {
                        keyBits = (int) a.numericValue();
                    }
                }
                encryption = new Ikev2Transform(type, t.id(), keyBits);
            } else if (type == Ikev2Transform.PRF) {
                prf = t.id();
            } else if (type == Ikev2Transform.INTEG) {
                integrity = t.id() == 0 ? null : t.id();
            } else if (type == Ikev2Transform.KE) {
                group = t.id();
            }
        }
        return new Ikev2Suite(encryption, prf, integrity, group);
    }
}
