package io.ikescope.report;

import io.ikescope.audit.AuditFinding;
import io.ikescope.audit.NegotiationAudit;
import io.ikescope.audit.Rating;
import io.ikescope.audit.Source;
import io.ikescope.audit.TransformRating;
import io.ikescope.session.Negotiation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code audit --format json}: one document, {@code ikescope.audit/1} (see the README, ikescope audit). Negotiations
 * are serialised as they arrive into a buffer that spills to a file past 8 MiB, written on {@link #close()}.
 */
public final class AuditJsonWriter extends AuditWriter {
    public static final String SCHEMA = "ikescope.audit/1";
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).characterEscapes(new JsonTerminalEscapes()).build();

    private final Writer out;
    private final SpillBuffer negotiations = new SpillBuffer(8 << 20);
    private final List<InputSummary> inputs = new ArrayList<>();
    private boolean closed;

    public AuditJsonWriter(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    @Override
    protected void write(NegotiationAudit audit) throws IOException {
        if (!negotiations.isEmpty()) {
            negotiations.write(',');
        }
        try (JsonGenerator g = FACTORY.createGenerator(negotiations)) {
            negotiation(g, audit);
        } catch (JacksonException e) {
            throw new IOException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** One negotiation's audit object; also what the HTML report's audit section shows. */
    static void negotiation(JsonGenerator g, NegotiationAudit audit) {
        Negotiation n = audit.negotiation();
        g.writeStartObject();
        g.writeStringProperty("id", n.id());
        g.writeStringProperty("input", n.input());
        g.writeStringProperty("spiI", n.spiI());
        g.writeNumberProperty("ikeVersion", n.ikeVersion());
        g.writeStringProperty("exchangeMode", n.exchangeMode());
        endpoint(g, "initiator", n.initiator().address(), n.initiator().port());
        endpoint(g, "responder", n.responder().address(), n.responder().port());
        g.writeArrayPropertyStart("ratings");
        for (TransformRating r : audit.ratings()) {
            g.writeStartObject();
            g.writeNumberProperty("phase", r.phase());
            if (r.child() == null) {
                g.writeNullProperty("child");
            } else {
                g.writeNumberProperty("child", r.child());
            }
            g.writeStringProperty("transformType", r.transformType());
            g.writeStringProperty("name", r.name());
            if (r.keyLength() == null) {
                g.writeNullProperty("keyLength");
            } else {
                g.writeNumberProperty("keyLength", r.keyLength());
            }
            g.writeBooleanProperty("chosen", r.chosen());
            g.writeBooleanProperty("offered", r.offered());
            g.writeStringProperty("rating", r.rating().name());
            sources(g, r.sources());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("findings");
        for (AuditFinding f : audit.findings()) {
            g.writeStartObject();
            g.writeStringProperty("code", f.code());
            g.writeStringProperty("rating", f.rating().name());
            g.writeStringProperty("message", f.message());
            g.writeArrayPropertyStart("frames");
            for (long frame : f.frames()) {
                g.writeNumber(frame);
            }
            g.writeEndArray();
            sources(g, f.sources());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringProperty("worst", audit.worst().name());
        g.writeBooleanProperty("mustNotNegotiated", audit.mustNotNegotiated());
        g.writeEndObject();
    }

    private static void endpoint(JsonGenerator g, String name, String address, int port) {
        g.writeObjectPropertyStart(name);
        g.writeStringProperty("address", address);
        g.writeNumberProperty("port", port);
        g.writeEndObject();
    }

    private static void sources(JsonGenerator g, List<Source> sources) {
        g.writeArrayPropertyStart("sources");
        for (Source s : sources) {
            g.writeStartObject();
            g.writeStringProperty("document", s.document());
            g.writeStringProperty("section", s.section());
            g.writeStringProperty("level", s.level());
            g.writeStringProperty("note", s.note());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    @Override
    public void input(InputSummary input) {
        inputs.add(input);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            StringWriter head = new StringWriter();
            try (JsonGenerator g = FACTORY.createGenerator(head)) {
                InputSummary.writeJson(g, inputs);
            }
            StringWriter summary = new StringWriter();
            try (JsonGenerator g = FACTORY.createGenerator(summary)) {
                g.writeStartObject();
                g.writeNumberProperty("negotiations", negotiations());
                g.writeNumberProperty("mustNotNegotiated", mustNotNegotiatedCount());
                g.writeObjectPropertyStart("worst");
                for (Rating r : Rating.values()) {
                    g.writeNumberProperty(r.name(), withWorst(r));
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            out.write("{\"schema\":\"" + SCHEMA + "\",\"inputs\":" + head + ",\"negotiations\":[");
            negotiations.copyTo(out);
            out.write("],\"summary\":" + summary + "}\n");
            out.flush();
        } catch (JacksonException e) {
            throw new IOException("cannot write JSON: " + e.getOriginalMessage(), e);
        } finally {
            negotiations.close();
        }
    }
}
