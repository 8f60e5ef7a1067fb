package io.ikescope.diagnosis;

import io.ikescope.diagnosis.evidence.CrossCaptureEvidence;
import io.ikescope.diagnosis.evidence.Evidence;
import io.ikescope.session.ChildSa;
import io.ikescope.session.Exchange;
import io.ikescope.session.ExchangeNames;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Negotiation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;

/**
 * Names the outcome of a negotiation. What a peer said wins: the first error notify that ended the negotiation
 * (cleartext or decrypted) gives a confirmed verdict. Otherwise every pattern is weighed against the evidence
 * ({@link Contradictions}): those the capture contradicts are ruled out, the most specific of the rest gives the
 * verdict, and the others that fit as well are named in it. Every weighed cause other than the verdict's is
 * reported as an {@link Alternative}, ruled out with its reason or left standing.
 */
public final class Diagnoser {
    private static final List<NotifyRule> NOTIFY_RULES = List.of(new DhGroupRefused(), new ProposalRefused(),
            new AuthenticationRejected(), new TrafficSelectorsRefused(), new PeerReportedError());
    private static final List<Rule> PATTERN_RULES = List.of(new XauthRejected(), new Redirected(), new NoResponse(),
            // Before NAT-T: fragments that got through on UDP 4500 prove the port open, the missing ones are the cause.
            new FragmentsLost(), new NatTraversalBlocked(), new NextRequestMissing(), new MainModeAuthenticationRefused(), new AggressiveModeHashRejected(),
            new Ikev2AuthenticationRefused(), new ChildRefusedHidden(), new Established(), new StoppedAnswering(),
            new CaptureEndsEarly(), new Undetermined());

    private Diagnoser() {
    }

    public static Diagnosis diagnose(Negotiation n) {
        return diagnose(n, null);
    }

    /**
     * With what captures of the same IKE SA at other points show ({@code elsewhere}, null when none): they can rule
     * out causes this capture alone leaves open, and their conclusions join the verdict's explanation.
     */
    public static Diagnosis diagnose(Negotiation n, CrossCaptureEvidence elsewhere) {
        Facts f = new Facts(n);
        Evidence evidence = Evidence.of(n);
        Contradictions against = new Contradictions(f, evidence,
                elsewhere == null ? null : new CrossCaptureContradictions(evidence, elsewhere));
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
        // Every pattern is weighed; the first that no evidence contradicts gives the verdict, the others that fit
        // as well are named beside it.
        List<Verdict> consistent = new ArrayList<>();
        Set<VerdictCode> contenders = EnumSet.noneOf(VerdictCode.class);
        for (Rule r : PATTERN_RULES) {
            Verdict candidate = r.apply(f);
            if (candidate == null) {
                continue;
            }
            if (against.against(candidate.code()) != null) {
                contenders.add(candidate.code());
                continue;
            }
            if (verdict == null) {
                verdict = candidate;
                rule = r.name();
            } else {
                consistent.add(candidate);
            }
        }
        List<Alternative> alternatives = alternatives(verdict, consistent, contenders, against);
        Verdict tied = tieBetweenBlockedAndSilent(n, verdict, alternatives);
        if (tied != verdict) {
            alternatives = new ArrayList<>(alternatives);
            alternatives.add(0, new Alternative(verdict.code(), false, verdict.summary(), verdict.evidence(), true));
            verdict = tied;
        } else {
            verdict = withRivals(verdict, alternatives);
        }
        verdict = withOtherCapturePoints(verdict, elsewhere);
        List<String> phase2 = phase2Status(f, verdict);
        verdict = HalfUp.of(f, verdict, phase2);
        return new Diagnosis(verdict, phase1Status(f, verdict), phase2, Findings.of(f, verdict), rule, alternatives);
    }

    /** Each weighed cause other than the verdict's: ruled out with its reason, or fitting the capture as well. */
    private static List<Alternative> alternatives(Verdict verdict, List<Verdict> consistent,
                                                  Set<VerdictCode> contenders, Contradictions against) {
        List<Alternative> out = new ArrayList<>();
        for (VerdictCode code : Contradictions.WEIGHED) {
            if (code == verdict.code()) {
                continue;
            }
            Alternative ruledOut = against.against(code);
            if (ruledOut != null) {
                out.add(new Alternative(code, true, ruledOut.reason(), ruledOut.frames(), contenders.contains(code)));
                continue;
            }
            for (Verdict v : consistent) {
                if (v.code() == code && rival(verdict, v)) {
                    out.add(new Alternative(code, false, v.summary(), v.evidence(), true));
                    break;
                }
            }
        }
        return out;
    }

    /** Another failure that fits an inferred verdict as well; a confirmed verdict has none. */
    private static boolean rival(Verdict verdict, Verdict other) {
        return verdict.certainty() == Certainty.INFERRED && other.code() != VerdictCode.UNDETERMINED
                && other.code() != VerdictCode.INCOMPLETE && other.code() != VerdictCode.ESTABLISHED
                && verdict.code() != VerdictCode.ESTABLISHED;
    }

    /**
     * MM5 on UDP 4500 met by silence from a responder that is silent to an MM5 it cannot decrypt: a blocked port
     * and a PSK mismatch look the same, so neither is named as the verdict.
     */
    private static Verdict tieBetweenBlockedAndSilent(Negotiation n, Verdict v, List<Alternative> alternatives) {
        boolean authStands = alternatives.stream().anyMatch(a -> a.code() == VerdictCode.AUTH_FAILED && !a.ruledOut());
        if (v.code() != VerdictCode.NAT_T_BLOCKED || v.certainty() != Certainty.INFERRED || !authStands
                || !SilentResponders.silentOnUnreadableMm5(n.responderImplementation())) {
            return v;
        }
        return VerdictBuilder.inferred(VerdictCode.UNDETERMINED, 1)
                .summary("MM5 on UDP 4500 was never answered, and the responder (" + n.responderImplementation().name()
                        + ") is silent both when UDP 4500 is blocked and when it cannot decrypt MM5: NAT_T_BLOCKED or"
                        + " AUTH_FAILED (pre-shared keys differ).")
                .explanation(v.explanation() + " The responder's implementation ("
                        + n.responderImplementation().describe() + ") sends no notify for an MM5 it cannot decrypt,"
                        + " so its silence fits a PSK mismatch as well as a blocked port. Its log tells them apart"
                        + " (libreswan: 'probable authentication failure (mismatch of preshared secrets?)'); keys do"
                        + " not, since MM5 reads the same either way.")
                .fix("Check the responder's log at the time of MM5; if it names no authentication failure, allow UDP"
                        + " 4500 between " + n.initiator().address() + " and " + n.responder().address() + ".")
                .evidence(v.evidence())
                .build();
    }

    /** What the captures at other points showed ends the explanation. */
    private static Verdict withOtherCapturePoints(Verdict v, CrossCaptureEvidence elsewhere) {
        if (elsewhere == null || elsewhere.conclusions().isEmpty()) {
            return v;
        }
        List<String> shown = elsewhere.conclusions().subList(0, Math.min(3, elsewhere.conclusions().size()));
        int more = elsewhere.conclusions().size() - shown.size();
        String text = v.explanation() + " Captures of this IKE SA at other points show: " + String.join(" ", shown)
                + (more == 0 ? "" : " (" + more + " more conclusions in the capture-point section.)");
        return v.withText(v.summary(), text);
    }

    /** An inferred verdict with rivals says so in its explanation, naming them. */
    private static Verdict withRivals(Verdict v, List<Alternative> alternatives) {
        List<String> rivals = new ArrayList<>();
        for (Alternative a : alternatives) {
            if (!a.ruledOut()) {
                rivals.add(a.code() + " (" + a.reason() + ")");
            }
        }
        if (rivals.isEmpty()) {
            return v;
        }
        String text = v.explanation() + " The capture fits " + (rivals.size() == 1 ? "another cause" : "other causes")
                + " as well: " + String.join("; ", rivals) + "; the responder's log, or a capture at the responder,"
                + " tells them apart.";
        return v.withText(v.summary(), text);
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
    static String observed(Facts f, ChildSa c) {
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
