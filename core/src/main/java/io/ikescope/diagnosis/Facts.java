package io.ikescope.diagnosis;

import io.ikescope.diagnosis.evidence.Evidence;
import io.ikescope.session.ChildSa;
import io.ikescope.session.Exchange;
import io.ikescope.session.ExchangeNames;
import io.ikescope.session.IkeProposal;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Negotiation;
import io.ikescope.session.NotifySeen;
import io.ikescope.session.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Questions the rules ask of a negotiation, answered from its messages; no bytes are read here. */
final class Facts {
    /** Silence after an unanswered request that counts as "no answer is coming": the evidence model's threshold. */
    static final double GIVE_UP_SECONDS = Evidence.GIVE_UP_SECONDS;
    /** Smallest room an IKEv2 IKE_AUTH response needs for IDr (9 bytes with a 1-byte ID) and AUTH (8 + 16). */
    static final int MIN_AUTH_ROOM = 33;
    /**
     * Smallest room a CHILD_SA adds to an IKE_AUTH response: an SA with one ESP proposal of an AEAD cipher and ESN
     * (36 bytes) and one IPv4 range in each of TSi and TSr (24 bytes each).
     */
    static final int MIN_CHILD_ROOM = 84;
    /** Smallest room of a CREATE_CHILD_SA response that creates an SA: the SA (36 bytes) and a 16-byte nonce (20). */
    static final int MIN_CREATE_CHILD_ROOM = 56;

    final Negotiation n;
    final boolean v2;
    private List<ErrorSeen> errors;

    Facts(Negotiation n) {
        this.n = n;
        this.v2 = n.ikeVersion() == 2;
    }

    boolean isPhase1Exchange(Exchange e) {
        return v2 ? e.name().equals(ExchangeNames.IKE_SA_INIT)
                : e.name().equals(ExchangeNames.MAIN_MODE) || e.name().equals(ExchangeNames.AGGRESSIVE);
    }

    List<Exchange> phase1Exchanges() {
        List<Exchange> out = new ArrayList<>();
        for (Exchange e : n.exchanges()) {
            if (isPhase1Exchange(e)) {
                out.add(e);
            }
        }
        return out;
    }

    Exchange last(String name) {
        List<Exchange> all = n.exchanges(name);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    Exchange exchange(int index) {
        for (Exchange e : n.exchanges()) {
            if (e.index() == index) {
                return e;
            }
        }
        return null;
    }

    /**
     * The message with a given step ("MM5") from an exchange's messages, the first original one; a fragmented message
     * by the record standing for it.
     */
    static MessageRecord step(Exchange e, String step) {
        if (e == null) {
            return null;
        }
        for (MessageRecord m : e.messages()) {
            if (step.equals(m.step()) && !m.fragmentPart()) {
                return m;
            }
        }
        return null;
    }

    boolean responderSpoke() {
        return !n.messagesFrom(Role.RESPONDER).isEmpty();
    }

    /** Seconds of capture after a message. */
    double quietAfter(MessageRecord m) {
        return (n.watchedUntilNanos() - m.epochNanos()) / 1e9;
    }

    /** The last message of the negotiation. */
    MessageRecord lastMessage() {
        return n.messages().isEmpty() ? null : n.messages().get(n.messages().size() - 1);
    }

    List<MessageRecord> after(long frame) {
        List<MessageRecord> out = new ArrayList<>();
        for (MessageRecord m : n.messages()) {
            if (m.frame() > frame) {
                out.add(m);
            }
        }
        return out;
    }

    IkeProposal ikeReference() {
        if (n.phase1().chosen() != null) {
            return n.phase1().chosen();
        }
        List<IkeProposal> offered = n.phase1().offered();
        return offered == null || offered.isEmpty() ? null : offered.get(0);
    }

    /** The Phase 1 authentication method when the capture shows it ("PSK", "RSA-SIG"), else null. */
    String authMethod() {
        IkeProposal p = ikeReference();
        return p == null ? null : p.authMethod();
    }

    ChildSa childOfExchange(int exchangeIndex) {
        for (ChildSa c : n.children()) {
            if (c.exchangeIndex() == exchangeIndex) {
                return c;
            }
        }
        return null;
    }

    ChildSa ikeAuthChild() {
        for (ChildSa c : n.children()) {
            if (c.exchange().equals("ike_auth")) {
                return c;
            }
        }
        return null;
    }

    /** Every error notify, in capture order, with its phase and child. */
    List<ErrorSeen> errors() {
        if (errors == null) {
            errors = new ArrayList<>();
            for (MessageRecord m : n.messages()) {
                if (m.retransmission()) {
                    continue;
                }
                for (NotifySeen notify : m.notifies()) {
                    if (notify.error()) {
                        errors.add(place(m, notify));
                    }
                }
            }
        }
        return errors;
    }

    /**
     * Errors not overtaken by later progress of their phase: a Phase 1 error followed by a later successful Phase 1
     * answer or by Phase 2 is not what stopped the negotiation (an INVALID_KE_PAYLOAD retried, a COOKIE round);
     * a Phase 2 error followed by a completed later child is not either.
     */
    List<ErrorSeen> fatalErrors() {
        List<ErrorSeen> out = new ArrayList<>();
        for (ErrorSeen e : errors()) {
            if (!overtaken(e)) {
                out.add(e);
            }
        }
        return out;
    }

    private boolean overtaken(ErrorSeen e) {
        long frame = e.message().frame();
        for (MessageRecord m : n.messages()) {
            if (m.frame() <= frame || m.retransmission() || m.firstError() != null) {
                continue;
            }
            Exchange x = exchange(m.exchangeIndex());
            if (x == null) {
                continue;
            }
            if (e.phase() == 1) {
                boolean laterPhase1Answer = isPhase1Exchange(x) && m.from() == Role.RESPONDER
                        && x.index() != e.message().exchangeIndex() && m.payloads().contains("SA");
                boolean phase2Started = !isPhase1Exchange(x) && isChildExchange(x) && m.from() != x.requester();
                if (laterPhase1Answer || phase2Started) {
                    return true;
                }
            } else {
                ChildSa c = childOfExchange(x.index());
                if (c != null && e.child() != null && c.index() > e.child().index() && childCompleted(x)) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean isChildExchange(Exchange x) {
        return x.name().equals(ExchangeNames.QUICK_MODE) || x.name().equals(ExchangeNames.IKE_AUTH)
                || x.name().equals(ExchangeNames.CREATE_CHILD_SA);
    }

    /** IKEv1 Quick Mode with its third message, or an IKEv2 child exchange with a response carrying an SA. */
    boolean childCompleted(Exchange x) {
        if (x.name().equals(ExchangeNames.QUICK_MODE)) {
            return step(x, "QM3") != null;
        }
        for (MessageRecord r : x.responses()) {
            if (r.payloads().contains("SA") && r.firstError() == null) {
                return true;
            }
        }
        return false;
    }

    private ErrorSeen place(MessageRecord m, NotifySeen notify) {
        Exchange x = exchange(m.exchangeIndex());
        String name = m.exchange();
        if (v2) {
            if (name.equals(ExchangeNames.IKE_SA_INIT)) {
                return new ErrorSeen(m, notify, 1, null);
            }
            if (name.equals(ExchangeNames.IKE_AUTH)) {
                // A child refused in IKE_AUTH comes next to the responder's AUTH: the IKE SA itself is fine.
                boolean child = m.payloads().contains("AUTH") && !notify.is(NotifyNames.AUTHENTICATION_FAILED);
                return new ErrorSeen(m, notify, child ? 2 : 1, child ? ikeAuthChild() : null);
            }
            if (name.equals(ExchangeNames.CREATE_CHILD_SA)) {
                return new ErrorSeen(m, notify, 2, x == null ? null : childOfExchange(x.index()));
            }
            if (notify.is(NotifyNames.AUTHENTICATION_FAILED)) {
                return new ErrorSeen(m, notify, 1, null);
            }
        } else {
            if (name.equals(ExchangeNames.MAIN_MODE) || name.equals(ExchangeNames.AGGRESSIVE)) {
                return new ErrorSeen(m, notify, 1, null);
            }
            if (name.equals(ExchangeNames.QUICK_MODE)) {
                return new ErrorSeen(m, notify, 2, x == null ? null : childOfExchange(x.index()));
            }
        }
        // An informational: it answers the exchange before it.
        Exchange before = previousNonInformational(m.frame());
        if (before != null && isChildExchange(before) && !(v2 && before.name().equals(ExchangeNames.IKE_AUTH))) {
            return new ErrorSeen(m, notify, 2, childOfExchange(before.index()));
        }
        return new ErrorSeen(m, notify, 1, null);
    }

    Exchange previousNonInformational(long frame) {
        Exchange found = null;
        for (Exchange e : n.exchanges()) {
            if (e.first().frame() < frame && !e.name().equals(ExchangeNames.INFORMATIONAL_V1)) {
                if (found == null || e.first().frame() > found.first().frame()) {
                    found = e;
                }
            }
        }
        return found;
    }

    /** What would settle an inferred verdict: the key material of this IKE SA. */
    String keyMaterial() {
        String sa = n.spiI() + (n.spiR() != null ? "/" + n.spiR() : "");
        if (v2) {
            return "the IKEv2 keys of IKE SA " + sa + " (SK_ei/SK_er and SK_ai/SK_ar: a charon log written with"
                    + " 'ike' log level 4, strongSwan's save-keys output or a Wireshark ikev2_decryption_table row),"
                    + " given with -k, would decrypt the protected messages and confirm it";
        }
        return "the IKEv1 keys of ISAKMP SA " + sa + " (SKEYID_e / the encryption key: a charon log written with"
                + " 'ike' log level 4 or a Wireshark ikev1_decryption_table row), given with -k, would decrypt the"
                + " protected messages and confirm it";
    }

    // ---- wording ------------------------------------------------------------------------------------------------

    /** "frame 3", "frames 3 and 5", "frames 3, 5 and 7". */
    static String frames(Collection<Long> frames) {
        List<Long> list = new ArrayList<>(frames);
        if (list.isEmpty()) {
            return "no frame";
        }
        if (list.size() == 1) {
            return "frame " + list.get(0);
        }
        StringBuilder s = new StringBuilder("frames ");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                s.append(i == list.size() - 1 ? " and " : ", ");
            }
            s.append(list.get(i));
        }
        return s.toString();
    }

    static String frame(MessageRecord m) {
        return "frame " + m.frame();
    }

    static List<Long> framesOf(Collection<MessageRecord> messages) {
        List<Long> out = new ArrayList<>(messages.size());
        for (MessageRecord m : messages) {
            out.add(m.frame());
        }
        return out;
    }

    /** "MM5", "IKE_AUTH request", "Informational". */
    static String stepName(MessageRecord m) {
        return m.stepName();
    }

    /** "MM5 (frame 5)", "the IKE_AUTH request (frame 3)". */
    static String describe(MessageRecord m) {
        String step = m.step();
        if (step.equals("request") || step.equals("response") || step.equals("reply")) {
            return "the " + m.exchange() + " " + step + " (frame " + m.frame() + ")";
        }
        if (step.equals("notification")) {
            return (m.opaque() ? "an encrypted " : "an ") + "Informational message (frame " + m.frame() + ")";
        }
        return step + " (frame " + m.frame() + ")";
    }

    String peer(Role role) {
        return role.jsonName() + " " + (role == Role.INITIATOR ? n.initiator() : n.responder()).address();
    }
}
