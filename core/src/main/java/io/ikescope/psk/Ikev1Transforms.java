package io.ikescope.psk;

import io.ikescope.wire.Attribute;
import io.ikescope.wire.Payload;
import io.ikescope.wire.PayloadTypes;
import io.ikescope.wire.Proposal;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.Transform;
import io.ikescope.wire.registry.Ikev1Registry;
import java.util.List;

/** What the responder's Phase 1 SA (MM2, AM2) says a pre-shared key check depends on. */
final class Ikev1Transforms {
    private static final int HASH_ALGORITHM = (int) Ikev1Registry.IKE_ATTRIBUTE.valueOf("Hash-Algorithm");
    private static final int AUTH_METHOD = (int) Ikev1Registry.IKE_ATTRIBUTE.valueOf("Authentication-Method");

    private Ikev1Transforms() {
    }

    /** The transform the responder chose (the first of its SA payload's first proposal), or null. */
    static Transform chosen(List<Payload> responderPayloads) {
        SecurityAssociationPayload sa = RawPayloads.first(responderPayloads, SecurityAssociationPayload.class,
                PayloadTypes.V1_SA);
        if (sa == null || sa.proposals().isEmpty()) {
            return null;
        }
        Proposal p = sa.proposals().get(0);
        return p.transforms().isEmpty() ? null : p.transforms().get(0);
    }

    /** Pre-shared key authentication, or an XAUTH variant whose SKEYID is the PSK one (draft-beaulieu-ike-xauth-02). */
    static boolean pskChosen(Transform t) {
        if (t == null) {
            return false;
        }
        for (Attribute a : t.attributes()) {
            if (a.type() == AUTH_METHOD) {
                String name = Ikev1Registry.IKE_AUTH_METHOD.name(a.numericValue());
                return name != null && (name.equals("Pre-shared key") || name.endsWith("PreShared"));
            }
        }
        return false;
    }

    /** The PRF of the negotiated hash, or null when there is none or it has no HMAC here. */
    static Prf prf(Transform t) {
        for (Attribute a : t == null ? List.<Attribute>of() : t.attributes()) {
            if (a.type() == HASH_ALGORITHM) {
                return Prf.ikev1Hash(a.numericValue());
            }
        }
        return null;
    }
}
