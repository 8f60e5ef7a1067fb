package io.ikescope.report;

import io.ikescope.diagnosis.Verdict;
import io.ikescope.session.Endpoint;
import io.ikescope.session.Negotiation;
import io.ikescope.watch.WatchEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code ikescope watch}'s output: one line per event, flushed at once. JSON Lines ({@value #SCHEMA}): {@code
 * {"schema", "event": "verdict"|"stalled"|"update", "time", "previous", "negotiation": {"id", "ikeVersion",
 * "exchangeMode", "initiator", "responder", "spiI", "spiR", "firstFrame", "lastFrame", "start"}, "verdict": {as in
 * diagnose}}}; text: time, event, negotiation, peers, verdict and its summary.
 */
public final class WatchEventWriter {
    public static final String SCHEMA = "ikescope.watch/1";
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).characterEscapes(new JsonTerminalEscapes()).build();

    private final Writer out;
    private final boolean json;

    public WatchEventWriter(Writer out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public void write(WatchEvent e) throws IOException {
        out.write(json ? json(e) : text(e));
        out.write('\n');
        out.flush();
    }

    static String json(WatchEvent e) {
        StringWriter line = new StringWriter();
        Negotiation n = e.negotiation();
        try (JsonGenerator g = FACTORY.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringProperty("schema", SCHEMA);
            g.writeStringProperty("event", e.kind().jsonName());
            g.writeStringProperty("time", Timestamps.iso(e.atNanos()));
            g.writeStringProperty("previous", e.previous() == null ? null : e.previous().name());
            g.writeObjectPropertyStart("negotiation");
            g.writeStringProperty("id", n.id());
            g.writeNumberProperty("ikeVersion", n.ikeVersion());
            g.writeStringProperty("exchangeMode", n.exchangeMode());
            endpoint(g, "initiator", n.initiator());
            endpoint(g, "responder", n.responder());
            g.writeStringProperty("spiI", n.spiI());
            g.writeStringProperty("spiR", n.spiR());
            g.writeNumberProperty("firstFrame", n.firstFrame());
            g.writeNumberProperty("lastFrame", n.lastFrame());
            g.writeStringProperty("start", Timestamps.iso(n.startNanos()));
            g.writeEndObject();
            VerdictJson.write(g, e.diagnosis().verdict(), e.diagnosis().alternatives());
            g.writeEndObject();
        }
        return line.toString();
    }

    private static void endpoint(JsonGenerator g, String name, Endpoint e) {
        g.writeObjectPropertyStart(name);
        g.writeStringProperty("address", e.address());
        g.writeNumberProperty("port", e.port());
        g.writeEndObject();
    }

    /** "2026-11-27T00:55:41.274721Z verdict #1 IKEv1 main 198.51.100.1 -> 198.51.100.2 AUTH_FAILED (inferred,...". */
    static String text(WatchEvent e) {
        Negotiation n = e.negotiation();
        Verdict v = e.diagnosis().verdict();
        String mode = n.ikeVersion() == 1 ? "IKEv1 " + n.exchangeMode() : "IKEv2";
        return Timestamps.iso(e.atNanos()) + "  " + e.kind().jsonName() + "  #" + n.id() + " " + mode + " "
                + n.initiator() + " -> " + n.responder() + "  " + v.code() + " (" + v.certainty().jsonName()
                + (v.phase() != null ? ", phase " + v.phase() : "") + ")"
                + (e.previous() != null ? " was " + e.previous() : "") + ": " + TextEscaper.escape(v.summary());
    }
}
