package io.ikescope.diagnosis;

import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.session.ExchangeNames;
import io.ikescope.session.LostFragments;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * "Fragmentation loss": a large IKE message was split (by IP, or into IKEv2 SKF fragments) and some pieces never
 * arrived, after which the other peer stayed silent.
 */
final class FragmentsLost implements Rule {
    @Override
    public String name() {
        return "fragments lost";
    }

    @Override
    public Verdict apply(Facts f) {
        Verdict ip = ipFragments(f);
        return ip != null ? ip : skfFragments(f);
    }

    private static Verdict ipFragments(Facts f) {
        List<LostFragments> lost = f.n.lostFragments();
        if (lost.isEmpty()) {
            return null;
        }
        LostFragments firstLoss = lost.get(0);
        Role sender = firstLoss.from();
        // The receiver said nothing new after the loss (a re-sent earlier message does not count).
        for (MessageRecord m : f.after(firstLoss.firstFrame())) {
            if (m.from() == sender.other() && !m.retransmission()) {
                return null;
            }
        }
        long fromSender = lost.stream().filter(l -> l.from() == sender).count();
        MessageRecord lastGood = null;
        for (MessageRecord m : f.n.messages()) {
            if (m.frame() < firstLoss.firstFrame()) {
                lastGood = m;
            }
        }
        double waited = (f.n.watchedUntilNanos() - lost.get(lost.size() - 1).epochNanos()) / 1e9;
        if (fromSender < 2 && waited < Facts.GIVE_UP_SECONDS) {
            return null;
        }
        List<Long> frames = new ArrayList<>();
        int bytes = 0;
        for (LostFragments l : lost) {
            frames.add(l.firstFrame());
            bytes = Math.max(bytes, l.bytesReceived());
        }
        boolean certificates = false;
        for (MessageRecord m : f.n.messages()) {
            certificates |= m.payloads().contains("CR") || m.payloads().contains("CERTREQ") || m.payloads().contains("CERT");
        }
        int phase = lastGood == null || f.isPhase1Exchange(f.exchange(lastGood.exchangeIndex()))
                || lastGood.exchange().equals(ExchangeNames.IKE_SA_INIT) ? 1 : 2;
        return VerdictBuilder.inferred(VerdictCode.FRAGMENTATION_LOSS, phase)
                .summary("Large IKE messages from the " + sender.jsonName() + " were split into IP fragments and not all"
                        + " fragments arrived: " + fromSender + " datagram" + (fromSender > 1 ? "s" : "")
                        + " never reassembled, and the negotiation stalls there.")
                .explanation((lastGood != null ? "The exchange went as far as " + Facts.describe(lastGood) + ". " : "")
                        + "Then the " + sender.jsonName() + " sent IP datagrams of which only part reached the capture"
                        + " point (first fragments at " + Facts.frames(frames) + ", at least " + bytes
                        + " bytes each); the " + sender.other().jsonName() + " never answered. "
                        + (certificates ? "Certificate requests were exchanged, so these are likely the messages"
                        + " carrying certificates, larger than the path MTU. " : "")
                        + "Some device between the peers drops IP fragments. No key material would change this.")
                .fix("Enable IKE fragmentation on both peers so that no message needs IP fragmentation (IKEv2 RFC"
                        + " 7383 / IKEv1 vendor fragmentation: strongSwan fragmentation = yes, libreswan"
                        + " fragmentation=yes), or let IP fragments through the firewall or router in between;"
                        + " smaller certificates (ECDSA) or fewer certificate requests also help.")
                .evidence(lastGood == null ? List.of() : List.of(lastGood.frame()))
                .evidence(frames)
                .build();
    }

    /**
     * IKEv2 RFC 7383: a fragmented message with numbers missing in every copy sent, never answered, and either
     * retransmitted or followed by long enough a silence (a capture that merely stops mid-message is not a loss).
     */
    private static Verdict skfFragments(Facts f) {
        if (!f.v2) {
            return null;
        }
        Map<String, TreeSet<Integer>> seen = new TreeMap<>();
        Map<String, Integer> totals = new TreeMap<>();
        Map<String, List<MessageRecord>> pieces = new TreeMap<>();
        for (MessageRecord m : f.n.messages()) {
            if (m.fragment() == null) {
                continue;
            }
            String key = m.from() + ":" + m.exchangeIndex();
            seen.computeIfAbsent(key, k -> new TreeSet<>()).add(m.fragment().number());
            totals.merge(key, m.fragment().total(), Math::max);
            pieces.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        for (Map.Entry<String, TreeSet<Integer>> e : seen.entrySet()) {
            int total = totals.get(e.getKey());
            TreeSet<Integer> arrived = e.getValue();
            if (total <= 0 || arrived.size() >= total) {
                continue;
            }
            List<MessageRecord> frames = pieces.get(e.getKey());
            MessageRecord first = frames.get(0);
            MessageRecord last = frames.get(frames.size() - 1);
            if (f.exchange(first.exchangeIndex()).from(first.from().other()).size() > 0) {
                continue; // answered: the peer got the whole message after all
            }
            long copies = frames.stream().filter(m -> m.fragment().number() == arrived.first()).count();
            if (copies < 2 && f.quietAfter(last) < Facts.GIVE_UP_SECONDS) {
                continue;
            }
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= total; i++) {
                if (!arrived.contains(i)) {
                    missing.add(i);
                }
            }
            // Senders cut every fragment but the last to the same size, so a lost fragment other than the last one
            // is no bigger than one that arrived: then the size (path MTU) does not explain the loss.
            boolean fullSizeArrived = arrived.first() < total;
            boolean fullSizeLost = missing.get(0) < total;
            boolean notTheSize = fullSizeArrived && fullSizeLost;
            Role sender = first.from();
            boolean decrypted = frames.stream().allMatch(m -> m.decryption() == DecryptionStatus.OK);
            String which = missing.size() > 1 ? "fragments " + numbers(missing) : "fragment " + missing.get(0);
            String message = "The " + sender.jsonName() + "'s " + first.exchange() + " " + (first.response() ? "response"
                    : "request");
            int phase = first.exchange().equals(ExchangeNames.IKE_AUTH) ? 1 : 2;
            return VerdictBuilder.inferred(VerdictCode.FRAGMENTATION_LOSS, phase)
                    .summary(message + " was split into " + total + " IKE fragments (RFC 7383) and " + which
                            + " never arrived" + (copies > 1 ? ", in any of the " + copies + " copies sent" : "")
                            + "; the " + sender.other().jsonName() + " cannot reassemble it and never answered.")
                    .explanation("Fragment" + (arrived.size() > 1 ? "s " : " ") + numbers(new ArrayList<>(arrived))
                            + " of " + total + " are in the capture (" + Facts.frames(Facts.framesOf(frames)) + ")"
                            + (decrypted ? ", each decrypted and its checksum verified with the keys given, so they are"
                            + " intact pieces of one message" : "") + "; " + which + (missing.size() > 1 ? " were" : " was")
                            + " lost before the capture point, so the " + sender.other().jsonName()
                            + " waits for the missing piece and the " + sender.jsonName() + " "
                            + (copies > 1 ? "retransmitted the whole message, losing the same piece each time. "
                            : "got no answer. ")
                            + (notTheSize ? "The lost fragment is no larger than fragments that arrived (all but the"
                            + " last have the same size), so the path MTU does not explain it: a device between the"
                            + " peers drops these datagrams selectively (a firewall or IPS rule matching their"
                            + " content, a rate limit). " : "The fragments lost are the largest ones, so the path"
                            + " most likely does not carry datagrams of that size (MTU, a device dropping large"
                            + " UDP datagrams). ")
                            + "No key material would change this: the evidence is the fragment that is missing.")
                    .fix(notTheSize
                            ? "Find the device that drops them: capture on both sides of each firewall or IPS between "
                            + f.n.initiator().address() + " and " + f.n.responder().address() + " and check its"
                            + " rules for UDP " + last.destination().port() + "; a different IKE fragment size"
                            + " (strongSwan charon.fragment_size) moves the fragment boundaries and may avoid the rule."
                            : "Lower the IKE fragment size below the path MTU (strongSwan charon.fragment_size,"
                            + " libreswan fragments at 1280 for IPv6 paths), or find the device that drops the larger"
                            + " UDP datagrams.")
                    .evidence(Facts.framesOf(frames))
                    .build();
        }
        return null;
    }

    /** "3", "2 and 3", "1, 2, 4 and 5". */
    private static String numbers(List<Integer> list) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                s.append(i == list.size() - 1 ? " and " : ", ");
            }
            s.append(list.get(i));
        }
        return s.toString();
    }
}
