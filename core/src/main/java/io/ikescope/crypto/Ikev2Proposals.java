package io.ikescope.crypto;

import io.ikescope.wire.Attribute;
import io.ikescope.wire.Payload;
import io.ikescope.wire.Proposal;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.Transform;
import java.util.List;

/** The IKEv2 algorithms an SA payload names, as the decryptor needs them. */
final class Ikev2Proposals {
    private static final int PROTOCOL_IKE = 1;
    private static final int TRANSFORM_ENCR = 1;
    private static final int TRANSFORM_INTEG = 3;
    private static final int ATTR_KEY_LENGTH = 14;

    private Ikev2Proposals() {
    }

    /** The first proposal for protocol IKE in the SA payloads (a response's is the chosen one), else null. */
    static Proposal ikeProposal(List<Payload> payloads) {
        for (Payload p : payloads) {
            if (p instanceof SecurityAssociationPayload sa) {
                for (Proposal proposal : sa.proposals()) {
                    if (proposal.protocolId() == PROTOCOL_IKE) {
                        return proposal;
                    }
                }
            }
        }
        return null;
    }

    /** The ENCR transform with its Key Length attribute (0 when absent), or null without one. */
    static EncryptionSpec encryption(Proposal proposal) {
        for (Transform t : proposal.transforms()) {
            if (t.type() != null && t.type() == TRANSFORM_ENCR) {
                int bits = 0;
                for (Attribute a : t.attributes()) {
                    if (a.type() == ATTR_KEY_LENGTH && a.numericValue() > 0 && a.numericValue() <= 4096) {
                        bits = (int) a.numericValue();
                    }
                }
                return new EncryptionSpec(t.id(), bits);
            }
        }
        return null;
    }

    /** The INTEG transform (checked), or NONE without one (AEAD). */
    static IntegritySpec integrity(Proposal proposal) {
        for (Transform t : proposal.transforms()) {
            if (t.type() != null && t.type() == TRANSFORM_INTEG) {
                int icv = Integrities.icvLength(t.id());
                return new IntegritySpec(t.id(), Math.max(icv, 0), true);
            }
        }
        return new IntegritySpec(Integrities.NONE, 0, true);
    }
}
