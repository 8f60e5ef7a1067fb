package io.ikescope.diagnosis;

import io.ikescope.session.ChildSa;
import java.util.ArrayList;
import java.util.List;

/**
 * A tunnel "half up": the verdict refuses one Phase 2 negotiation while another of the same IKE SA, for other
 * networks, is established. Said only when the traffic selectors of both are known (cleartext or decrypted): a
 * refused child whose selectors are hidden may be a rekey of the established one.
 */
final class HalfUp {
    private HalfUp() {
    }

    /** The verdict with the established pairs of networks named, or the verdict itself when nothing is half up. */
    static Verdict of(Facts f, Verdict v, List<String> phase2Status) {
        if (v.childIndex() == null || v.phase() == null || v.phase() != 2 || v.code() == VerdictCode.ESTABLISHED) {
            return v;
        }
        ChildSa refused = f.n.children().get(v.childIndex());
        String refusedPair = pair(refused);
        if (refusedPair == null) {
            return v;
        }
        List<String> up = new ArrayList<>();
        for (ChildSa c : f.n.children()) {
            String p = pair(c);
            if (c.index() != refused.index() && "established".equals(phase2Status.get(c.index())) && p != null
                    && !p.equals(refusedPair) && !up.contains(p)) {
                up.add(p);
            }
        }
        if (up.isEmpty()) {
            return v;
        }
        String established = String.join("; ", up);
        return v.withText("Tunnel half up: " + established + " established, " + refusedPair + " refused. "
                + v.summary(), v.explanation() + " The same IKE SA carries " + established + ", which is established:"
                + " only the pair " + refusedPair + " fails.");
    }

    private static String pair(ChildSa c) {
        if (c.trafficSelectorsInitiator() == null || c.trafficSelectorsResponder() == null) {
            return null;
        }
        return String.join(", ", c.trafficSelectorsInitiator()) + " === " + String.join(", ",
                c.trafficSelectorsResponder());
    }
}
