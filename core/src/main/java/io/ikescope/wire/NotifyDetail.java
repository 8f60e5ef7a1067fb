package io.ikescope.wire;

import java.util.List;

/** Notification data decoded for the notify types that define a layout. */
public sealed interface NotifyDetail {

    /** The type defines no data and none was sent (a status flag such as IKEV2_FRAGMENTATION_SUPPORTED). */
    record NoData() implements NotifyDetail {
    }

    /** INVALID_KE_PAYLOAD: the group the responder wants. */
    record AcceptedGroup(int dhGroup) implements NotifyDetail {
    }

    /** COOKIE: the value to send back. */
    record Cookie(Bytes cookie) implements NotifyDetail {
    }

    /** NAT_DETECTION_SOURCE_IP / NAT_DETECTION_DESTINATION_IP. */
    record NatDetectionHash(Bytes hash) implements NotifyDetail {
    }

    /** SIGNATURE_HASH_ALGORITHMS (RFC 7427). */
    record HashAlgorithms(List<Integer> algorithms) implements NotifyDetail {
        public HashAlgorithms {
            algorithms = List.copyOf(algorithms);
        }
    }

    /** REKEY_SA: the SA being rekeyed is named by the notify's protocol and SPI. */
    record RekeySa(int protocolId, Bytes spi) implements NotifyDetail {
    }

    /** IKEv1 DPD R-U-THERE / R-U-THERE-ACK (RFC 3706). */
    record DpdSequence(long sequence) implements NotifyDetail {
    }

    /** IKEv1 RESPONDER-LIFETIME: IPsec SA attributes (life type and duration). */
    record ResponderLifetime(List<Attribute> attributes) implements NotifyDetail {
        public ResponderLifetime {
            attributes = List.copyOf(attributes);
        }
    }

    /**
     * REDIRECT / REDIRECTED_FROM (RFC 5685).
     *
     * @param gateway the gateway as text (address or FQDN), or hex for unknown identity types
     * @param nonce   the initiator's nonce (REDIRECT in IKE_SA_INIT only), else empty
     */
    record Redirect(int gatewayIdType, String gateway, Bytes nonce) implements NotifyDetail {
    }

    /** IPCOMP_SUPPORTED: the CPI and the IPComp transform ID. */
    record IpComp(int cpi, int transformId) implements NotifyDetail {
    }

    /** A single number, named by {@code label}: AUTH_LIFETIME (lifetimeSeconds), SET_WINDOW_SIZE (windowSize), INVALID_MESSAGE_ID (messageId). */
    record Number(String label, long value) implements NotifyDetail {
    }
}
