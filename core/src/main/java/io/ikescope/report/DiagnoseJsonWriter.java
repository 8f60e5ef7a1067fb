package io.ikescope.report;

import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.diagnosis.Finding;
import io.ikescope.net.IcmpUnreachable;
import io.ikescope.session.Endpoint;
import io.ikescope.session.Fingerprint;
import io.ikescope.session.IcmpError;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Negotiation;
import io.ikescope.session.NotifySeen;
import io.ikescope.text.Decimals;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code diagnose --format json}: one document, {@code ikescope.diagnose/1}, exactly the contract's fields
 * (cli-and-json.md) plus documented extensions: {@code input} (the capture a negotiation came from), {@code esp}
 * (all ESP between the peers, when the child SPIs are unknown), {@code rekeyOf} (the negotiation whose
 * CREATE_CHILD_SA created this IKE SA, with its frames and certainty), {@code proposal} in offered entries,
 * {@code initiatedBy}, {@code messageId} and {@code ikeRekey} in Phase 2 entries, {@code step}, {@code length},
 * {@code notifies} and {@code purpose} in messages, {@code icmpErrors} (ICMP destination unreachables quoting the
 * negotiation's datagrams), and {@code mismatch} (always present, null when not known) in the verdict.
 *
 * <p>Sections with a helper of their own: {@code phase1}/{@code phase2} ({@link PhasesJson}), {@code verdict}
 * ({@link VerdictJson}), the capture-point and NAT evidence ({@link EvidenceJson}) and {@code correlation}
 * ({@link CorrelationJson}).
 *
 * <p>Negotiations are serialised as they arrive into a buffer that spills to a temporary file past 8 MiB; the
 * document is written on {@link #close()}, when the inputs (whose counts are known only at the end) can go first.
 */
public final class DiagnoseJsonWriter implements DiagnoseWriter {
    public static final String SCHEMA = "ikescope.diagnose/1";
    /** Peer text reaches findings and explanations too: no terminal control may pass raw (JsonTerminalEscapes). */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).characterEscapes(new JsonTerminalEscapes()).build();
    private static final int MEMORY_LIMIT = 8 << 20;

    private final Writer out;
    private final SpillBuffer negotiations = new SpillBuffer(MEMORY_LIMIT);
    private final List<InputSummary> inputs = new ArrayList<>();
    private boolean closed;

    public DiagnoseJsonWriter(Writer out) {
        this.out = out;
    }

    public DiagnoseJsonWriter(OutputStream out) {
        this(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    public void negotiation(Negotiation n, Diagnosis d) throws IOException {
        negotiation(n, d, null);
    }

    @Override
    public void negotiation(Negotiation n, Diagnosis d, CaptureCorrelation correlation) throws IOException {
        negotiation(n, d, correlation, null);
    }

    @Override
    public void negotiation(Negotiation n, Diagnosis d, CaptureCorrelation correlation,
                            ConfigurationView configuration) throws IOException {
        if (!negotiations.isEmpty()) {
            negotiations.write(',');
        }
        try (JsonGenerator g = FACTORY.createGenerator(negotiations)) {
            writeNegotiation(g, n, d, correlation, configuration);
        } catch (JacksonException e) {
            throw new IOException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
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
            out.write("{\"schema\":\"" + SCHEMA + "\",\"inputs\":");
            out.write(head.toString());
            out.write(",\"negotiations\":[");
            negotiations.copyTo(out);
            out.write("]}\n");
            out.flush();
        } catch (JacksonException e) {
            throw new IOException("cannot write JSON: " + e.getOriginalMessage(), e);
        } finally {
            negotiations.close();
        }
    }

    private static void writeNegotiation(JsonGenerator g, Negotiation n, Diagnosis d, CaptureCorrelation c,
                                         ConfigurationView configuration) {
        g.writeStartObject();
        g.writeStringProperty("id", n.id());
        g.writeStringProperty("input", n.input());
        List<String> seenIn = c == null ? List.of(n.input()) : c.inputs();
        JsonFields.strings(g, "seenIn", seenIn);
        g.writeNumberProperty("ikeVersion", n.ikeVersion());
        g.writeStringProperty("exchangeMode", n.exchangeMode());
        endpoint(g, "initiator", n.initiator(), n.initiatorImplementation());
        endpoint(g, "responder", n.responder(), n.responderImplementation());
        g.writeStringProperty("spiI", n.spiI());
        g.writeStringProperty("spiR", n.spiR());
        g.writeNumberProperty("firstFrame", n.firstFrame());
        g.writeNumberProperty("lastFrame", n.lastFrame());
        g.writeStringProperty("start", Timestamps.iso(n.startNanos()));
        secondsProperty(g, "durationSeconds", n.endNanos() - n.startNanos());
        g.writeObjectPropertyStart("natT");
        g.writeBooleanProperty("floated", n.floated());
        g.writeStringProperty("natDetected", n.natDetected());
        EvidenceJson.natT(g, n);
        g.writeEndObject();
        EvidenceJson.capturePoint(g, n);
        g.writeStringProperty("decryption", n.decryption());
        if (n.rekeyOf() == null) {
            g.writeNullProperty("rekeyOf");
        } else {
            g.writeObjectPropertyStart("rekeyOf");
            g.writeStringProperty("id", n.rekeyOf().id());
            JsonFields.numbers(g, "frames", n.rekeyOf().frames());
            g.writeStringProperty("certainty", n.rekeyOf().inferred() ? "inferred" : "confirmed");
            g.writeEndObject();
        }
        PhasesJson.phase1(g, n, d);
        PhasesJson.phase2(g, n, d);
        VerdictJson.write(g, d.verdict(), d.alternatives());
        g.writeArrayPropertyStart("findings");
        for (Finding f : d.findings()) {
            g.writeStartObject();
            g.writeStringProperty("code", f.code());
            g.writeStringProperty("severity", f.severity());
            g.writeStringProperty("message", f.message());
            JsonFields.numbers(g, "frames", f.frames());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("esp");
        g.writeNumberProperty("initiatorToResponder", n.esp().toResponder());
        g.writeNumberProperty("responderToInitiator", n.esp().toInitiator());
        g.writeEndObject();
        g.writeObjectPropertyStart("ah");
        g.writeNumberProperty("initiatorToResponder", n.ah().toResponder());
        g.writeNumberProperty("responderToInitiator", n.ah().toInitiator());
        g.writeEndObject();
        writeIcmpErrors(g, n);
        CorrelationJson.write(g, c);
        ConfigurationJson.write(g, configuration);
        Map<Long, List<String>> seenAt = c == null ? Map.of() : c.seenAtByBaseFrame();
        g.writeArrayPropertyStart("messages");
        for (MessageRecord m : n.messages()) {
            writeMessage(g, m, seenAt.getOrDefault(m.frame(), List.of(n.input())));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * ICMP destination unreachables that refused datagrams of this negotiation: who sent each, its type and code,
     * the peer whose datagram was refused and what the quote shows.
     */
    private static void writeIcmpErrors(JsonGenerator g, Negotiation n) {
        g.writeArrayPropertyStart("icmpErrors");
        for (IcmpError e : n.icmpErrors()) {
            IcmpUnreachable icmp = e.icmp();
            g.writeStartObject();
            g.writeNumberProperty("frame", icmp.frame());
            g.writeStringProperty("time", Timestamps.iso(icmp.epochNanos()));
            g.writeStringProperty("from", icmp.sender());
            g.writeStringProperty("protocol", icmp.ipVersion() == 4 ? "icmp" : "icmpv6");
            g.writeNumberProperty("type", icmp.type());
            g.writeNumberProperty("code", icmp.code());
            g.writeStringProperty("meaning", icmp.meaning());
            g.writeStringProperty("refused", e.refused().jsonName());
            if (e.quotedFrame() == null) {
                g.writeNullProperty("quotedFrame");
            } else {
                g.writeNumberProperty("quotedFrame", e.quotedFrame());
            }
            g.writeStringProperty("matchedBy", e.bySpi() ? "spi" : "addresses");
            g.writeObjectPropertyStart("quoted");
            g.writeStringProperty("src", icmp.quotedSrc());
            g.writeNumberProperty("srcPort", icmp.quotedSrcPort());
            g.writeStringProperty("dst", icmp.quotedDst());
            g.writeNumberProperty("dstPort", icmp.quotedDstPort());
            g.writeStringProperty("spiI", icmp.spiI());
            g.writeStringProperty("spiR", icmp.spiR());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeMessage(JsonGenerator g, MessageRecord m, List<String> seenAt) {
        g.writeStartObject();
        g.writeNumberProperty("frame", m.frame());
        g.writeStringProperty("time", Timestamps.iso(m.epochNanos()));
        g.writeStringProperty("from", m.from().jsonName());
        g.writeStringProperty("exchange", m.exchange());
        g.writeNumberProperty("messageId", m.messageId());
        g.writeStringProperty("step", m.step());
        g.writeBooleanProperty("retransmission", m.retransmission());
        g.writeBooleanProperty("encrypted", m.encrypted());
        g.writeBooleanProperty("decrypted", m.decrypted());
        g.writeNumberProperty("length", m.length());
        JsonFields.strings(g, "payloads", m.payloads());
        List<String> notifies = new ArrayList<>();
        for (NotifySeen s : m.notifies()) {
            notifies.add(s.name());
        }
        JsonFields.strings(g, "notifies", notifies);
        g.writeStringProperty("purpose", m.purpose());
        if (m.fragment() == null) {
            g.writeNullProperty("fragment");
        } else {
            g.writeObjectPropertyStart("fragment");
            g.writeNumberProperty("number", m.fragment().number());
            JsonFields.integer(g, "total", m.fragment().total() > 0 ? m.fragment().total() : null);
            JsonFields.longOrNull(g, "partOf", m.partOf());
            g.writeEndObject();
        }
        JsonFields.strings(g, "seenAt", seenAt);
        g.writeEndObject();
    }

    private static void endpoint(JsonGenerator g, String name, Endpoint e, Fingerprint implementation) {
        g.writeObjectPropertyStart(name);
        g.writeStringProperty("address", e.address());
        g.writeNumberProperty("port", e.port());
        EvidenceJson.implementation(g, implementation);
        g.writeEndObject();
    }

    /** {@code "name": seconds(nanos)} as a JSON number. */
    static void secondsProperty(JsonGenerator g, String name, long nanos) {
        g.writeName(name);
        g.writeNumber(Timestamps.seconds(nanos));
    }
}
