package io.ikescope.wire;

/** One IKE payload: a record per kind, each holding what the wire said (numbers and bytes). */
public sealed interface Payload permits SecurityAssociationPayload, KeyExchangePayload, IdentificationPayload,
        CertificatePayload, CertificateRequestPayload, HashPayload, SignaturePayload, AuthenticationPayload,
        NoncePayload, NotifyPayload, DeletePayload, VendorIdPayload, NatDiscoveryPayload, NatOriginalAddressPayload,
        TrafficSelectorPayload, ConfigurationPayload, EapPayload, EncryptedPayload, EncryptedFragmentPayload,
        CiscoFragmentPayload, UnknownPayload, MalformedPayload {

    PayloadHeader header();

    /** The payload type number on the wire. */
    default int type() {
        return header().type();
    }

    /** The declared payload length, generic header included. */
    default int length() {
        return header().length();
    }
}
