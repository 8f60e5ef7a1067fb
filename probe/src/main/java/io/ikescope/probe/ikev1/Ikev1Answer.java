package io.ikescope.probe.ikev1;

import io.ikescope.wire.Attribute;
import io.ikescope.wire.HashPayload;
import io.ikescope.wire.IdentificationPayload;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.KeyExchangePayload;
import io.ikescope.wire.NoncePayload;
import io.ikescope.wire.NotifyPayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.Proposal;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.Transform;
import io.ikescope.wire.registry.Ikev1Registry;

/**
 * What one answer to an MM1 or AM1 says (RFC 2409 5, RFC 2408 5.4): the responder chose one transform (an SA
 * with one proposal of one transform: MM2, or AM2 with KE, Nr, IDir and HASH_R), it accepts none of the offer
 * (an Informational NO-PROPOSAL-CHOSEN), it sent another error notify, or something else.
 */
public record Ikev1Answer(Kind kind, Ikev1Suite chosen, String notifyName, int exchangeType, boolean keyExchange,
                          boolean nonce, boolean identification, boolean hash, IkeMessage message) {
    public enum Kind { CHOSEN, NO_PROPOSAL_CHOSEN, NOTIFY, OTHER, NONE }

    private static final int NO_PROPOSAL_CHOSEN = (int) Ikev1Registry.NOTIFY_TYPE.valueOf("NO-PROPOSAL-CHOSEN");
    /** Notify types below this one are errors (RFC 2408 3.14.1). */
    private static final int FIRST_STATUS_TYPE = (int) Ikev1Registry.NOTIFY_TYPE.valueOf("CONNECTED");
    private static final int ENCRYPTION = Ikev1Offer.attribute("Encryption-Algorithm");
    private static final int KEY_LENGTH = Ikev1Offer.attribute("Key-Length");
    private static final int HASH = Ikev1Offer.attribute("Hash-Algorithm");
    private static final int AUTH_METHOD = Ikev1Offer.attribute("Authentication-Method");
    private static final int GROUP = Ikev1Offer.attribute("Group-Description");

    public static final Ikev1Answer NO_ANSWER = new Ikev1Answer(Kind.NONE, null, null, -1, false, false, false,
            false, null);

    public static Ikev1Answer of(byte[] ike) {
        IkeMessage m = IkeDecoder.decode(ike);
        if (m.ikeVersion() != 1) {
            return other("not an IKEv1 message", m, -1);
        }
        int exchange = m.header().exchangeType();
        if (m.header().encryption()) {
            return other("an encrypted " + Ikev1Registry.EXCHANGE_TYPE.describe(exchange) + " message", m, exchange);
        }
        SecurityAssociationPayload sa = null;
        NotifyPayload firstError = null;
        boolean ke = false;
        boolean nonce = false;
        boolean id = false;
        boolean hash = false;
        for (Payload p : m.payloads()) {
            if (p instanceof SecurityAssociationPayload s && sa == null) {
                sa = s;
            } else if (p instanceof NotifyPayload n && n.notifyType() < FIRST_STATUS_TYPE && firstError == null) {
                firstError = n;
            } else if (p instanceof KeyExchangePayload) {
                ke = true;
            } else if (p instanceof NoncePayload) {
                nonce = true;
            } else if (p instanceof IdentificationPayload) {
                id = true;
            } else if (p instanceof HashPayload) {
                hash = true;
            }
        }
        if (firstError != null) {
            String name = Ikev1Registry.NOTIFY_TYPE.describe(firstError.notifyType());
            Kind kind = firstError.notifyType() == NO_PROPOSAL_CHOSEN ? Kind.NO_PROPOSAL_CHOSEN : Kind.NOTIFY;
            return new Ikev1Answer(kind, null, name, exchange, ke, nonce, id, hash, m);
        }
        if (sa == null) {
            return other("an answer with neither SA nor error notify", m, exchange);
        }
        if (sa.proposals().size() != 1 || sa.proposals().get(0).transforms().size() != 1) {
            int transforms = sa.proposals().stream().mapToInt(p -> p.transforms().size()).sum();
            return other("an SA with " + sa.proposals().size() + " proposals and " + transforms
                    + " transforms instead of one chosen", m, exchange);
        }
        return new Ikev1Answer(Kind.CHOSEN, chosen(sa.proposals().get(0)), null, exchange, ke, nonce, id, hash, m);
    }

    private static Ikev1Answer other(String what, IkeMessage m, int exchange) {
        return new Ikev1Answer(Kind.OTHER, null, what, exchange, false, false, false, false, m);
    }

    /** The suite a chosen transform names, by its attributes (the transform number need not be the offer's). */
    static Ikev1Suite chosen(Proposal p) {
        Transform t = p.transforms().get(0);
        Integer encryption = null;
        Integer keyBits = null;
        Integer hash = null;
        Integer auth = null;
        Integer group = null;
        for (Attribute a : t.attributes()) {
            int value = (int) a.numericValue();
            if (a.type() == ENCRYPTION) {
                encryption = value;
            } else if (a.type() == KEY_LENGTH) {
                keyBits = value;
            } else if (a.type() == HASH) {
                hash = value;
            } else if (a.type() == AUTH_METHOD) {
                auth = value;
            } else if (a.type() == GROUP) {
                group = value;
            }
        }
        return new Ikev1Suite(encryption, keyBits, hash, auth, group);
    }

    public boolean aggressive() {
        return exchangeType == AggressiveModeRequest.AGGRESSIVE;
    }
}
