package io.ikescope.report;

import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.correlation.CaptureCorrelation.CapturePointView;
import io.ikescope.correlation.CaptureCorrelation.Conclusion;
import io.ikescope.correlation.CaptureCorrelation.MergedMessage;
import io.ikescope.session.MessageRecord;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * The diagnose JSON's {@code correlation} object: one IKE SA seen in several captures (README, "Several captures
 * of one negotiation"). Additive to the contract; null for a negotiation only one capture holds.
 */
final class CorrelationJson {
    private CorrelationJson() {
    }

    static void write(JsonGenerator g, CaptureCorrelation c) {
        if (c == null) {
            g.writeNullProperty("correlation");
            return;
        }
        g.writeObjectPropertyStart("correlation");
        g.writeStringProperty("orderBasis", c.orderBasis());
        g.writeArrayPropertyStart("captures");
        for (int i = 0; i < c.captures().size(); i++) {
            CapturePointView v = c.captures().get(i);
            g.writeStartObject();
            g.writeStringProperty("input", v.input());
            g.writeStringProperty("negotiation", v.negotiationId());
            g.writeBooleanProperty("reported", i == c.baseIndex());
            g.writeStringProperty("end", v.end());
            g.writeStringProperty("capturePoint", v.location());
            g.writeNumberProperty("messages", v.messages());
            if (v.clockOffsetNanos() == null) {
                g.writeNullProperty("clockOffsetSeconds");
            } else {
                DiagnoseJsonWriter.secondsProperty(g, "clockOffsetSeconds", v.clockOffsetNanos());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("messages");
        for (MergedMessage m : c.messages()) {
            MessageRecord r = m.message();
            g.writeStartObject();
            g.writeStringProperty("from", r.from().jsonName());
            g.writeStringProperty("exchange", r.exchange());
            g.writeNumberProperty("messageId", r.messageId());
            g.writeStringProperty("step", r.step());
            frames(g, m.frames());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("conclusions");
        for (Conclusion k : c.conclusions()) {
            g.writeStartObject();
            g.writeStringProperty("kind", k.kind());
            g.writeStringProperty("text", k.text());
            if (k.message() == null) {
                g.writeNullProperty("frames");
            } else {
                frames(g, k.message().frames());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** One frame per capture, in the order of {@code captures}, null where the capture does not hold it. */
    private static void frames(JsonGenerator g, List<Long> frames) {
        g.writeArrayPropertyStart("frames");
        for (Long f : frames) {
            if (f == null) {
                g.writeNull();
            } else {
                g.writeNumber(f);
            }
        }
        g.writeEndArray();
    }
}
