package io.ikescope.cli.html;

import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.correlation.CaptureCorrelation.Conclusion;
import io.ikescope.correlation.CaptureCorrelation.MergedMessage;
import io.ikescope.report.CorrelationWords;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Negotiation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The HTML view of one IKE SA seen in several captures: the same words as the text report
 * ({@link CorrelationWords}), message labels linked to the ladder rows of the capture reported above.
 */
final class CorrelationViews {
    private CorrelationViews() {
    }

    static Views.Correlation of(Negotiation n, CaptureCorrelation c, Set<Long> laddered) {
        int k = c.captures().size();
        List<Views.Fact> points = new ArrayList<>();
        List<String> letters = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            String letter = CorrelationWords.letter(i);
            letters.add(letter);
            points.add(new Views.Fact(letter, NegotiationViews.esc(c.captures().get(i).input()) + " ("
                    + NegotiationViews.esc(CorrelationWords.about(c, i)) + ")"));
        }
        List<Views.CorrelationRow> rows = new ArrayList<>();
        for (MergedMessage m : c.messages()) {
            MessageRecord atBase = m.seen().get(c.baseIndex());
            String label = NegotiationViews.esc(CorrelationWords.label(m.message()));
            String href = atBase != null && laddered.contains(atBase.frame())
                    ? "#" + NegotiationViews.frameAnchor(n, atBase.frame()) : null;
            List<String> frames = new ArrayList<>();
            for (Long frame : m.frames()) {
                frames.add(frame == null ? "-" : frame.toString());
            }
            rows.add(new Views.CorrelationRow(new Views.Span(label, href), frames, frames.contains("-")));
        }
        List<List<Views.Span>> conclusions = new ArrayList<>();
        for (Conclusion conclusion : c.conclusions()) {
            // Not linked: a conclusion cites frames of any of the captures, the ladder shows only one of them.
            conclusions.add(List.of(new Views.Span(NegotiationViews.esc(conclusion.text()), null)));
        }
        return new Views.Correlation("Seen at " + k + " capture points (" + CorrelationWords.order(c) + ")",
                points, letters, rows, CorrelationWords.seenEverywhere(c), conclusions);
    }
}
