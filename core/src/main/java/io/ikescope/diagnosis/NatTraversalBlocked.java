package io.ikescope.diagnosis;

import io.ikescope.session.IcmpError;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * "NAT-T blocked": the peers talked on UDP 500, the initiator moved to UDP 4500 and got no answer there; confirmed
 * when ICMP errors refused the requests on 4500.
 */
final class NatTraversalBlocked implements Rule {
    @Override
    public String name() {
        return "NAT-T blocked";
    }

    @Override
    public Verdict apply(Facts f) {
        Long floated = f.n.natTraversalFrame();
        if (floated == null) {
            return null;
        }
        List<MessageRecord> stalled = new ArrayList<>();
        List<MessageRecord> before = new ArrayList<>();
        for (MessageRecord m : f.n.messages()) {
            if (m.frame() < floated) {
                before.add(m);
            } else if (m.onNatTraversalPort()) {
                if (m.from() == Role.RESPONDER) {
                    return null; // the responder answers on 4500: the port is open
                }
                stalled.add(m);
            }
        }
        if (stalled.isEmpty()) {
            return null;
        }
        MessageRecord first = stalled.get(0);
        MessageRecord last = stalled.get(stalled.size() - 1);
        boolean retried = stalled.size() > 1 && last.retransmission();
        long sends = stalled.stream().filter(m -> !m.fragmentPart()).count(); // a fragmented message once
        if (!retried && f.quietAfter(last) < Facts.GIVE_UP_SECONDS) {
            return null;
        }
        String nat = f.n.natDetected();
        String reading = f.n.nat().summary(); // NAT or forced encapsulation, once the capture point is weighed
        String natText = nat == null ? "" : nat.equals("none") ? " (the NAT discovery hashes show no NAT: the move was"
                + " forced by configuration, e.g. encap = yes)" : reading != null ? " (the NAT discovery hashes: "
                + reading + ")" : " (the NAT discovery hashes say: NAT at " + (nat.equals("both") ? "both peers"
                : "the " + nat) + ")";
        boolean phase1 = f.isPhase1Exchange(f.exchange(first.exchangeIndex()))
                || first.exchange().equals(io.ikescope.session.ExchangeNames.IKE_AUTH)
                || first.step().startsWith("MM") || first.step().startsWith("AM");
        List<IcmpError> refusals = new ArrayList<>();
        for (IcmpError e : f.n.icmpErrors()) {
            if (e.refused() == Role.INITIATOR && e.icmp().quotedDstPort() == first.destination().port()) {
                refusals.add(e);
            }
        }
        if (!refusals.isEmpty()) {
            return rejected(f, refusals, before, stalled, first, phase1 ? 1 : 2);
        }
        return VerdictBuilder.inferred(VerdictCode.NAT_T_BLOCKED, phase1 ? 1 : 2)
                .summary("The negotiation stalls after moving to UDP 4500: " + Facts.describe(first) + " to "
                        + f.n.responder().address() + ":4500 " + (sends > 1 ? "was sent " + sends
                        + " times and " : "") + "was never answered; UDP 4500 is most likely blocked.")
                .explanation("On UDP 500 the responder answered (" + Facts.frames(Facts.framesOf(before)) + "). At "
                        + "frame " + floated + " the initiator moved to UDP 4500" + natText
                        + " and sent " + Facts.frames(Facts.framesOf(stalled)) + " there; nothing came back on UDP"
                        + " 4500." + (last.length() > 1472 ? " The message is " + last.length() + " bytes, more than fits"
                        + " one 1500-byte packet, so it travels as IP fragments: a device dropping fragments beyond"
                        + " the capture point would look the same (see FRAGMENTATION_LOSS)." : "")
                        + " No key material would change this: the encrypted content does not matter when"
                        + " nothing answers; a capture at the responder shows whether UDP 4500 arrives.")
                .fix("Allow UDP 4500 in both directions between " + f.n.initiator().address() + " and "
                        + f.n.responder().address() + " on every firewall and NAT device in between (ESP-in-UDP uses"
                        + " it too); if no NAT is involved, forced encapsulation can be turned off instead (strongSwan"
                        + " encap = no).")
                .evidence(Facts.framesOf(before))
                .evidence(Facts.framesOf(stalled))
                .build();
    }

    /** The requests on UDP 4500 were refused with ICMP errors: confirmed, and the ICMP says by whom. */
    private static Verdict rejected(Facts f, List<IcmpError> refusals, List<MessageRecord> before,
                                    List<MessageRecord> stalled, MessageRecord first, int phase) {
        IcmpError main = refusals.get(0);
        String responder = f.n.responder().address();
        String sender = main.icmp().sender();
        boolean fromResponder = sender.equals(responder);
        int port = first.destination().port();
        List<Long> icmpFrames = new ArrayList<>();
        refusals.forEach(e -> icmpFrames.add(e.frame()));
        String cause = main.icmp().portUnreachable() && fromResponder
                ? "nothing listens on UDP " + port + " at " + responder + ", or its host firewall rejects it"
                : main.icmp().portUnreachable() || main.icmp().administrativelyProhibited()
                ? "a firewall at " + sender + " rejects UDP " + port
                : responder + " cannot be reached on UDP " + port + " (" + main.icmp().meaning() + " from " + sender + ")";
        return VerdictBuilder.confirmed(VerdictCode.NAT_T_BLOCKED, phase)
                .summary("The negotiation stalls after moving to UDP " + port + ": " + Facts.describe(first) + " to "
                        + responder + ":" + port + " was refused with ICMP '" + main.icmp().meaning() + "' from "
                        + (fromResponder ? "the responder itself" : sender) + " (" + Facts.frames(icmpFrames) + "): "
                        + cause + ".")
                .explanation("On UDP 500 the responder answered (" + Facts.frames(Facts.framesOf(before)) + "). Then"
                        + " the initiator moved to UDP " + port + " for NAT traversal and sent "
                        + Facts.frames(Facts.framesOf(stalled)) + " there; each ICMP error quotes one of these"
                        + " requests" + (main.bySpi() ? " with its IKE SPIs" : "") + ", so UDP 500 works and UDP " + port
                        + " is refused" + (fromResponder ? " by the responder's host" : " on the way, at " + sender)
                        + ".")
                .fix((fromResponder ? "On " + responder + ", let the IKE daemon listen on UDP " + port
                        + " (strongSwan and libreswan do by default; check 'ss -ulnp') and allow UDP " + port
                        + " in its host firewall" : "Allow UDP " + port + " between " + f.n.initiator().address()
                        + " and " + responder + " on the firewall at " + sender) + " (ESP-in-UDP uses it too); if no"
                        + " NAT is involved, forced encapsulation can be turned off instead (strongSwan encap = no).")
                .evidence(Facts.framesOf(before))
                .evidence(Facts.framesOf(stalled))
                .evidence(icmpFrames)
                .build();
    }
}
