package io.ikescope.diagnosis;

import io.ikescope.diagnosis.evidence.CrossCaptureEvidence;
import io.ikescope.diagnosis.evidence.CrossCaptureEvidence.Arrival;
import io.ikescope.diagnosis.evidence.CrossCaptureEvidence.Sighting;
import io.ikescope.diagnosis.evidence.Evidence;
import io.ikescope.diagnosis.evidence.RequestFate;
import io.ikescope.session.ExchangeNames;
import io.ikescope.session.Role;
import java.util.List;

/**
 * Causes that a capture of the same IKE SA at another point contradicts, consulted after {@link Contradictions}
 * when such a capture was given: a request that never reached the capture nearest the responder was not refused
 * by it. The converse does not hold: a request on UDP 4500 seen at the responder's side can still be dropped by a
 * firewall on the responder's own host, which a capture there sees in front of (the lab's ikev2-natt-blocked), so
 * it rules NAT_T_BLOCKED out no more than a single capture at the responder does.
 */
final class CrossCaptureContradictions {
    private final Evidence e;
    private final CrossCaptureEvidence cross;

    CrossCaptureContradictions(Evidence e, CrossCaptureEvidence cross) {
        this.e = e;
        this.cross = cross;
    }

    /** The ruled-out alternative for {@code code}, or null. */
    Alternative against(VerdictCode code) {
        return switch (code) {
            case AUTH_FAILED -> authenticationFailed();
            case NO_RESPONSE -> noResponse();
            default -> null;
        };
    }

    /** The request carrying the initiator's authentication never reached the responder's capture point. */
    private Alternative authenticationFailed() {
        for (RequestFate fate : e.fates()) {
            String step = fate.request().step();
            if (!step.equals("MM5") && !fate.request().exchange().equals(ExchangeNames.IKE_AUTH)) {
                continue;
            }
            Sighting s = cross.of(fate.request());
            if (s == null || s.arrival() == Arrival.REACHED || s.arrival() == Arrival.NOT_WATCHED) {
                return null;
            }
            return out(VerdictCode.AUTH_FAILED, name(fate) + ", which carries the authentication, never reached "
                    + s.input() + " nearest the responder (none of its " + fate.copies().size() + " cop"
                    + (fate.copies().size() == 1 ? "y" : "ies") + unlessStopped(s) + "): the responder cannot have"
                    + " refused what it never received", fate.copyFrames());
        }
        return null;
    }

    /**
     * The last request was lost on UDP 4500 while an earlier one on UDP 500 reached the responder's capture point:
     * the path drops UDP 4500, the responder was never asked (that is NAT_T_BLOCKED, not a silent responder).
     */
    private Alternative noResponse() {
        List<RequestFate> fates = e.fates();
        if (fates.isEmpty()) {
            return null;
        }
        RequestFate last = fates.get(fates.size() - 1);
        Sighting lost = cross.of(last.request());
        if (!last.onNatTraversalPort() || lost == null || lost.arrival() == Arrival.REACHED
                || lost.arrival() == Arrival.NOT_WATCHED) {
            return null;
        }
        for (RequestFate earlier : fates) {
            Sighting s = cross.of(earlier.request());
            if (!earlier.onNatTraversalPort() && s != null && s.arrival() == Arrival.REACHED) {
                return out(VerdictCode.NO_RESPONSE, name(last) + " on UDP 4500 never reached " + lost.input()
                        + " nearest the responder" + (lost.arrival() == Arrival.LOST ? "" : " (" + unlessStopped(lost)
                        .substring(2) + ")") + ", while " + name(earlier) + " on UDP " + earlier.request().destination().port()
                        + " did (" + Facts.frames(s.frames()) + " there): the path drops UDP 4500, the responder"
                        + " was never asked", last.copyFrames());
            }
        }
        return null;
    }

    /** "; unless that capture had stopped ..." for a capture whose last packet came before the message. */
    private static String unlessStopped(Sighting s) {
        return s.arrival() == Arrival.ABSENT_AFTER_END ? "; unless that capture had stopped, as its last packet came"
                + " before" : "";
    }

    /** "MM5", "the IKE_AUTH request". */
    private static String name(RequestFate fate) {
        String step = Facts.stepName(fate.request());
        return step.startsWith("MM") || step.startsWith("AM") || step.startsWith("QM") ? step : "the " + step;
    }

    private static Alternative out(VerdictCode code, String reason, List<Long> frames) {
        return new Alternative(code, true, reason, frames, false);
    }
}
