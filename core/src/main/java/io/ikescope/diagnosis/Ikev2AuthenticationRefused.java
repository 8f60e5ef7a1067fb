package io.ikescope.diagnosis;

import io.ikescope.session.Exchange;
import io.ikescope.session.ExchangeNames;
import io.ikescope.session.MessageRecord;

/**
 * IKEv2 authentication failure seen without keys: the IKE_AUTH response is too small to hold the responder's
 * identity and AUTH payload, so it holds only a notify (an accepting responder always sends IDr and AUTH), and
 * nothing shows the SA in use afterwards.
 */
final class Ikev2AuthenticationRefused implements Rule {
    @Override
    public String name() {
        return "IKEv2 authentication refused";
    }

    @Override
    public Verdict apply(Facts f) {
        if (!f.v2) {
            return null;
        }
        Exchange auth = f.last(ExchangeNames.IKE_AUTH);
        if (auth == null || !auth.answered()) {
            return null;
        }
        MessageRecord response = auth.responses().get(0);
        Integer room = response.payloadRoom();
        if (response.decrypted() || room == null || room >= Facts.MIN_AUTH_ROOM || Established.ikev2InUse(f, response)) {
            return null;
        }
        return VerdictBuilder.inferred(VerdictCode.AUTH_FAILED, 1)
                .summary("Authentication failed (inferred): the responder's IKE_AUTH answer is too small to hold its"
                        + " AUTH payload, so it carries only an error notify, in all likelihood AUTHENTICATION_FAILED.")
                .explanation("The IKE_AUTH request (" + Facts.frame(auth.first()) + ") was answered by "
                        + Facts.describe(response) + ", " + response.length() + " bytes: with the negotiated "
                        + f.n.phase1().chosen().encryption()
                        + (f.n.phase1().chosen().integrity() != null ? " and " + f.n.phase1().chosen().integrity() : "")
                        + " its encrypted payload leaves at most " + room + " bytes for payloads, less than the "
                        + Facts.MIN_AUTH_ROOM + " an identity and an AUTH payload need. A responder that accepts the"
                        + " initiator sends IDr and AUTH; one that refuses sends a lone notify. Nothing afterwards"
                        + " (no ESP, no further exchange) shows the IKE SA in use. " + capitalize(f.keyMaterial()) + ".")
                .fix("Check the initiator's credentials against the responder's configuration: the same pre-shared key"
                        + " for these identities, or a certificate the responder trusts whose identity matches; the"
                        + " responder's log names the reason (strongSwan: 'tried N shared key(s) ... none matched',"
                        + " 'no trusted RSA public key found').")
                .evidence(auth.frames())
                .build();
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
