package io.ikescope.diagnosis;

import io.ikescope.session.AuthMethodNames;
import io.ikescope.session.Exchange;
import io.ikescope.session.ExchangeNames;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * IKEv1 Main Mode "PSK mismatch" seen without keys: MM1-MM4 completed, the initiator sent MM5 and, instead of MM6,
 * the responder answered with an encrypted informational, or re-sent MM4 (it could not decrypt MM5), or stayed
 * silent while MM5 was retransmitted. With pre-shared keys the MM5 encryption key is derived from the PSK, so a
 * different PSK makes MM5 unreadable to the responder.
 */
final class MainModeAuthenticationRefused implements Rule {
    @Override
    public String name() {
        return "Main Mode authentication refused";
    }

    @Override
    public Verdict apply(Facts f) {
        if (f.v2) {
            return null;
        }
        Exchange main = f.last(ExchangeNames.MAIN_MODE);
        MessageRecord mm4 = Facts.step(main, "MM4");
        MessageRecord mm5 = Facts.step(main, "MM5");
        if (mm5 == null || Facts.step(main, "MM6") != null || mm4 == null) {
            return null;
        }
        boolean psk = AuthMethodNames.isPreSharedKey(f.authMethod());
        List<MessageRecord> informationals = new ArrayList<>();
        List<MessageRecord> mm4Again = new ArrayList<>();
        List<MessageRecord> mm5Again = new ArrayList<>();
        for (MessageRecord m : f.after(mm5.frame())) {
            if (m.from() == Role.RESPONDER && m.exchange().equals(ExchangeNames.INFORMATIONAL_V1) && m.opaque()) {
                informationals.add(m);
            } else if (m.from() == Role.RESPONDER && "MM4".equals(m.step())) {
                mm4Again.add(m);
            } else if (m.from() == Role.INITIATOR && "MM5".equals(m.step())) {
                mm5Again.add(m);
            }
        }
        MessageRecord lastMm5 = mm5Again.isEmpty() ? mm5 : mm5Again.get(mm5Again.size() - 1);
        boolean silent = informationals.isEmpty() && mm4Again.isEmpty()
                && (!mm5Again.isEmpty() || f.quietAfter(lastMm5) >= Facts.GIVE_UP_SECONDS);
        String answer;
        if (!informationals.isEmpty()) {
            answer = "answered with an encrypted Informational message (" + Facts.frames(Facts.framesOf(informationals))
                    + ") instead of MM6";
        } else if (!mm4Again.isEmpty() && psk) {
            answer = "re-sent MM4 (" + Facts.frames(Facts.framesOf(mm4Again)) + ") as if MM5 had never come: it could"
                    + " not decrypt it";
        } else if (silent && psk) {
            answer = "never answered it, although the initiator retransmitted MM5";
        } else {
            return null;
        }
        String method = f.authMethod();
        List<Long> evidence = new ArrayList<>(Facts.framesOf(main.messages()));
        evidence.addAll(Facts.framesOf(informationals));
        return VerdictBuilder.inferred(VerdictCode.AUTH_FAILED, 1)
                .summary(psk ? "Authentication failed, most likely different pre-shared keys: the responder "
                        + (informationals.isEmpty() ? "could not read MM5" : "refused MM5") + "."
                        : "Authentication failed: the responder refused the initiator's MM5 ("
                        + (method != null ? method : "signature") + " authentication).")
                .explanation("Main Mode MM1-MM4 completed (" + Facts.frames(firstFour(main)) + "), so proposals and key exchange agree. The initiator then sent MM5 (" + Facts.frame(mm5)
                        + "), its identity and " + (psk ? "hash, encrypted with a key derived from its pre-shared key"
                        : "signature, encrypted") + "; the responder " + answer + ". "
                        + (psk ? "That is what a responder does when MM5 does not decrypt or verify: the pre-shared keys"
                        + " (or the identities that select them) differ. "
                        : "A responder refuses MM5 when it does not accept the certificate, signature or identity. ")
                        + (mm5.decrypted() ? "Inferred from the message pattern: MM5 decrypts with the key material"
                        + " given and reads normally (" + String.join(" ", mm5.payloads()) + "), but no message names"
                        + " the failure; the responder's log does (strongSwan: 'invalid ID_V1 payload length,"
                        + " decryption failed?', libreswan: 'probable authentication failure (mismatch of preshared"
                        + " secrets?)')."
                        : "Inferred from the message pattern; " + f.keyMaterial() + "."))
                .fix(psk ? "Set the same pre-shared key on both peers for this pair of identities (the key is looked up"
                        + " by the peers' IDs or addresses, so check them as well)."
                        : "Make the responder trust the CA of the initiator's certificate and check that the"
                        + " certificate's identity matches what the responder expects (its log names the reason).")
                .evidence(evidence)
                .build();
    }

    private static List<Long> firstFour(Exchange main) {
        List<Long> frames = new ArrayList<>();
        for (MessageRecord m : main.messages()) {
            if (!m.retransmission() && List.of("MM1", "MM2", "MM3", "MM4").contains(m.step())) {
                frames.add(m.frame());
            }
        }
        return frames;
    }
}
