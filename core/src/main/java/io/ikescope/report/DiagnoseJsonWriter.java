package io.ikescope.report;

import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.diagnosis.Finding;
import io.ikescope.diagnosis.Mismatch;
import io.ikescope.diagnosis.Alternative;
import io.ikescope.diagnosis.Verdict;
import io.ikescope.net.IcmpUnreachable;
import io.ikescope.session.ChildProposal;
import io.ikescope.session.ChildSa;
import io.ikescope.session.Endpoint;
import io.ikescope.session.Fingerprint;
import io.ikescope.session.IcmpError;
import io.ikescope.session.IkeProposal;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.Negotiation;
import io.ikescope.session.NotifySeen;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
                g.writeStartArray();
                for (InputSummary i : inputs) {
                    g.writeStartObject();
                    g.writeStringProperty("path", i.path());
                    g.writeStringProperty("format", i.format());
                    g.writeNumberProperty("packets", i.packets());
                    g.writeNumberProperty("ikeMessages", i.ikeMessages());
                    g.writeArrayPropertyStart("warnings");
                    for (String w : i.warnings()) {
                        g.writeString(w);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
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
        strings(g, "seenIn", seenIn);
        g.writeNumberProperty("ikeVersion", n.ikeVersion());
        g.writeStringProperty("exchangeMode", n.exchangeMode());
        endpoint(g, "initiator", n.initiator(), n.initiatorImplementation());
        endpoint(g, "responder", n.responder(), n.responderImplementation());
        g.writeStringProperty("spiI", n.spiI());
        g.writeStringProperty("spiR", n.spiR());
        g.writeNumberProperty("firstFrame", n.firstFrame());
        g.writeNumberProperty("lastFrame", n.lastFrame());
        g.writeStringProperty("start", Timestamps.iso(n.startNanos()));
        g.writeNumberProperty("durationSeconds", seconds(n.endNanos() - n.startNanos()));
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
            numbers(g, "frames", n.rekeyOf().frames());
            g.writeStringProperty("certainty", n.rekeyOf().inferred() ? "inferred" : "confirmed");
            g.writeEndObject();
        }
        writePhase1(g, n, d);
        writePhase2(g, n, d);
        writeVerdict(g, d.verdict(), d.alternatives());
        g.writeArrayPropertyStart("findings");
        for (Finding f : d.findings()) {
            g.writeStartObject();
            g.writeStringProperty("code", f.code());
            g.writeStringProperty("severity", f.severity());
            g.writeStringProperty("message", f.message());
            numbers(g, "frames", f.frames());
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

    private static void writePhase1(JsonGenerator g, Negotiation n, Diagnosis d) {
        g.writeObjectPropertyStart("phase1");
        g.writeStringProperty("status", d.phase1Status());
        if (n.phase1().offered() == null) {
            g.writeNullProperty("offered");
        } else {
            g.writeArrayPropertyStart("offered");
            for (IkeProposal p : n.phase1().offered()) {
                ikeProposal(g, p, true);
            }
            g.writeEndArray();
        }
        g.writeName("chosen");
        if (n.phase1().chosen() == null) {
            g.writeNull();
        } else {
            ikeProposal(g, n.phase1().chosen(), false);
        }
        g.writeEndObject();
    }

    private static void ikeProposal(JsonGenerator g, IkeProposal p, boolean withNumber) {
        g.writeStartObject();
        if (withNumber) {
            g.writeNumberProperty("proposal", p.proposal());
        }
        g.writeStringProperty("encryption", p.encryption());
        g.writeStringProperty("hash", p.hash());
        g.writeStringProperty("prf", p.prf());
        g.writeStringProperty("integrity", p.integrity());
        integer(g, "dhGroup", p.dhGroup());
        g.writeStringProperty("authMethod", p.authMethod());
        if (p.lifetimeSeconds() == null) {
            g.writeNullProperty("lifetimeSeconds");
        } else {
            g.writeNumberProperty("lifetimeSeconds", p.lifetimeSeconds());
        }
        g.writeEndObject();
    }

    private static void writePhase2(JsonGenerator g, Negotiation n, Diagnosis d) {
        g.writeArrayPropertyStart("phase2");
        for (int i = 0; i < n.children().size(); i++) {
            ChildSa c = n.children().get(i);
            g.writeStartObject();
            g.writeStringProperty("status", i < d.phase2Status().size() ? d.phase2Status().get(i) : null);
            g.writeStringProperty("exchange", c.exchange());
            g.writeStringProperty("initiatedBy", c.initiatedBy().jsonName());
            g.writeNumberProperty("messageId", c.messageId());
            if (c.ikeRekey() == null) {
                g.writeNullProperty("ikeRekey");
            } else {
                g.writeBooleanProperty("ikeRekey", c.ikeRekey());
            }
            g.writeStringProperty("protocol", c.protocol());
            g.writeStringProperty("mode", c.mode());
            if (c.offered() == null) {
                g.writeNullProperty("offered");
            } else {
                g.writeArrayPropertyStart("offered");
                for (ChildProposal p : c.offered()) {
                    childProposal(g, p, true);
                }
                g.writeEndArray();
            }
            g.writeName("chosen");
            if (c.chosen() == null) {
                g.writeNull();
            } else {
                childProposal(g, c.chosen(), false);
            }
            integer(g, "pfsGroup", c.pfsGroup());
            g.writeObjectPropertyStart("trafficSelectors");
            strings(g, "initiator", c.trafficSelectorsInitiator());
            strings(g, "responder", c.trafficSelectorsResponder());
            g.writeEndObject();
            g.writeObjectPropertyStart("spis");
            g.writeStringProperty("initiator", c.spiInitiator());
            g.writeStringProperty("responder", c.spiResponder());
            g.writeEndObject();
            g.writeObjectPropertyStart("espPackets");
            longOrNull(g, "initiatorToResponder", c.espToResponder());
            longOrNull(g, "responderToInitiator", c.espToInitiator());
            g.writeEndObject();
            g.writeObjectPropertyStart("ahPackets");
            longOrNull(g, "initiatorToResponder", c.ahToResponder());
            longOrNull(g, "responderToInitiator", c.ahToInitiator());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void childProposal(JsonGenerator g, ChildProposal p, boolean withNumber) {
        g.writeStartObject();
        if (withNumber) {
            g.writeNumberProperty("proposal", p.proposal());
        }
        g.writeStringProperty("encryption", p.encryption());
        g.writeStringProperty("integrity", p.integrity());
        integer(g, "dhGroup", p.dhGroup());
        if (p.esn() == null) {
            g.writeNullProperty("esn");
        } else {
            g.writeBooleanProperty("esn", p.esn());
        }
        g.writeEndObject();
    }

    private static void writeVerdict(JsonGenerator g, Verdict v, List<Alternative> alternatives) {
        g.writeObjectPropertyStart("verdict");
        g.writeStringProperty("code", v.code().name());
        integer(g, "phase", v.phase());
        g.writeStringProperty("certainty", v.certainty().jsonName());
        g.writeStringProperty("summary", v.summary());
        g.writeStringProperty("explanation", v.explanation());
        g.writeStringProperty("fix", v.fix());
        numbers(g, "evidence", v.evidence());
        if (v.mismatch() == null) {
            g.writeNullProperty("mismatch");
        } else {
            g.writeArrayPropertyStart("mismatch");
            for (Mismatch m : v.mismatch()) {
                g.writeStartObject();
                g.writeStringProperty("attribute", m.attribute());
                strings(g, "offered", m.offered());
                g.writeStringProperty("wanted", m.wanted());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeArrayPropertyStart("alternatives");
        for (Alternative a : alternatives) {
            g.writeStartObject();
            g.writeStringProperty("code", a.code().name());
            g.writeBooleanProperty("ruledOut", a.ruledOut());
            g.writeStringProperty("reason", a.reason());
            numbers(g, "frames", a.frames());
            g.writeBooleanProperty("candidate", a.candidate());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
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
        strings(g, "payloads", m.payloads());
        List<String> notifies = new ArrayList<>();
        for (NotifySeen s : m.notifies()) {
            notifies.add(s.name());
        }
        strings(g, "notifies", notifies);
        g.writeStringProperty("purpose", m.purpose());
        if (m.fragment() == null) {
            g.writeNullProperty("fragment");
        } else {
            g.writeObjectPropertyStart("fragment");
            g.writeNumberProperty("number", m.fragment().number());
            integer(g, "total", m.fragment().total() > 0 ? m.fragment().total() : null);
            longOrNull(g, "partOf", m.partOf());
            g.writeEndObject();
        }
        strings(g, "seenAt", seenAt);
        g.writeEndObject();
    }

    private static void endpoint(JsonGenerator g, String name, Endpoint e, Fingerprint implementation) {
        g.writeObjectPropertyStart(name);
        g.writeStringProperty("address", e.address());
        g.writeNumberProperty("port", e.port());
        EvidenceJson.implementation(g, implementation);
        g.writeEndObject();
    }

    private static void integer(JsonGenerator g, String name, Integer value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, value);
        }
    }

    private static void longOrNull(JsonGenerator g, String name, Long value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, value);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        if (values == null) {
            g.writeNullProperty(name);
            return;
        }
        g.writeArrayPropertyStart(name);
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    private static void numbers(JsonGenerator g, String name, List<Long> values) {
        g.writeArrayPropertyStart(name);
        for (long v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    /** Seconds with microsecond precision, trailing zeros dropped (0.027, not 0.027000). */
    static BigDecimal seconds(long nanos) {
        BigDecimal s = BigDecimal.valueOf(nanos, 9).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
