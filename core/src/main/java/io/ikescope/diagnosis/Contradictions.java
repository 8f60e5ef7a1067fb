package io.ikescope.diagnosis;

import io.ikescope.text.Decimals;
import io.ikescope.diagnosis.evidence.Evidence;
import io.ikescope.diagnosis.evidence.Reception;
import io.ikescope.diagnosis.evidence.RequestFate;
import io.ikescope.session.ChildSa;
import io.ikescope.session.Exchange;
import io.ikescope.session.ExchangeNames;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * For each candidate cause, the evidence that contradicts it, if any. Every reason rests on what holds for every
 * implementation and capture point: a request the peer answered or reacted to was received; a phase that was
 * used afterwards completed; what never happened cannot have failed.
 */
final class Contradictions {
    /** The causes weighed for every negotiation; PEER_ERROR and UNDETERMINED are named only by what a peer said. */
    static final List<VerdictCode> WEIGHED = List.of(VerdictCode.NO_RESPONSE, VerdictCode.NAT_T_BLOCKED,
            VerdictCode.FRAGMENTATION_LOSS, VerdictCode.PROPOSAL_MISMATCH, VerdictCode.DH_GROUP_MISMATCH,
            VerdictCode.AUTH_FAILED, VerdictCode.TS_MISMATCH, VerdictCode.PFS_MISMATCH, VerdictCode.ESTABLISHED,
            VerdictCode.INCOMPLETE);
    /** Frames named in one reason at most; the rest are counted. */
    private static final int FRAMES_NAMED = 6;

    private final Facts f;
    private final Evidence e;
    /** Captures of the same IKE SA at other points, or null. */
    private final CrossCaptureContradictions elsewhere;
    /** The answer for each cause asked about so far (null values included: nothing contradicts it). */
    private final Map<VerdictCode, Alternative> weighed = new EnumMap<>(VerdictCode.class);

    Contradictions(Facts f, Evidence e) {
        this(f, e, null);
    }

    Contradictions(Facts f, Evidence e, CrossCaptureContradictions elsewhere) {
        this.f = f;
        this.e = e;
        this.elsewhere = elsewhere;
    }

    /**
     * The ruled-out alternative for {@code code}, or null when nothing in the capture (nor in a capture of the same
     * IKE SA taken elsewhere) contradicts it.
     */
    Alternative against(VerdictCode code) {
        // Asked once per matching pattern and again for the alternatives: each cause is weighed once.
        if (!weighed.containsKey(code)) {
            Alternative here = inThisCapture(code);
            weighed.put(code, here != null || elsewhere == null ? here : elsewhere.against(code));
        }
        return weighed.get(code);
    }

    private Alternative inThisCapture(VerdictCode code) {
        return switch (code) {
            case NO_RESPONSE -> noResponse();
            case NAT_T_BLOCKED -> natTraversalBlocked();
            case FRAGMENTATION_LOSS -> fragmentationLoss();
            case PROPOSAL_MISMATCH -> proposalMismatch();
            case DH_GROUP_MISMATCH -> dhGroupMismatch();
            case AUTH_FAILED -> authenticationFailed();
            case TS_MISMATCH, PFS_MISMATCH -> childRefusal(code);
            case ESTABLISHED -> established();
            case INCOMPLETE -> incomplete();
            default -> null;
        };
    }

    private Alternative noResponse() {
        List<RequestFate> fates = e.fates();
        if (fates.isEmpty() || !fates.get(fates.size() - 1).reception().received()) {
            return null; // never answered, or stopped answering: both are no response
        }
        RequestFate last = fates.get(fates.size() - 1);
        return out(VerdictCode.NO_RESPONSE, "the " + last.request().from().other().jsonName() + " "
                + last.reception().words() + " every request up to the last, " + Facts.stepName(last.request()) + " ("
                + frames(last.receptionFrames()) + ")", last.receptionFrames());
    }

    private Alternative natTraversalBlocked() {
        List<RequestFate> on4500 = e.onNatTraversalPort();
        if (!f.n.floated() && on4500.isEmpty()) {
            if (f.n.messagesFrom(Role.RESPONDER).isEmpty()) {
                return out(VerdictCode.NAT_T_BLOCKED, "the responder did not answer on UDP 500 either", List.of());
            }
            for (MessageRecord m : f.n.messagesFrom(Role.INITIATOR)) {
                if (m.encrypted()) { // keyed exchanges are where a peer moves to 4500; this one stayed on 500
                    return out(VerdictCode.NAT_T_BLOCKED, "the encrypted exchanges stayed on UDP "
                            + m.destination().port() + " (" + Facts.describe(m) + "): the negotiation never moved"
                            + " to 4500", List.of(m.frame()));
                }
            }
            return null; // the move may have been lost before this capture point
        }
        for (RequestFate fate : e.received(on4500)) {
            return out(VerdictCode.NAT_T_BLOCKED, "the responder " + fate.reception().words() + " "
                    + Facts.stepName(fate.request()) + " sent on UDP 4500 (" + frames(fate.receptionFrames())
                    + "), so it arrived", fate.receptionFrames());
        }
        List<MessageRecord> responderOn4500 = new ArrayList<>();
        for (MessageRecord m : f.n.messagesFrom(Role.RESPONDER)) {
            if (m.onNatTraversalPort()) {
                responderOn4500.add(m);
            }
        }
        if (!responderOn4500.isEmpty()) {
            return out(VerdictCode.NAT_T_BLOCKED, "the responder sent on UDP 4500 ("
                    + frames(Facts.framesOf(responderOn4500)) + ")", Facts.framesOf(responderOn4500));
        }
        return null;
    }

    private Alternative fragmentationLoss() {
        if (!f.n.lostFragments().isEmpty()) {
            return null;
        }
        List<RequestFate> fragmented = new ArrayList<>();
        for (RequestFate fate : e.fates()) {
            if (fate.copies().stream().anyMatch(m -> m.fragment() != null)) {
                fragmented.add(fate);
            }
        }
        if (fragmented.isEmpty()) {
            return out(VerdictCode.FRAGMENTATION_LOSS, "no request was fragmented and no IP fragment went missing",
                    List.of());
        }
        List<RequestFate> received = e.received(fragmented);
        if (received.size() == fragmented.size()) {
            RequestFate last = received.get(received.size() - 1);
            return out(VerdictCode.FRAGMENTATION_LOSS, "every fragmented request reached the responder: it "
                    + last.reception().words() + " " + Facts.stepName(last.request()) + " ("
                    + frames(last.receptionFrames()) + ")", last.receptionFrames());
        }
        return null;
    }

    private Alternative proposalMismatch() {
        MessageRecord chose = phase1Choice();
        if (chose == null || !everyChildChose()) {
            return null;
        }
        return out(VerdictCode.PROPOSAL_MISMATCH, "the responder accepted a proposal in " + Facts.describe(chose)
                + (f.n.children().isEmpty() ? "" : " and in every Phase 2 exchange"), List.of(chose.frame()));
    }

    private Alternative dhGroupMismatch() {
        MessageRecord keyExchange = null;
        for (MessageRecord m : f.n.messagesFrom(Role.RESPONDER)) {
            if (keyExchange == null && e.isPhase1(m.exchange()) && m.payloads().contains("KE")) {
                keyExchange = m;
            }
        }
        if (keyExchange == null || !everyChildChose()) {
            return null;
        }
        return out(VerdictCode.DH_GROUP_MISMATCH, "the responder sent its key exchange in "
                + Facts.describe(keyExchange), List.of(keyExchange.frame()));
    }

    private Alternative authenticationFailed() {
        if (!f.n.phase1().captured()) {
            return out(VerdictCode.AUTH_FAILED, "Phase 1 was over before the capture began", List.of());
        }
        RequestFate auth = authenticationRequest();
        if (auth == null) {
            MessageRecord last = f.lastMessage();
            return out(VerdictCode.AUTH_FAILED, "the negotiation stopped before authentication"
                    + (last == null ? "" : " (the last message is " + Facts.describe(last) + ")"), List.of());
        }
        if (auth.reception() == Reception.REFUSED_BY_ICMP) {
            return out(VerdictCode.AUTH_FAILED, Facts.stepName(auth.request()) + ", which carries the"
                    + " authentication, never reached an IKE daemon (" + frames(auth.receptionFrames()) + ")",
                    auth.receptionFrames());
        }
        List<MessageRecord> used = usedAfterAuthentication(auth);
        if (!used.isEmpty()) {
            return out(VerdictCode.AUTH_FAILED, "the IKE SA was used after authentication: the responder answered "
                    + Facts.describe(used.get(0)), Facts.framesOf(used));
        }
        return null;
    }

    private Alternative childRefusal(VerdictCode code) {
        boolean attempted = false;
        for (RequestFate fate : e.fates()) {
            String x = fate.request().exchange();
            attempted |= x.equals(ExchangeNames.QUICK_MODE) || x.equals(ExchangeNames.CREATE_CHILD_SA)
                    || x.equals(ExchangeNames.IKE_AUTH) && fate.request().payloads().contains("TSi");
        }
        if (!attempted && f.ikeAuthChild() == null && f.n.children().isEmpty()) {
            return out(code, "no Phase 2 negotiation was seen", List.of());
        }
        return null;
    }

    private Alternative established() {
        List<ErrorSeen> fatal = f.fatalErrors();
        if (!fatal.isEmpty()) {
            MessageRecord m = fatal.get(0).message();
            return out(VerdictCode.ESTABLISHED, "a peer refused with " + fatal.get(0).notice().name() + " in "
                    + Facts.describe(m), List.of(m.frame()));
        }
        RequestFate last = null;
        for (RequestFate fate : e.fates()) {
            if (f.isChildExchange(exchangeOf(fate)) || e.isPhase1(fate.request().exchange())) {
                last = fate;
            }
        }
        if (last == null || last.reception() == Reception.ANSWERED || last.reception() == Reception.PENDING) {
            return null;
        }
        List<Long> frames = last.reception() == Reception.UNANSWERED ? last.copyFrames() : last.receptionFrames();
        return out(VerdictCode.ESTABLISHED, "the responder " + last.reception().words() + " "
                + Facts.stepName(last.request()) + " (" + frames(frames) + ")"
                + (last.reception() == Reception.REACTED ? " instead of answering it" : ""), frames);
    }

    private Alternative incomplete() {
        double quiet = f.n.quietSecondsAtEnd();
        if (quiet >= Evidence.GIVE_UP_SECONDS) {
            return out(VerdictCode.INCOMPLETE,
                    "the capture goes on " + Decimals.halfUp(quiet, 1) + " s after the last message",
                    List.of());
        }
        for (RequestFate fate : e.fates()) {
            if (fate.reception() == Reception.UNANSWERED && fate.copies().size() > 1
                    && fate == e.fates().get(e.fates().size() - 1)) {
                return out(VerdictCode.INCOMPLETE, "the initiator gave up waiting: " + Facts.stepName(fate.request())
                        + " was sent " + fate.copies().size() + " times", fate.copyFrames());
            }
        }
        return null;
    }

    // ---- what the contradictions read -----------------------------------------------------------------------

    private Exchange exchangeOf(RequestFate fate) {
        return f.exchange(fate.request().exchangeIndex());
    }

    /** The responder's first Phase 1 answer carrying an SA (MM2, AM2, the IKE_SA_INIT response), or null. */
    private MessageRecord phase1Choice() {
        for (MessageRecord m : f.n.messagesFrom(Role.RESPONDER)) {
            if (e.isPhase1(m.exchange()) && m.payloads().contains("SA") && m.firstError() == null
                    && !m.exchange().equals(ExchangeNames.IKE_AUTH)) {
                return m;
            }
        }
        return null;
    }

    private boolean everyChildChose() {
        for (ChildSa c : f.n.children()) {
            if (c.chosen() == null && !"established".equals(Diagnoser.observed(f, c))) {
                return false;
            }
        }
        return true;
    }

    /** The request that carries the initiator's authentication: MM5, AM1 (AM2 brings the responder's), IKE_AUTH. */
    private RequestFate authenticationRequest() {
        for (RequestFate fate : e.fates()) {
            String step = fate.request().step();
            if (step.equals("MM5") || step.equals("AM1") && !fate.answers().isEmpty()
                    || fate.request().exchange().equals(ExchangeNames.IKE_AUTH)) {
                return fate;
            }
        }
        return null;
    }

    /** Later requests of this IKE SA that the peer answered: the SA was authenticated and in use. */
    private List<MessageRecord> usedAfterAuthentication(RequestFate auth) {
        List<MessageRecord> out = new ArrayList<>();
        for (RequestFate fate : e.fates()) {
            if (fate.request().frame() > auth.request().frame() && fate.reception() == Reception.ANSWERED
                    && !e.isPhase1(fate.request().exchange())) {
                out.add(fate.answers().get(0));
            }
        }
        return out;
    }

    private static Alternative out(VerdictCode code, String reason, List<Long> frames) {
        return new Alternative(code, true, reason, frames, false);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** "frames 3, 5 and 7"; past {@value #FRAMES_NAMED} frames the rest are counted. */
    static String frames(List<Long> frames) {
        if (frames.size() <= FRAMES_NAMED) {
            return Facts.frames(frames);
        }
        StringBuilder s = new StringBuilder("frames ");
        for (int i = 0; i < FRAMES_NAMED - 1; i++) {
            s.append(frames.get(i)).append(", ");
        }
        return s.append(frames.get(FRAMES_NAMED - 1)).append(" and ").append(frames.size() - FRAMES_NAMED)
                .append(" more").toString();
    }
}
