package io.ikescope.diagnosis;

import io.ikescope.text.Decimals;
import io.ikescope.session.IcmpError;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * "No response": the responder never sent anything, although the initiator retried or waited long enough, or an
 * ICMP destination unreachable refused the initiator's requests (then the ICMP says why, and the verdict is
 * confirmed: the request was not delivered).
 */
final class NoResponse implements Rule {
    @Override
    public String name() {
        return "no response";
    }

    @Override
    public Verdict apply(Facts f) {
        List<MessageRecord> sent = f.n.messagesFrom(Role.INITIATOR);
        if (f.responderSpoke() || sent.isEmpty() || f.n.floated()) {
            return null;
        }
        MessageRecord first = sent.get(0);
        MessageRecord last = sent.get(sent.size() - 1);
        int copies = 0;
        for (MessageRecord m : sent) {
            if (m.frame() == first.frame() || first.frame() == (m.retransmissionOf() == null ? -1 : m.retransmissionOf())) {
                copies++;
            }
        }
        double waited = f.quietAfter(last);
        List<IcmpError> refusals = refusals(f);
        if (refusals.isEmpty() && copies < 2 && waited < Facts.GIVE_UP_SECONDS) {
            return null;
        }
        String responder = f.n.responder().address();
        String span = Decimals.halfUp((last.epochNanos() - first.epochNanos()) / 1e9, 1);
        String requests = "The initiator " + f.n.initiator().address() + " sent " + Facts.describe(first)
                + (copies > 1 ? " and " + (copies - 1) + " retransmission" + (copies > 2 ? "s" : "")
                + " over " + span + " s" : "") + (sent.size() > 1 ? " (" + Facts.frames(Facts.framesOf(sent))
                + ")" : "") + "; the capture holds no IKE message from " + responder;
        if (!refusals.isEmpty()) {
            return refused(f, refusals, sent, requests + ".");
        }
        requests += " (it continues " + Decimals.halfUp(waited, 1) + " s after the last request).";
        return VerdictBuilder.inferred(VerdictCode.NO_RESPONSE, f.n.phase1().captured() ? 1 : null)
                .summary("The responder " + responder + " never answered: the initiator sent its " + Facts.stepName(first) + (copies > 1 ? " " + copies + " times" : "")
                        + " and got nothing back.")
                .explanation(requests + " No ICMP error about the requests is in the capture. No key material would"
                        + " change this; a capture next to the responder shows whether the requests arrive.")
                .fix("Check that " + responder + " runs an IKE daemon listening on UDP " + f.n.responder().port()
                        + ", that it is the right address, and that UDP 500 and 4500 are allowed between "
                        + f.n.initiator().address() + " and " + responder + " in both directions.")
                .evidence(Facts.framesOf(sent))
                .build();
    }

    /** ICMP errors refusing the initiator's datagrams, port unreachables from the responder itself first. */
    private static List<IcmpError> refusals(Facts f) {
        List<IcmpError> out = new ArrayList<>();
        for (IcmpError e : f.n.icmpErrors()) {
            if (e.refused() == Role.INITIATOR) {
                out.add(e);
            }
        }
        String responder = f.n.responder().address();
        out.sort((a, b) -> Integer.compare(rank(a, responder), rank(b, responder)));
        return out;
    }

    private static int rank(IcmpError e, String responder) {
        boolean fromResponder = e.icmp().sender().equals(responder);
        return e.icmp().portUnreachable() ? (fromResponder ? 0 : 1) : e.icmp().administrativelyProhibited() ? 2 : 3;
    }

    /** The requests were refused with ICMP: the kind of refusal names the cause. */
    private static Verdict refused(Facts f, List<IcmpError> refusals, List<MessageRecord> sent, String requests) {
        IcmpError main = refusals.get(0);
        String responder = f.n.responder().address();
        int port = main.icmp().quotedDstPort();
        String sender = main.icmp().sender();
        boolean fromResponder = sender.equals(responder);
        List<Long> icmpFrames = new ArrayList<>();
        for (IcmpError e : refusals) {
            icmpFrames.add(e.frame());
        }
        String answered = (fromResponder ? "The responder's host " + responder : "The device at " + sender
                + " (not the responder " + responder + ")") + " answered '" + main.icmp().meaning() + "' ("
                + (icmpFrames.size() > 1 ? Facts.frames(icmpFrames) : "frame " + main.frame()) + ")";
        String quoted = " An ICMP error quotes the refused request" + (main.bySpi() ? " with its IKE SPIs" : " (its"
                + " addresses and ports; the quote is too short for the IKE header)") + ", so it belongs to this"
                + " negotiation; the request was not delivered to an IKE daemon.";
        String summary;
        String cause;
        String fix;
        if (main.icmp().portUnreachable()) {
            summary = answered + ": no IKE daemon is listening on UDP " + port + (fromResponder ? " there." : " behind"
                    + " it, or a firewall there rejects UDP " + port + ".");
            cause = fromResponder ? " A host answers 'port unreachable' when no socket is bound to the port: the IKE"
                    + " daemon is not running on " + responder + ", listens on other addresses or ports, or a host"
                    + " firewall rejects UDP " + port + " with this ICMP error (nftables 'reject', iptables REJECT)."
                    : " " + sender + " is on the path, so most likely a firewall there rejects UDP " + port
                    + " (nftables 'reject', iptables REJECT); otherwise the address " + responder + " is answered by"
                    + " a device that runs no IKE daemon.";
            fix = "Start the IKE daemon on " + responder + " (strongSwan: charon / 'systemctl start strongswan';"
                    + " libreswan: 'ipsec start') and check that it listens on UDP " + port + " and 4500"
                    + " ('ss -ulnp'); make sure " + responder + " is the right address of the VPN gateway in the"
                    + " initiator's configuration; open UDP " + port + " and 4500 on "
                    + (fromResponder ? "the host firewall of " + responder : "the firewall at " + sender) + ".";
        } else if (main.icmp().administrativelyProhibited()) {
            summary = answered + ": a firewall " + (fromResponder ? "on the responder" : "at " + sender)
                    + " refuses UDP " + port + " to " + responder + ".";
            cause = " '" + main.icmp().meaning() + "' is what a filter (firewall rule, router ACL) sends when it"
                    + " rejects a packet on purpose.";
            fix = "Allow UDP " + port + " and 4500 from " + f.n.initiator().address() + " to " + responder
                    + " (and back) on the firewall or ACL at " + sender + ".";
        } else {
            summary = answered + ": " + responder + " cannot be reached.";
            cause = " '" + main.icmp().meaning() + "' means " + (fromResponder ? responder : "the router " + sender)
                    + " could not deliver the request: the responder is down or not on its network, its address is"
                    + " wrong, or a route to it is missing.";
            fix = "Check that " + responder + " is up and is the right address of the VPN gateway, and the routing"
                    + " between " + f.n.initiator().address() + " and " + responder
                    + (fromResponder ? "" : " (the router " + sender + " has no way to it)") + ".";
        }
        List<Long> evidence = new ArrayList<>(Facts.framesOf(sent));
        evidence.addAll(icmpFrames);
        return VerdictBuilder.confirmed(VerdictCode.NO_RESPONSE, f.n.phase1().captured() ? 1 : null)
                .summary(summary)
                .explanation(requests + " ICMP errors came back instead: " + ladder(refusals) + "." + quoted + cause)
                .fix(fix)
                .evidence(evidence)
                .build();
    }

    /** "port unreachable from 198.51.100.2 (frames 2, 4 and 6)", per kind and sender. */
    private static String ladder(List<IcmpError> refusals) {
        java.util.Map<String, List<Long>> byKind = new java.util.LinkedHashMap<>();
        for (IcmpError e : refusals) {
            byKind.computeIfAbsent(e.icmp().meaning() + " from " + e.icmp().sender(), k -> new ArrayList<>())
                    .add(e.frame());
        }
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, frames) -> parts.add(kind + " (" + Facts.frames(frames) + ")"));
        return String.join("; ", parts);
    }
}
