package io.ikescope.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Our decryption of a capture next to tshark's, message for message: per frame the encrypted messages in order
 * (an IKEv1 message rebuilt from fragments counts in the frame that completed it, as tshark shows it).
 */
final class Comparison {

    enum Kind {
        /** Both decrypted it into the same payload and notify types. */
        BOTH_DECRYPTED,
        /** Neither did: tshark shows nothing or garbage or a wrong ICV, we say failed or no_keys. */
        BOTH_REFUSED,
        /** We decrypted (and verified) it, tshark did not: must be explained. */
        ONLY_OURS,
        /** Anything else: a real disagreement. */
        DIFFERENT
    }

    record Line(String file, long frame, int index, Kind kind, String detail) {
        @Override
        public String toString() {
            return file + "#" + frame + (index > 0 ? "[" + index + "]" : "") + " " + kind + ": " + detail;
        }
    }

    private Comparison() {
    }

    static List<Line> compare(String file, Path capture, KeyRing ours, String v1Table, String v2Table, Path temp)
            throws IOException, InterruptedException {
        Map<Long, List<TsharkView.Message>> theirs = TsharkView.of(capture, v1Table, v2Table, temp);
        Map<Long, List<DecryptedMessage>> mine = new LinkedHashMap<>();
        for (DecryptedCapture.Entry e : DecryptedCapture.of(capture, ours).entries()) {
            for (DecryptedMessage m = e.result(); m != null; m = m.reassembled()) {
                if (m.status() != DecryptionStatus.NONE) {
                    mine.computeIfAbsent(e.frame(), k -> new ArrayList<>()).add(m);
                }
            }
        }
        TreeSet<Long> frames = new TreeSet<>(theirs.keySet());
        frames.addAll(mine.keySet());
        List<Line> lines = new ArrayList<>();
        for (long frame : frames) {
            List<TsharkView.Message> t = theirs.getOrDefault(frame, List.of());
            List<DecryptedMessage> o = mine.getOrDefault(frame, List.of());
            for (int i = 0; i < Math.max(t.size(), o.size()); i++) {
                lines.add(line(file, frame, i, i < t.size() ? t.get(i) : null, i < o.size() ? o.get(i) : null));
            }
        }
        return lines;
    }

    private static Line line(String file, long frame, int index, TsharkView.Message t, DecryptedMessage o) {
        if (t == null || o == null) {
            return new Line(file, frame, index, Kind.DIFFERENT, (t == null ? "tshark sees no encrypted message"
                    : "we see no encrypted message") + " here");
        }
        boolean tsharkOk = t.decrypted() && !Boolean.FALSE.equals(t.icvCorrect());
        boolean oursOk = o.status() == DecryptionStatus.OK;
        List<Integer> types = DecryptedCapture.types(DecryptedCapture.decryptedPayloads(o.message()));
        List<Integer> notifies = DecryptedCapture.notifyTypes(DecryptedCapture.decryptedPayloads(o.message()));
        String ourText = o.status().contractName() + (oursOk ? " " + types + " notify " + notifies : " (" + o.error() + ")");
        String theirText = (t.decrypted() ? "decrypted " + t.payloadTypes() + " notify " + t.notifyTypes() : "not decrypted")
                + (t.icvCorrect() == null ? "" : t.icvCorrect() ? ", ICV correct" : ", ICV INCORRECT");
        String detail = "tshark " + theirText + "; ours " + ourText;
        if (tsharkOk && oursOk) {
            boolean same = types.equals(t.payloadTypes()) && notifies.equals(t.notifyTypes());
            return new Line(file, frame, index, same ? Kind.BOTH_DECRYPTED : Kind.DIFFERENT, detail);
        }
        if (!tsharkOk && !oursOk) {
            return new Line(file, frame, index, Kind.BOTH_REFUSED, detail);
        }
        return new Line(file, frame, index, oursOk ? Kind.ONLY_OURS : Kind.DIFFERENT, detail);
    }
}
