package io.ikescope.diagnosis;

import io.ikescope.session.MessageRecord;
import java.util.ArrayList;
import java.util.List;

/** The fallback: nothing in the capture decides the outcome, which is in encrypted messages (or nowhere). */
final class Undetermined implements Rule {
    @Override
    public String name() {
        return "undetermined";
    }

    @Override
    public Verdict apply(Facts f) {
        List<Long> opaque = new ArrayList<>();
        for (MessageRecord m : f.n.messages()) {
            if (m.opaque() && !m.fragmentPart()) {
                opaque.add(m.frame());
            }
        }
        MessageRecord last = f.lastMessage();
        if (opaque.isEmpty()) {
            return VerdictBuilder.inferred(VerdictCode.UNDETERMINED, null)
                    .summary("The negotiation stops after " + (last == null ? "its start" : Facts.describe(last))
                            + " without a visible reason.")
                    .explanation("No message refuses anything, no request is left unanswered, and nothing shows the"
                            + " SA in use.")
                    .fix("Read both peers' logs for the time of the last message.")
                    .evidence(last == null ? List.of() : List.of(last.frame()))
                    .build();
        }
        return VerdictBuilder.inferred(VerdictCode.UNDETERMINED, null)
                .summary("The outcome is in encrypted messages (" + Facts.frames(opaque) + ") and no keys decrypted"
                        + " them.")
                .explanation("The cleartext part of the negotiation went normally; what the peers said afterwards is"
                        + " encrypted and nothing else in the capture (ESP, timing, sizes) settles it. "
                        + f.keyMaterial().substring(0, 1).toUpperCase() + f.keyMaterial().substring(1)
                        .replace("confirm it", "show the outcome") + ".")
                .fix("Run again with the IKE keys (-k): a charon log written with 'ike' log level 4, strongSwan's"
                        + " save-keys output, or Wireshark's ikev1/ikev2 decryption tables.")
                .evidence(opaque)
                .build();
    }
}
