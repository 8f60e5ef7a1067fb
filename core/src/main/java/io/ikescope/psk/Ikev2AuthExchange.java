package io.ikescope.psk;

import io.ikescope.crypto.keys.LoggedSecrets;
import io.ikescope.wire.AuthenticationPayload;
import io.ikescope.wire.EncryptedFragmentPayload;
import io.ikescope.wire.EncryptedPayload;
import io.ikescope.wire.IdentificationPayload;
import io.ikescope.wire.IkeHeader;
import io.ikescope.wire.NoncePayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.PayloadTypes;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.Transform;
import io.ikescope.wire.registry.Ikev2Registry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * One IKEv2 IKE SA set up with shared-key AUTH (RFC 7296 2.15): AUTH = prf(prf(PSK, "Key Pad for IKEv2"),
 * SignedOctets), the initiator signing RealMessage1 | Nr | prf(SK_pi, IDi') and the responder RealMessage2 | Ni |
 * prf(SK_pr, IDr'). The IDs and AUTHs are inside the encrypted IKE_AUTH messages (decrypted with the key log);
 * SK_pi/SK_pr come from the key log too.
 */
final class Ikev2AuthExchange {
    private static final int IKE_SA_INIT = (int) Ikev2Registry.EXCHANGE_TYPE.valueOf("IKE_SA_INIT");
    private static final int IKE_AUTH = (int) Ikev2Registry.EXCHANGE_TYPE.valueOf("IKE_AUTH");
    private static final int PRF_TRANSFORM = (int) Ikev2Registry.TRANSFORM_TYPE.valueOf("Pseudorandom Function (PRF)");
    private static final int SHARED_KEY = (int) Ikev2Registry.AUTH_METHOD.valueOf("Shared Key Message Integrity Code");
    private static final byte[] KEY_PAD = "Key Pad for IKEv2".getBytes(StandardCharsets.US_ASCII);

    private final String spiI;
    private String spiR;
    private byte[] request;
    private byte[] response;
    private List<Payload> requestPayloads;
    private List<Payload> responsePayloads;
    private List<Payload> authRequest;
    private List<Payload> authResponse;

    Ikev2AuthExchange(String spiI) {
        this.spiI = spiI;
    }

    /**
     * Takes an IKEv2 message of this SA. The IKE_SA_INIT request kept is the last one before the first response
     * that chose an SA (a retry after INVALID_KE_PAYLOAD or COOKIE replaces the first request: RealMessage1 is
     * the one answered); IKE_AUTH messages count once decrypted, the first with an AUTH each way.
     */
    void add(IkeHeader h, byte[] bytes, List<Payload> payloads) {
        if (h.exchangeType() == IKE_SA_INIT && response == null) {
            if (!h.response() && h.initiator()) {
                request = bytes;
                requestPayloads = payloads;
            } else if (h.response() && request != null
                    && RawPayloads.first(payloads, SecurityAssociationPayload.class, PayloadTypes.V2_SA) != null) {
                response = bytes;
                responsePayloads = payloads;
                spiR = h.spiR().hex();
            }
        } else if (h.exchangeType() == IKE_AUTH && response != null) {
            List<Payload> inner = inner(payloads);
            if (RawPayloads.first(inner, AuthenticationPayload.class, PayloadTypes.V2_AUTH) == null) {
                return;
            }
            if (!h.response() && authRequest == null) {
                authRequest = inner;
            } else if (h.response() && authResponse == null) {
                authResponse = inner;
            }
        }
    }

    /** The decrypted payloads inside SK (or reassembled SKF); empty while encrypted. */
    private static List<Payload> inner(List<Payload> payloads) {
        for (Payload p : payloads) {
            if (p instanceof EncryptedPayload sk) {
                return sk.inner();
            }
            if (p instanceof EncryptedFragmentPayload skf) {
                return skf.inner();
            }
        }
        return List.of();
    }

    boolean sawInitialExchange() {
        return response != null;
    }

    /** False when a decrypted AUTH shows certificates or another method and no peer used a shared key. */
    boolean sharedKeyOrUnknown() {
        Boolean i = sharedKey(authRequest);
        Boolean r = sharedKey(authResponse);
        return !(Boolean.FALSE.equals(i) && r != Boolean.TRUE || Boolean.FALSE.equals(r) && i != Boolean.TRUE);
    }

    /** Whether these IKE_AUTH payloads carry a shared-key AUTH; null when none were decrypted. */
    private static Boolean sharedKey(List<Payload> inner) {
        if (inner == null) {
            return null;
        }
        return RawPayloads.first(inner, AuthenticationPayload.class, PayloadTypes.V2_AUTH).authMethod() == SHARED_KEY;
    }

    String spiR() {
        return spiR;
    }

    Prf prf() {
        SecurityAssociationPayload sa = RawPayloads.first(responsePayloads, SecurityAssociationPayload.class,
                PayloadTypes.V2_SA);
        if (sa.proposals().isEmpty()) {
            return null;
        }
        for (Transform t : sa.proposals().get(0).transforms()) {
            if (t.type() != null && t.type() == PRF_TRANSFORM) {
                return Prf.ikev2(t.id());
            }
        }
        return null;
    }

    /** Both peers' AUTH tested with every SK_pi/SK_pr set the key log holds for this SA ({@code keys}: those sets). */
    PskVerdict verdict(String id, String input, List<PskCandidate> candidates, List<LoggedSecrets> keys) {
        Prf prf = prf();
        if (prf == null) {
            String why = "the negotiated PRF has no HMAC here";
            return new PskVerdict(id, input, spiI, 2, "ikev2", null, PeerResult.notTested(why), PeerResult.notTested(why));
        }
        NoncePayload ni = RawPayloads.first(requestPayloads, NoncePayload.class, PayloadTypes.V2_NONCE);
        NoncePayload nr = RawPayloads.first(responsePayloads, NoncePayload.class, PayloadTypes.V2_NONCE);
        PeerResult initiator = side(prf, candidates, keys, true, request, nr, authRequest, PayloadTypes.V2_IDI);
        PeerResult responder = side(prf, candidates, keys, false, response, ni, authResponse, PayloadTypes.V2_IDR);
        return new PskVerdict(id, input, spiI, 2, "ikev2", prf.name(), initiator, responder);
    }

    private static PeerResult side(Prf prf, List<PskCandidate> candidates, List<LoggedSecrets> keys,
                                   boolean initiator, byte[] realMessage, NoncePayload peerNonce,
                                   List<Payload> inner, int idType) {
        String who = initiator ? "the initiator" : "the responder";
        if (inner == null) {
            return PeerResult.notTested(who + " sent no AUTH that could be decrypted"
                    + (initiator ? "" : " (a responder that refuses the initiator's AUTH sends none)"));
        }
        AuthenticationPayload auth = RawPayloads.first(inner, AuthenticationPayload.class, PayloadTypes.V2_AUTH);
        IdentificationPayload id = RawPayloads.first(inner, IdentificationPayload.class, idType);
        if (auth.authMethod() != SHARED_KEY) {
            return PeerResult.notTested(who + " authenticated with "
                    + Ikev2Registry.AUTH_METHOD.describe(auth.authMethod()) + ", not a shared key");
        }
        if (id == null || peerNonce == null) {
            return PeerResult.notTested(who + "'s ID or the other peer's nonce is missing");
        }
        if (keys.isEmpty()) {
            return PeerResult.notTested("the key log holds no SK_pi/SK_pr for this IKE SA");
        }
        byte[] idBody = idPrime(id);
        byte[] sent = auth.data().toArray();
        for (PskCandidate c : candidates) {
            byte[] padKey = prf.apply(c.key(), KEY_PAD);
            for (LoggedSecrets k : keys) {
                byte[] macedId = prf.apply((initiator ? k.skPi() : k.skPr()).toArray(), idBody);
                byte[] expected = prf.apply(padKey, realMessage, peerNonce.data().toArray(), macedId);
                if (MessageDigest.isEqual(expected, sent)) {
                    return PeerResult.matched(c);
                }
            }
        }
        return PeerResult.noneMatched();
    }

    /**
     * IDi'/IDr': the ID payload after its generic header (ID type, three RESERVED bytes, data). The payload sat in
     * decrypted plaintext the decoder does not keep, so it is rebuilt; RFC 7296 3.5 has RESERVED zero.
     */
    private static byte[] idPrime(IdentificationPayload id) {
        return RawPayloads.concat(new byte[] {(byte) id.idType(), 0, 0, 0}, id.data().toArray());
    }
}
