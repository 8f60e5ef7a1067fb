package io.ikescope.diagnosis;

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

    /** IKEv2 RFC 7383: a fragmented message with numbers missing, and no answer to it. */
    private static Verdict skfFragments(Facts f) {
        Map<String, TreeSet<Integer>> seen = new TreeMap<>();
        Map<String, Integer> totals = new TreeMap<>();
        Map<String, List<Long>> frames = new TreeMap<>();
        Map<String, MessageRecord> firstOf = new TreeMap<>();
        for (MessageRecord m : f.n.messages()) {
            if (m.fragment() == null || !f.v2) {
                continue;
            }
            String key = m.from() + ":" + m.exchangeIndex();
            seen.computeIfAbsent(key, k -> new TreeSet<>()).add(m.fragment().number());
            totals.merge(key, m.fragment().total(), Math::max);
            frames.computeIfAbsent(key, k -> new ArrayList<>()).add(m.frame());
            firstOf.putIfAbsent(key, m);
        }
        for (Map.Entry<String, TreeSet<Integer>> e : seen.entrySet()) {
            int total = totals.get(e.getKey());
            if (total <= 0 || e.getValue().size() >= total) {
                continue;
            }
            MessageRecord first = firstOf.get(e.getKey());
            if (f.exchange(first.exchangeIndex()).from(first.from().other()).size() > 0) {
                continue; // answered: the peer got the whole message after all
            }
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= total; i++) {
                if (!e.getValue().contains(i)) {
                    missing.add(i);
                }
            }
            return VerdictBuilder.inferred(VerdictCode.FRAGMENTATION_LOSS, 1)
                    .summary("The " + first.from().jsonName() + "'s " + first.exchange() + " message was split into "
                            + total + " IKE fragments (RFC 7383) and fragment" + (missing.size() > 1 ? "s " : " ")
                            + missing + " never arrived; the message was never answered.")
                    .explanation("Fragments " + e.getValue() + " of " + total + " are in the capture ("
                            + Facts.frames(frames.get(e.getKey())) + "); the others were lost before the capture point,"
                            + " so the " + first.from().other().jsonName() + " cannot reassemble the message. No key"
                            + " material would change this.")
                    .fix("Lower the IKE fragment size (strongSwan charon.fragment_size) below the path MTU, or find"
                            + " the device that drops the larger UDP datagrams.")
                    .evidence(frames.get(e.getKey()))
                    .build();
        }
        return null;
    }
}
