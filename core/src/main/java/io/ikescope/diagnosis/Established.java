package io.ikescope.diagnosis;

import io.ikescope.session.ChildSa;
import io.ikescope.session.EspTally;
import io.ikescope.session.Exchange;
import io.ikescope.session.ExchangeNames;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * "Up": every phase that started completed. Confirmed when decrypted messages show it (the final Phase 1 message and
 * every Phase 2 answer read without an error) or ESP or AH flows both ways on the negotiated child SPIs; inferred
 * when encrypted messages only complete the expected sequence: IKEv1 MM6/AM3 and QM1-QM3, IKEv2 an IKE_AUTH answer
 * with room for AUTH followed by ESP or AH both ways or further exchanges.
 */
final class Established implements Rule {
    @Override
    public String name() {
        return "established";
    }

    @Override
    public Verdict apply(Facts f) {
        return f.v2 ? ikev2(f) : ikev1(f);
    }

    private static Verdict ikev1(Facts f) {
        List<String> detail = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        List<Long> evidence = new ArrayList<>();
        String phase1;
        if (f.n.phase1().captured()) {
            Exchange main = f.last(ExchangeNames.MAIN_MODE);
            Exchange aggressive = f.last(ExchangeNames.AGGRESSIVE);
            if (main != null) {
                MessageRecord mm6 = Facts.step(main, "MM6");
                if (mm6 == null) {
                    return null;
                }
                if (mm6.opaque()) {
                    hidden.add("MM5/MM6");
                }
                evidence.addAll(main.frames());
                phase1 = "Phase 1 (Main Mode)";
                detail.add("Main Mode MM1-MM6 (" + Facts.frames(originalFrames(main)) + ")");
            } else if (aggressive != null) {
                MessageRecord am3 = Facts.step(aggressive, "AM3");
                if (am3 == null) {
                    return null;
                }
                if (am3.opaque()) {
                    hidden.add("AM3");
                }
                evidence.addAll(aggressive.frames());
                phase1 = "Phase 1 (Aggressive Mode)";
                detail.add("Aggressive Mode AM1-AM3 (" + Facts.frames(originalFrames(aggressive)) + ")");
            } else {
                return null;
            }
        } else {
            if (!bothSidesSpoke(f)) {
                return null;
            }
            phase1 = "The ISAKMP SA (set up before the capture began)";
            evidence.addAll(Facts.framesOf(f.n.messages()));
            detail.add("exchanges on the ISAKMP SA from both peers (" + Facts.frames(Facts.framesOf(f.n.messages()))
                    + ")");
        }
        List<Exchange> quick = f.n.exchanges(ExchangeNames.QUICK_MODE);
        for (Exchange x : quick) {
            MessageRecord qm2 = Facts.step(x, "QM2");
            if (qm2 == null || Facts.step(x, "QM3") == null) {
                return null;
            }
            if (qm2.opaque()) {
                hidden.add("Quick Mode " + Facts.frames(originalFrames(x)));
            }
            detail.add("Quick Mode QM1-QM3 (" + Facts.frames(originalFrames(x)) + ")");
            evidence.addAll(x.frames());
        }
        String phase2 = quick.isEmpty() ? " completed; no Phase 2 in the capture"
                : " and Phase 2 (Quick Mode" + (quick.size() > 1 ? ", " + quick.size() + " times" : "") + ") completed";
        return verdict(f, phase1 + phase2, detail, hidden, evidence, !quick.isEmpty());
    }

    private static Verdict ikev2(Facts f) {
        List<String> detail = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        List<Long> evidence = new ArrayList<>();
        String phase1;
        if (f.n.phase1().captured()) {
            Exchange auth = f.last(ExchangeNames.IKE_AUTH);
            if (auth == null || !auth.answered()) {
                return null;
            }
            MessageRecord response = auth.responses().get(0);
            if (response.decrypted()) {
                if (!response.payloads().contains("AUTH")) {
                    return null;
                }
            } else {
                Integer room = response.payloadRoom();
                if (room != null && room < Facts.MIN_AUTH_ROOM || !ikev2InUse(f, response)) {
                    return null;
                }
                hidden.add("IKE_AUTH " + Facts.frames(auth.frames()));
            }
            List<Long> init = new ArrayList<>();
            for (Exchange e : f.phase1Exchanges()) {
                init.addAll(e.frames());
            }
            List<Long> authFrames = new ArrayList<>();
            for (Exchange e : f.n.exchanges(ExchangeNames.IKE_AUTH)) {
                authFrames.addAll(e.frames());
            }
            evidence.addAll(init);
            evidence.addAll(authFrames);
            detail.add("IKE_SA_INIT (" + Facts.frames(init) + ") and IKE_AUTH (" + Facts.frames(authFrames) + ")"
                    + (response.decrypted() ? " with the responder's AUTH"
                    : response.fragment() != null ? ", its answer in " + response.fragment().total() + " fragments"
                    + " (too large for a lone error notify)"
                    : ", its answer with room for the responder's AUTH (" + response.length() + " bytes)"));
            phase1 = "The IKE SA";
        } else {
            if (!allAnswered(f)) {
                return null;
            }
            for (MessageRecord m : f.n.messages()) {
                if (m.opaque()) {
                    hidden.add("the exchanges");
                    break;
                }
            }
            phase1 = f.n.rekeyOf() != null ? "The IKE SA (created by rekeying negotiation " + f.n.rekeyOf().id() + ")"
                    : "The IKE SA (set up before the capture began, or by a rekey)";
            evidence.addAll(Facts.framesOf(f.n.messages()));
            detail.add("every request on it was answered (" + Facts.frames(Facts.framesOf(f.n.messages())) + ")");
        }
        boolean anyChild = false;
        for (ChildSa c : f.n.children()) {
            Exchange x = f.exchange(c.exchangeIndex());
            if (x == null || !x.answered()) {
                return null;
            }
            MessageRecord response = x.responses().get(0);
            if (c.contentHidden()) {
                if (c.exchange().equals("ike_auth")) {
                    if (!f.n.ipsecBothWaysAfter(response.frame())) {
                        return null;
                    }
                } else {
                    Integer room = response.payloadRoom();
                    if (room != null && room < Facts.MIN_CREATE_CHILD_ROOM) {
                        return null;
                    }
                }
                hidden.add(c.exchange().toUpperCase() + " " + Facts.frames(x.frames()));
            } else if (c.chosen() == null && !Boolean.TRUE.equals(c.ikeRekey())) {
                return null;
            }
            anyChild |= !Boolean.TRUE.equals(c.ikeRekey());
            if (!c.exchange().equals("ike_auth")) {
                detail.add("CREATE_CHILD_SA (" + Facts.frames(x.frames()) + ")");
            }
            evidence.addAll(x.frames());
        }
        String phase2 = anyChild ? " and its CHILD_SA" + (f.n.children().size() > 1 ? "s" : "") : "";
        return verdict(f, phase1 + phase2 + " completed", detail, dedupe(hidden), evidence, anyChild);
    }

    private static Verdict verdict(Facts f, String what, List<String> detail, List<String> hidden, List<Long> evidence,
                                   boolean children) {
        boolean onKnownSpis = true;
        boolean anySpiKnown = false;
        for (ChildSa c : f.n.children()) {
            if (c.spisKnown()) {
                anySpiKnown = true;
                onKnownSpis &= c.trafficBothWays();
            }
        }
        boolean confirmed = hidden.isEmpty() || anySpiKnown && onKnownSpis && children;
        EspTally esp = f.n.esp();
        EspTally ah = f.n.ah();
        // the ESP wording stays as it always was; AH is added where the capture has any
        boolean withAh = ah.toResponder() + ah.toInitiator() > 0;
        boolean withEsp = !withAh || esp.toResponder() + esp.toInitiator() > 0;
        String trafficText = (withEsp ? traffic("ESP", esp, false) : "") + (withEsp && withAh ? ", " : "")
                + (withAh ? traffic("AH", ah, false) : "");
        String trafficFrames = (withEsp ? traffic("ESP", esp, true) : "") + (withEsp && withAh ? ", " : "")
                + (withAh ? traffic("AH", ah, true) : "");
        String explanation = "Seen: " + String.join(", ", detail) + "; " + trafficFrames + ".";
        if (!confirmed) {
            boolean bothWays = esp.bothWays() || ah.bothWays();
            explanation += " The contents of " + String.join(", ", hidden) + " are encrypted: the outcome is inferred"
                    + " from the complete message sequence" + (bothWays ? " and the " + (esp.bothWays() ? "ESP" : "AH")
                    + " traffic" : "") + "; " + f.keyMaterial() + ".";
        }
        return (confirmed ? VerdictBuilder.confirmed(VerdictCode.ESTABLISHED, null)
                : VerdictBuilder.inferred(VerdictCode.ESTABLISHED, null))
                .summary(what + "; " + trafficText + ".")
                .explanation(explanation)
                .evidence(evidence)
                .build();
    }

    /** "ESP traffic seen both ways (3 packets initiator to responder, 3 back)", with the first frames if asked. */
    private static String traffic(String protocol, EspTally t, boolean firstFrames) {
        if (t.bothWays()) {
            return protocol + " traffic seen both ways (" + t.toResponder() + " packets initiator to responder, "
                    + t.toInitiator() + " back)" + (firstFrames ? " from frames " + t.firstToResponderFrame() + "/"
                    + t.firstToInitiatorFrame() : "");
        }
        return t.toResponder() + t.toInitiator() > 0 ? protocol + " seen one way only (" + t.toResponder() + " to the"
                + " responder, " + t.toInitiator() + " to the initiator)" : "no " + protocol + " traffic seen";
    }

    /**
     * After an encrypted IKE_AUTH answer, something shows the IKE SA in use: ESP (or AH) both ways, or a later
     * CREATE_CHILD_SA answered with room for an SA.
     */
    static boolean ikev2InUse(Facts f, MessageRecord authResponse) {
        if (f.n.ipsecBothWaysAfter(authResponse.frame())) {
            return true;
        }
        for (Exchange x : f.n.exchanges(ExchangeNames.CREATE_CHILD_SA)) {
            if (x.first().frame() > authResponse.frame() && x.answered()) {
                MessageRecord r = x.responses().get(0);
                if (r.decrypted() ? r.payloads().contains("SA")
                        : r.payloadRoom() == null || r.payloadRoom() >= Facts.MIN_CREATE_CHILD_ROOM) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean bothSidesSpoke(Facts f) {
        return !f.n.messagesFrom(Role.INITIATOR).isEmpty() && !f.n.messagesFrom(Role.RESPONDER).isEmpty();
    }

    /** Every IKEv2 request has a response. */
    private static boolean allAnswered(Facts f) {
        for (Exchange x : f.n.exchanges()) {
            if (!x.answered()) {
                return false;
            }
        }
        return !f.n.exchanges().isEmpty();
    }

    private static List<Long> originalFrames(Exchange x) {
        List<Long> out = new ArrayList<>();
        for (MessageRecord m : x.messages()) {
            if (!m.retransmission()) {
                out.add(m.frame());
            }
        }
        return out;
    }

    private static List<String> dedupe(List<String> items) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(items));
    }
}
