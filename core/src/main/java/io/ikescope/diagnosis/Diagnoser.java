package io.ikescope.diagnosis;

import io.ikescope.session.ChildSa;
import io.ikescope.session.Exchange;
import io.ikescope.session.ExchangeNames;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Negotiation;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the outcome of a negotiation. What a peer said wins: the first error notify that ended the negotiation
 * (cleartext or decrypted) gives a confirmed verdict. Otherwise the patterns are tried in order, most specific
 * first; the first that applies gives the verdict.
 */
public final class Diagnoser {
    private static final List<NotifyRule> NOTIFY_RULES = List.of(new DhGroupRefused(), new ProposalRefused(),
            new AuthenticationRejected(), new TrafficSelectorsRefused(), new PeerReportedError());
    private static final List<Rule> PATTERN_RULES = List.of(new XauthRejected(), new Redirected(), new NoResponse(),
            // Before NAT-T: fragments that got through on UDP 4500 prove the port open, the missing ones are the cause.
            new FragmentsLost(), new NatTraversalBlocked(), new MainModeAuthenticationRefused(), new AggressiveModeHashRejected(),
            new Ikev2AuthenticationRefused(), new ChildRefusedHidden(), new Established(), new StoppedAnswering(),
            new CaptureEndsEarly(), new Undetermined());

    private Diagnoser() {
    }

    public static Diagnosis diagnose(Negotiation n) {
        Facts f = new Facts(n);
        Verdict verdict = null;
        String rule = null;
        List<ErrorSeen> fatal = f.fatalErrors();
        if (!fatal.isEmpty()) {
            ErrorSeen first = fatal.get(0);
            for (NotifyRule r : NOTIFY_RULES) {
                if (r.handles(first, f)) {
                    verdict = r.verdict(first, f);
                    rule = r.name();
                    break;
                }
            }
        }
        if (verdict == null) {
            for (Rule r : PATTERN_RULES) {
                verdict = r.apply(f);
                if (verdict != null) {
                    rule = r.name();
                    break;
                }
            }
        }
        return new Diagnosis(verdict, phase1Status(f, verdict), phase2Status(f, verdict), Findings.of(f, verdict),
                rule);
    }

    private static String phase1Status(Facts f, Verdict v) {
        if (!f.n.phase1().captured()) {
            return "not_captured";
        }
        if (v.code() == VerdictCode.ESTABLISHED) {
            return "established";
        }
        if (v.phase() != null && v.phase() == 2) {
            return phase1Visible(f) ? "established" : null;
        }
        if (v.code() == VerdictCode.UNDETERMINED || v.phase() == null) {
            return null;
        }
        return v.code() == VerdictCode.INCOMPLETE ? "incomplete" : "failed";
    }

    /** The messages show Phase 1 done: IKEv1 MM6/AM3 or Quick Mode; IKEv2 a readable AUTH answer or the SA in use. */
    private static boolean phase1Visible(Facts f) {
        if (!f.v2) {
            return Facts.step(f.last(ExchangeNames.MAIN_MODE), "MM6") != null
                    || Facts.step(f.last(ExchangeNames.AGGRESSIVE), "AM3") != null
                    || !f.n.exchanges(ExchangeNames.QUICK_MODE).isEmpty();
        }
        Exchange auth = f.last(ExchangeNames.IKE_AUTH);
        if (auth == null || !auth.answered()) {
            return false;
        }
        MessageRecord response = auth.responses().get(0);
        return response.decrypted() ? response.payloads().contains("AUTH") : Established.ikev2InUse(f, response);
    }

    private static List<String> phase2Status(Facts f, Verdict v) {
        List<String> out = new ArrayList<>();
        boolean phase1Failed = v.phase() != null && v.phase() == 1 && failure(v.code());
        for (ChildSa c : f.n.children()) {
            String status = observed(f, c);
            if (v.childIndex() != null && v.childIndex() == c.index()) {
                status = v.code() == VerdictCode.INCOMPLETE ? "incomplete" : failure(v.code()) ? "failed" : status;
            } else if (phase1Failed && !"established".equals(status)) {
                status = c.exchange().equals("ike_auth") ? "failed" : "not_started";
            } else if (v.code() == VerdictCode.ESTABLISHED && status == null) {
                status = "established";
            }
            out.add(status);
        }
        return out;
    }

    private static boolean failure(VerdictCode code) {
        return code != VerdictCode.ESTABLISHED && code != VerdictCode.INCOMPLETE && code != VerdictCode.UNDETERMINED;
    }

    /** What the messages alone say of one child; null when hidden. */
    private static String observed(Facts f, ChildSa c) {
        Exchange x = f.exchange(c.exchangeIndex());
        if (x == null) {
            return null;
        }
        for (ErrorSeen e : f.fatalErrors()) {
            if (e.child() != null && e.child().index() == c.index()) {
                return "failed";
            }
        }
        if (x.name().equals(ExchangeNames.QUICK_MODE)) {
            if (Facts.step(x, "QM3") != null) {
                return "established";
            }
            MessageRecord qm2 = Facts.step(x, "QM2");
            if (qm2 != null) {
                return qm2.decrypted() && qm2.firstError() == null ? "established" : null;
            }
            MessageRecord qm1 = Facts.step(x, "QM1");
            for (MessageRecord m : qm1 == null ? List.<MessageRecord>of() : f.after(qm1.frame())) {
                if (m.from() == x.requester().other() && m.exchange().equals(ExchangeNames.INFORMATIONAL_V1)) {
                    return "failed";
                }
            }
            return "incomplete";
        }
        if (!x.answered()) {
            return "incomplete";
        }
        MessageRecord response = x.responses().get(0);
        if (!c.contentHidden()) {
            return c.chosen() != null || Boolean.TRUE.equals(c.ikeRekey()) ? "established"
                    : response.decrypted() ? "failed" : null;
        }
        if (c.trafficBothWays()) {
            return "established";
        }
        if (c.exchange().equals("ike_auth")) {
            return f.n.ipsecBothWaysAfter(response.frame()) ? "established" : null;
        }
        Integer room = response.payloadRoom();
        if (room == null) {
            return null;
        }
        return room >= Facts.MIN_CREATE_CHILD_ROOM ? "established" : "failed";
    }
}
