package io.ikescope.annotate;

import io.ikescope.capture.AnnotatedCopy;
import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.session.IcmpError;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Negotiation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comments of a diagnose run, per capture: one per IKE frame (which negotiation, which step, retransmission or
 * fragment of which frame, decryption, the verdict and the frame's part in it) and one per negotiation for the
 * section header (its verdict, summary and fix); ICMP errors quoting its datagrams get one too. Memory grows with the IKE frames of the run (a short string each),
 * not with the capture's size; past {@link #MAX_FRAMES} frames the rest go without a comment and {@link #warnings}
 * says so.
 */
public final class CaptureAnnotations {
    static final int MAX_FRAMES = 2_000_000;

    private final Map<String, Map<Long, String>> frames = new HashMap<>();
    private final Map<String, List<String>> sections = new LinkedHashMap<>();
    private long count;
    private boolean full;

    /** Adds what the diagnosis of one negotiation says about its frames, in every capture that saw it. */
    public void add(Negotiation n, Diagnosis d, CaptureCorrelation correlation) {
        if (correlation == null) {
            for (MessageRecord m : n.messages()) {
                put(n.input(), m.frame(), FrameNoteText.of(n, d, m, true));
            }
            icmpErrors(n, d, n.input());
            section(n.input(), FrameNoteText.section(n, d, null));
            return;
        }
        List<CaptureCorrelation.CapturePointView> captures = correlation.captures();
        for (CaptureCorrelation.MergedMessage merged : correlation.messages()) {
            for (int i = 0; i < captures.size(); i++) {
                MessageRecord m = merged.seen().get(i);
                if (m != null) {
                    // the verdict's frames are the base capture's; elsewhere a frame says only what it is
                    put(captures.get(i).input(), m.frame(), FrameNoteText.of(n, d, m, i == correlation.baseIndex()));
                }
            }
        }
        for (CaptureCorrelation.CapturePointView view : captures) {
            section(view.input(), FrameNoteText.section(n, d, view));
        }
        icmpErrors(n, d, captures.get(correlation.baseIndex()).input());
    }

    /** The ICMP errors quoting the negotiation's datagrams (tshark decodes the quoted IKE header too). */
    private void icmpErrors(Negotiation n, Diagnosis d, String input) {
        for (IcmpError e : n.icmpErrors()) {
            put(input, e.frame(), FrameNoteText.of(n, d, e));
        }
    }

    private void put(String input, long frame, String text) {
        if (count >= MAX_FRAMES) {
            full = true;
            return;
        }
        if (frames.computeIfAbsent(input, k -> new HashMap<>()).putIfAbsent(frame, text) == null) {
            count++;
        }
    }

    private void section(String input, String text) {
        sections.computeIfAbsent(input, k -> new ArrayList<>()).add(text);
    }

    /** The comments of one capture, as the copy asks for them. */
    public AnnotatedCopy.Comments of(String input) {
        List<String> section = new ArrayList<>();
        section.add("ikescope diagnose of " + input + ": " + sections.getOrDefault(input, List.of()).size()
                + " negotiation(s); frame numbers in these comments count from 1 in that capture");
        section.addAll(sections.getOrDefault(input, List.of()));
        return comments(frames.getOrDefault(input, Map.of()), 0, section);
    }

    /**
     * The comments of one file of a rotated series read as one capture named {@code series} (its first file), whose
     * frames count across the series: this file's first frame is number {@code firstFrame} there.
     */
    public AnnotatedCopy.Comments ofSeriesPart(String series, String file, long firstFrame) {
        List<String> section = new ArrayList<>();
        if (firstFrame == 1) {
            section.add("ikescope diagnose of the rotated series beginning with " + series + ": "
                    + sections.getOrDefault(series, List.of()).size() + " negotiation(s); frame numbers in these"
                    + " comments count from 1 in this file and on through the series' files in order");
            section.addAll(sections.getOrDefault(series, List.of()));
        } else {
            section.add("ikescope diagnose: " + file + " continues the rotated series beginning with " + series
                    + "; its first frame is frame " + firstFrame + " of the series");
        }
        return comments(frames.getOrDefault(series, Map.of()), firstFrame - 1, section);
    }

    private static AnnotatedCopy.Comments comments(Map<Long, String> byFrame, long offset, List<String> section) {
        return new AnnotatedCopy.Comments() {
            @Override
            public String frame(long frameNumber) {
                return byFrame.get(frameNumber + offset);
            }

            @Override
            public List<String> section() {
                return section;
            }
        };
    }

    public List<String> warnings() {
        return full ? List.of("more than " + MAX_FRAMES + " IKE frames: the annotated copy has comments on the first "
                + MAX_FRAMES + " only") : List.of();
    }
}
