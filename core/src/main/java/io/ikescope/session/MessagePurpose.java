package io.ikescope.session;

import io.ikescope.wire.Attribute;
import io.ikescope.wire.ConfigurationPayload;
import io.ikescope.wire.DeletePayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.registry.Ikev1Registry;
import io.ikescope.wire.registry.Ikev2Registry;

/**
 * What a message does, when its (cleartext or decrypted) content shows it; see {@link MessageRecord#purpose()}.
 * Judged from the content first (DPD, delete, XAUTH status may ride in any exchange), then by exchange kind.
 */
final class MessagePurpose {
    private static final String REKEY_SA = "REKEY_SA";
    private static final String R_U_THERE = "R_U_THERE";
    private static final String R_U_THERE_ACK = "R_U_THERE_ACK";
    private static final int ISAKMP_PROTOCOL = RegistryValues.of(Ikev1Registry.PROTOCOL_ID, "ISAKMP");
    private static final int IKE_PROTOCOL = RegistryValues.of(Ikev2Registry.PROTOCOL_ID, "IKE");
    private static final int XAUTH_STATUS = RegistryValues.of(Ikev1Registry.CFG_ATTRIBUTE, "XAUTH_STATUS");

    private MessagePurpose() {
    }

    static String of(int version, String exchange, boolean response, boolean encrypted, boolean decrypted,
                     MessageContent content) {
        for (NotifySeen n : content.notifies()) {
            if (n.is(R_U_THERE)) {
                return "dpd";
            }
            if (n.is(R_U_THERE_ACK)) {
                return "dpd-ack";
            }
        }
        for (Payload p : content.visible()) {
            if (p instanceof DeletePayload del) {
                return del.protocolId() == (version == 1 ? ISAKMP_PROTOCOL : IKE_PROTOCOL) ? "delete-ike-sa"
                        : "delete-child-sa";
            }
            if (p instanceof ConfigurationPayload cp && version == 1) {
                for (Attribute a : cp.attributes()) {
                    if (a.type() == XAUTH_STATUS && a.numericValue() >= 0) {
                        return a.numericValue() == 0 ? "xauth-failed" : "xauth-ok";
                    }
                }
            }
        }
        if (version == 2 && exchange.equals(ExchangeNames.INFORMATIONAL_V2) && encrypted && decrypted
                && content.visible().isEmpty()) {
            return "liveness";
        }
        if (version == 2 && exchange.equals(ExchangeNames.CREATE_CHILD_SA) && decrypted && !response) {
            SecurityAssociationPayload sa = content.first(SecurityAssociationPayload.class);
            if (sa != null && ProposalReader.negotiatesIkeSa(2, sa)) {
                return "ike-rekey";
            }
            for (NotifySeen n : content.notifies()) {
                if (n.is(REKEY_SA)) {
                    return "child-rekey";
                }
            }
            return sa != null ? "new-child" : null;
        }
        return null;
    }
}
