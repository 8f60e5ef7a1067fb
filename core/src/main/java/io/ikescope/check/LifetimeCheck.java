package io.ikescope.check;

import java.util.List;

/**
 * Warnings from the two ends' rekey and expiry times. With IKEv2 each end rekeys on its own schedule, so an SA
 * lasts as long as the earlier of the two rekeys comes before either end's hard expiry; IKEv1 proposes the lifetime
 * in the SA payload and the responder may shorten it (RFC 2407 4.5.4, RESPONDER-LIFETIME).
 */
final class LifetimeCheck {

    private LifetimeCheck() {
    }

    static void ike(End ini, End res, Lifetimes t, int version, List<CheckFinding> findings) {
        check("IKE SA of " + ini.name() + "/" + res.name(), ini, res, t, version, findings);
    }

    static void child(String what, End ini, End res, Lifetimes t, int version, List<CheckFinding> findings) {
        check(what, ini, res, t, version, findings);
    }

    private static void check(String what, End ini, End res, Lifetimes t, int version,
                              List<CheckFinding> findings) {
        own(what, ini, t.initiator(), findings);
        own(what, res, t.responder(), findings);
        expiresFirst(what, ini, t.initiator(), res, t.responder(), findings);
        expiresFirst(what, res, t.responder(), ini, t.initiator(), findings);
        Long a = t.initiator().lifeSeconds();
        Long b = t.responder().lifeSeconds();
        if (version == 1 && a != null && b != null && !a.equals(b)) {
            findings.add(CheckFinding.info("IKEV1_LIFETIMES_DIFFER", what + ": lifetimes differ (" + ini.side() + " "
                    + a + " s, " + t.initiator().lifeOrigin() + "; " + res.side() + " " + b + " s, "
                    + t.responder().lifeOrigin() + "); IKEv1 carries the initiator's in its proposal and the"
                    + " responder may answer with a shorter one"));
        }
    }

    private static void own(String what, End end, Timing t, List<CheckFinding> findings) {
        if (t.rekeySeconds() != null && t.lifeSeconds() != null && t.rekeySeconds() >= t.lifeSeconds()) {
            findings.add(CheckFinding.warning("EXPIRES_BEFORE_REKEY", what + ": " + end.side() + " rekeys after "
                    + t.rekeySeconds() + " s (" + t.rekeyOrigin() + ") but its SA expires after " + t.lifeSeconds()
                    + " s (" + t.lifeOrigin() + "): it is deleted before it is rekeyed"));
        }
    }

    /** {@code end} never rekeys and expires before {@code other} starts its rekey. */
    private static void expiresFirst(String what, End end, Timing t, End other, Timing o,
                                     List<CheckFinding> findings) {
        if (t.rekeySeconds() == null && t.lifeSeconds() != null && o.rekeySeconds() != null
                && o.rekeySeconds() > t.lifeSeconds()) {
            findings.add(CheckFinding.warning("EXPIRES_BEFORE_PEER_REKEYS", what + ": " + end.side()
                    + " does not rekey and its SA expires after " + t.lifeSeconds() + " s (" + t.lifeOrigin()
                    + "), before " + other.side() + " rekeys after " + o.rekeySeconds() + " s (" + o.rekeyOrigin()
                    + "): the SA is gone until it is negotiated again"));
        }
    }
}
