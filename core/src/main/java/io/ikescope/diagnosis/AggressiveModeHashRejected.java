package io.ikescope.diagnosis;

import io.ikescope.session.AuthMethodNames;
import io.ikescope.session.Exchange;
import io.ikescope.session.ExchangeNames;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * IKEv1 Aggressive Mode authentication failure seen without keys: after AM2 the initiator sends an encrypted
 * informational instead of AM3 (it found the responder's HASH_R wrong), or after AM3 the responder does (it found
 * HASH_I wrong) and no Quick Mode follows.
 */
final class AggressiveModeHashRejected implements Rule {
    @Override
    public String name() {
        return "Aggressive Mode hash rejected";
    }

    @Override
    public Verdict apply(Facts f) {
        if (f.v2) {
            return null;
        }
        Exchange aggressive = f.last(ExchangeNames.AGGRESSIVE);
        MessageRecord am2 = Facts.step(aggressive, "AM2");
        if (am2 == null) {
            return null;
        }
        MessageRecord am3 = Facts.step(aggressive, "AM3");
        if (!f.n.exchanges(ExchangeNames.QUICK_MODE).isEmpty()) {
            return null;
        }
        Role judge = am3 == null ? Role.INITIATOR : Role.RESPONDER;
        long after = am3 == null ? am2.frame() : am3.frame();
        List<MessageRecord> refusals = new ArrayList<>();
        for (MessageRecord m : f.after(after)) {
            if (m.from() == judge && m.exchange().equals(ExchangeNames.INFORMATIONAL_V1) && m.opaque()) {
                refusals.add(m);
            }
        }
        if (refusals.isEmpty()) {
            return null;
        }
        boolean psk = AuthMethodNames.isPreSharedKey(f.authMethod());
        String judged = judge.other().jsonName();
        List<Long> evidence = new ArrayList<>(Facts.framesOf(aggressive.messages()));
        evidence.addAll(Facts.framesOf(refusals));
        return VerdictBuilder.inferred(VerdictCode.AUTH_FAILED, 1)
                .summary("Authentication failed" + (psk ? ", most likely different pre-shared keys" : "")
                        + ": the " + judge.jsonName() + " rejected the " + judged + "'s hash in Aggressive Mode.")
                .explanation("Aggressive Mode " + (am3 == null ? "AM1 and AM2" : "AM1-AM3") + " ("
                        + Facts.frames(Facts.framesOf(aggressive.messages())) + ") carried the proposals, key"
                        + " exchange and identities in cleartext. Instead of " + (am3 == null ? "AM3" : "Quick Mode")
                        + " the " + judge.jsonName() + " sent an encrypted Informational message ("
                        + Facts.frames(Facts.framesOf(refusals)) + "): it checked the " + judged + "'s "
                        + (am3 == null ? "HASH_R (AM2)" : "HASH_I (AM3)") + " and refused it"
                        + (psk ? "; with pre-shared keys the hash is keyed with the PSK, so the keys differ" : "")
                        + ". Inferred from the message pattern; " + f.keyMaterial() + ".")
                .fix(psk ? "Set the same pre-shared key on both peers for this pair of identities (Aggressive Mode"
                        + " looks the key up by the cleartext ID in AM1)."
                        : "Check the certificates and identities both peers expect.")
                .evidence(evidence)
                .build();
    }
}
