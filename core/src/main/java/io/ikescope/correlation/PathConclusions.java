package io.ikescope.correlation;

import io.ikescope.correlation.CaptureCorrelation.CapturePointView;
import io.ikescope.correlation.CaptureCorrelation.Conclusion;
import io.ikescope.correlation.CaptureCorrelation.MergedMessage;
import io.ikescope.diagnosis.evidence.CrossCaptureEvidence;
import io.ikescope.diagnosis.evidence.Evidence;
import io.ikescope.diagnosis.evidence.CrossCaptureEvidence.Arrival;
import io.ikescope.diagnosis.evidence.CrossCaptureEvidence.Sighting;
import io.ikescope.session.CapturePoint;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the differences between the captures of one IKE SA mean, message by message: each message (with its
 * copies) is followed from the capture nearest its sender to the one nearest its receiver. It left and never
 * reached the next capture point: lost on the path between them. It reached the capture nearest the receiver and
 * nothing answered it: the receiver got it and refused or ignored it.
 */
final class PathConclusions {
    /** Silence after a single copy that counts as "not answered", as in the single-capture evidence. */
    private static final double GIVE_UP_SECONDS = Evidence.GIVE_UP_SECONDS;
    /** IKEv1 steps that expect an answer, and the answer's step. */
    private static final Map<String, String> V1_ANSWER = Map.of("MM1", "MM2", "MM3", "MM4", "MM5", "MM6",
            "AM1", "AM2", "QM1", "QM2");

    private final List<Negotiation> byPosition;
    private final List<CapturePointView> views;
    private final int basePosition;
    private final List<MergedMessage> merged;
    private final List<Conclusion> conclusions = new ArrayList<>();
    private final Map<Long, Sighting> sightings = new HashMap<>();
    private final List<String> words = new ArrayList<>();

    PathConclusions(List<Negotiation> byPosition, List<CapturePointView> views, int basePosition, String basis,
                    List<MergedMessage> merged, List<String> notes) {
        this.byPosition = byPosition;
        this.views = views;
        this.basePosition = basePosition;
        this.merged = merged;
        for (String note : notes) {
            conclusions.add(new Conclusion("order", note, null));
        }
        if (basis == null) {
            conclusions.add(new Conclusion("order", "Which capture is nearer which peer is not known (the TTLs do"
                    + " not tell, and no message went both ways through both captures at measurably different"
                    + " times), so only the sightings are listed.", null));
            return;
        }
        Map<MessageSignature, List<MergedMessage>> copies = new LinkedHashMap<>();
        for (MergedMessage m : merged) {
            copies.computeIfAbsent(MessageSignature.of(m.message()), k -> new ArrayList<>()).add(m);
        }
        for (List<MergedMessage> group : copies.values()) {
            follow(group);
        }
    }

    List<Conclusion> conclusions() {
        return conclusions;
    }

    CrossCaptureEvidence evidence() {
        return new CrossCaptureEvidence(sightings, words);
    }

    /** Follows one message and its copies along the path from its sender. */
    private void follow(List<MergedMessage> group) {
        MessageRecord message = group.get(0).message();
        Role sender = message.from();
        List<Integer> path = pathFrom(sender);
        List<List<Long>> framesAt = new ArrayList<>();
        for (int p = 0; p < views.size(); p++) {
            framesAt.add(framesAt(group, p));
        }
        int farthest = -1;
        for (int i = 0; i < path.size(); i++) {
            if (!framesAt.get(path.get(i)).isEmpty()) {
                farthest = i;
            }
        }
        int receiverEnd = path.get(path.size() - 1);
        sight(group, sender, receiverEnd, framesAt);
        String name = name(message);
        if (framesAt.get(path.get(0)).isEmpty()) {
            int first = firstSeen(path, framesAt);
            add("missed-near-sender", name + " is in " + at(framesAt, path.get(first)) + " but not in "
                    + input(path.get(0)) + ", nearer its sender: " + input(path.get(0)) + " missed it (the capture"
                    + " dropped it, or it went another way).", group);
        }
        if (farthest < path.size() - 1) {
            int next = path.get(farthest + 1);
            String seen = seenUpTo(path, farthest, framesAt);
            String where = farthest == 0 && atSide(path.get(0), sender) ? "left the " + sender.jsonName()
                    : "reached " + input(path.get(farthest));
            String target = next == receiverEnd ? "the " + sender.other().jsonName() + "'s capture point ("
                    + input(next) + ")" : input(next);
            String between = views.size() == 2 ? "them" : input(path.get(farthest)) + " and " + input(next);
            Arrival arrival = arrival(group, next);
            if (arrival == Arrival.NOT_WATCHED) {
                add("not-watched", name + " (" + seen + ") is not in " + input(next) + ", which holds nothing of"
                        + " this IKE SA before it: it began capturing later, or the message was lost on the way.",
                        group);
            } else if (arrival == Arrival.LOST) {
                add("lost", name + " (" + seen + ") " + where + " but never reached " + target
                        + ": lost on the path between " + between + ".", group);
            } else {
                add("lost", name + " (" + seen + ") " + where + " but never reached " + target + ": lost on the path"
                        + " between " + between + ", unless " + input(next) + " had stopped capturing (its last"
                        + " packet came before: a capture file does not record when the capture ended).", group);
            }
            return;
        }
        List<Long> nearest = framesAt.get(path.get(firstSeen(path, framesAt)));
        List<Long> atEnd = framesAt.get(receiverEnd);
        if (atEnd.size() < nearest.size()) {
            add("copies-lost", atEnd.size() + " of the " + nearest.size() + " copies of " + name + " ("
                    + at(framesAt, path.get(firstSeen(path, framesAt))) + ") reached " + at(framesAt, receiverEnd)
                    + "; the others were lost on the way.", group);
        }
        if (expectsAnswer(message) && !answered(message) && waitedLongEnough(group, receiverEnd)) {
            String receiver = sender.other().jsonName();
            add("unanswered", atSide(receiverEnd, sender.other())
                    ? name + " arrived at the " + receiver + " (" + at(framesAt, receiverEnd) + ") and was not"
                    + " answered: the " + receiver + " received it and refused or ignored it."
                    : name + " reached " + input(receiverEnd) + ", the capture point nearest the " + receiver + " ("
                    + at(framesAt, receiverEnd) + "), and no capture shows an answer: it was lost after "
                    + input(receiverEnd) + ", or the " + receiver + " refused or ignored it.", group);
        }
    }

    /** The sightings the diagnosis reads, under each copy's frame in the base capture. */
    private void sight(List<MergedMessage> group, Role sender, int receiverEnd, List<List<Long>> framesAt) {
        if (receiverEnd == basePosition || framesAt.get(basePosition).isEmpty()) {
            return; // the base capture is itself nearest the receiver: it shows the arrival
        }
        Sighting s = new Sighting(arrival(group, receiverEnd), input(receiverEnd), atSide(receiverEnd, sender.other()),
                framesAt.get(receiverEnd), framesAt.get(basePosition).size());
        for (Long frame : framesAt.get(basePosition)) {
            sightings.put(frame, s);
        }
    }

    /** REACHED when capture {@code p} holds a copy; LOST when it was running at the time; else NOT_WATCHED. */
    private Arrival arrival(List<MergedMessage> group, int p) {
        if (!framesAt(group, p).isEmpty()) {
            return Arrival.REACHED;
        }
        Long offset = views.get(p).clockOffsetNanos();
        if (offset == null) {
            return Arrival.NOT_WATCHED;
        }
        Negotiation there = byPosition.get(p);
        boolean afterStart = false;
        for (MergedMessage m : group) {
            long at = baseClock(m) + offset;
            if (at >= there.startNanos()) {
                afterStart = true;
                if (at <= there.watchedUntilNanos()) {
                    return Arrival.LOST;
                }
            }
        }
        // after its last packet: the absence fits a loss and a capture stopped early alike (see the caller)
        return afterStart ? Arrival.ABSENT_AFTER_END : Arrival.NOT_WATCHED;
    }

    /** The capture positions from the sender's end to the receiver's. */
    private List<Integer> pathFrom(Role sender) {
        List<Integer> path = new ArrayList<>();
        for (int p = 0; p < views.size(); p++) {
            path.add(sender == Role.INITIATOR ? p : views.size() - 1 - p);
        }
        return path;
    }

    private static List<Long> framesAt(List<MergedMessage> group, int p) {
        List<Long> out = new ArrayList<>();
        for (MergedMessage m : group) {
            MessageRecord there = m.seen().get(p);
            if (there != null) {
                out.add(there.frame());
            }
        }
        return out;
    }

    private static int firstSeen(List<Integer> path, List<List<Long>> framesAt) {
        for (int i = 0; i < path.size(); i++) {
            if (!framesAt.get(path.get(i)).isEmpty()) {
                return i;
            }
        }
        return 0;
    }

    /** "frames 3, 4 and 5 at a.pcap; frame 2 at b.pcap": every capture up to {@code farthest} that holds it. */
    private String seenUpTo(List<Integer> path, int farthest, List<List<Long>> framesAt) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i <= farthest; i++) {
            if (!framesAt.get(path.get(i)).isEmpty()) {
                parts.add(at(framesAt, path.get(i)));
            }
        }
        return String.join("; ", parts);
    }

    /** "frames 5, 7 and 9 at a.pcap". */
    private String at(List<List<Long>> framesAt, int p) {
        return frames(framesAt.get(p)) + " at " + input(p);
    }

    private String input(int p) {
        return views.get(p).input();
    }

    /** The capture was taken at that peer's side (its datagrams untouched there), or on the segment of both. */
    private boolean atSide(int p, Role peer) {
        String location = views.get(p).location();
        return peer.jsonName().equals(location) || CapturePoint.SAME_SEGMENT.equals(location);
    }

    private void add(String kind, String text, List<MergedMessage> group) {
        conclusions.add(new Conclusion(kind, text, group.get(0)));
        words.add(text);
    }

    /** The message's time in the base capture's clock. */
    private long baseClock(MergedMessage m) {
        for (int p = 0; p < views.size(); p++) {
            MessageRecord there = m.seen().get(p);
            Long offset = views.get(p).clockOffsetNanos();
            if (there != null && offset != null) {
                return there.epochNanos() - offset;
            }
        }
        return m.message().epochNanos();
    }

    /** A request that expects an answer: MM1/3/5, AM1, QM1, every IKEv2 request (whole, not a fragment part). */
    private static boolean expectsAnswer(MessageRecord m) {
        if (m.fragmentPart()) {
            return false;
        }
        return m.step().equals("request") || V1_ANSWER.containsKey(m.step());
    }

    /** Some capture holds the answer to this request. */
    private boolean answered(MessageRecord request) {
        String answerStep = V1_ANSWER.get(request.step());
        for (MergedMessage m : merged) {
            MessageRecord r = m.message();
            if (r.from() != request.from() && r.messageId() == request.messageId()
                    && (answerStep == null ? r.response() && r.exchangeType() == request.exchangeType()
                    : r.step().equals(answerStep))) {
                return true;
            }
        }
        return false;
    }

    /** Retransmitted, or the capture went on long enough after it that an answer would have come. */
    private boolean waitedLongEnough(List<MergedMessage> group, int p) {
        List<MessageRecord> there = new ArrayList<>();
        for (MergedMessage m : group) {
            if (m.seen().get(p) != null) {
                there.add(m.seen().get(p));
            }
        }
        if (there.size() > 1) {
            return true;
        }
        MessageRecord last = there.get(there.size() - 1);
        return (byPosition.get(p).watchedUntilNanos() - last.epochNanos()) / 1e9 >= GIVE_UP_SECONDS;
    }

    /** "MM5", "QM1", "the IKE_AUTH request #1", "Informational #2823111129", with the fragment when it is one. */
    static String name(MessageRecord m) {
        String step = m.step();
        String base = step.equals("request") || step.equals("response")
                ? m.exchange() + " " + step + " #" + m.messageId()
                : step.equals("notification") ? "Informational #" + m.messageId() : step;
        return m.fragment() == null ? base : base + " fragment " + m.fragment().number();
    }

    /** "frame 5", "frames 5, 7 and 9". */
    static String frames(List<Long> frames) {
        StringBuilder s = new StringBuilder(frames.size() == 1 ? "frame " : "frames ");
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                s.append(i == frames.size() - 1 ? " and " : ", ");
            }
            s.append(frames.get(i));
        }
        return s.toString();
    }
}
