package io.ikescope.cli;

import io.ikescope.check.Change;
import io.ikescope.check.CheckFinding;
import io.ikescope.check.CheckReport;
import io.ikescope.check.ChildResult;
import io.ikescope.check.ChosenChild;
import io.ikescope.check.ChosenIke;
import io.ikescope.check.LatentFailure;
import io.ikescope.check.Lifetimes;
import io.ikescope.check.Outcome;
import io.ikescope.check.PeerSummary;
import io.ikescope.check.PhaseResult;
import io.ikescope.check.SimulatedNegotiation;
import io.ikescope.check.Timing;
import io.ikescope.check.TrafficResult;
import io.ikescope.check.Unpaired;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Origin;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import tools.jackson.core.JacksonException;
import io.ikescope.report.JsonTerminalEscapes;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/** {@code check --format json}: one document, {@code ikescope.check/1}, as the README's "ikescope check" documents. */
final class CheckJsonWriter {
    static final String SCHEMA = "ikescope.check/1";
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).characterEscapes(new JsonTerminalEscapes()).build();

    private CheckJsonWriter() {
    }

    static void write(CheckReport report, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("schema", SCHEMA);
            g.writeBooleanProperty("established", report.established());
            g.writeName("peers");
            g.writeStartArray();
            peer(g, report.a());
            peer(g, report.b());
            g.writeEndArray();
            g.writeName("negotiations");
            g.writeStartArray();
            for (SimulatedNegotiation n : report.negotiations()) {
                negotiation(g, n);
            }
            g.writeEndArray();
            g.writeName("unpaired");
            g.writeStartArray();
            for (Unpaired u : report.unpaired()) {
                g.writeStartObject();
                g.writeStringProperty("side", u.side().name());
                g.writeStringProperty("connection", u.connection());
                origin(g, "origin", u.origin());
                g.writeStringProperty("reason", u.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (JacksonException e) {
            throw new IOException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
        out.write('\n');
    }

    private static void peer(JsonGenerator g, PeerSummary p) {
        g.writeStartObject();
        g.writeStringProperty("side", p.side().name());
        g.writeStringProperty("implementation", p.implementation().displayName());
        g.writeStringProperty("defaultsOf", p.defaultsOf());
        strings(g, "files", p.files());
        g.writeName("warnings");
        g.writeStartArray();
        for (ConfigWarning w : p.warnings()) {
            g.writeStartObject();
            origin(g, "origin", w.origin());
            g.writeStringProperty("message", w.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void negotiation(JsonGenerator g, SimulatedNegotiation n) {
        g.writeStartObject();
        g.writeStringProperty("initiator", n.initiator().name());
        g.writeStringProperty("responder", n.initiator().other().name());
        g.writeStringProperty("initiatorConnection", n.initiatorConnection());
        g.writeStringProperty("responderConnection", n.responderConnection());
        g.writeBooleanProperty("simulated", n.simulated());
        g.writeStringProperty("notInitiated", n.notInitiated());
        g.writeStringProperty("verdict", n.verdict() == null ? null : n.verdict().name());
        g.writeBooleanProperty("established", n.established());
        g.writeName("phase1");
        if (n.phase1() == null) {
            g.writeNull();
        } else {
            phase1(g, n.phase1());
        }
        g.writeName("children");
        g.writeStartArray();
        for (ChildResult c : n.children()) {
            child(g, c);
        }
        g.writeEndArray();
        g.writeName("findings");
        g.writeStartArray();
        for (CheckFinding f : n.findings()) {
            g.writeStartObject();
            g.writeStringProperty("code", f.code());
            g.writeStringProperty("severity", f.severity());
            g.writeStringProperty("message", f.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void phase1(JsonGenerator g, PhaseResult p) {
        g.writeStartObject();
        g.writeNumberProperty("ikeVersion", p.ikeVersion());
        g.writeStringProperty("exchangeMode", p.exchange());
        outcome(g, "outcome", p.outcome());
        g.writeName("chosen");
        ChosenIke c = p.chosen();
        if (c == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringProperty("encryption", c.encryption());
            g.writeStringProperty("integrity", c.integrity());
            g.writeStringProperty("prf", c.prf());
            g.writeStringProperty("hash", c.hash());
            number(g, "dhGroup", c.dhGroup());
            g.writeEndObject();
        }
        lifetimes(g, p.lifetimes());
        g.writeEndObject();
    }

    private static void child(JsonGenerator g, ChildResult c) {
        g.writeStartObject();
        g.writeStringProperty("initiatorChild", c.initiatorChild());
        g.writeStringProperty("responderChild", c.responderChild());
        g.writeStringProperty("exchange", c.exchange());
        outcome(g, "outcome", c.outcome());
        g.writeName("chosen");
        ChosenChild ch = c.chosen();
        if (ch == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringProperty("protocol", ch.protocol());
            g.writeStringProperty("encryption", ch.encryption());
            g.writeStringProperty("integrity", ch.integrity());
            number(g, "dhGroup", ch.dhGroup());
            g.writeName("esn");
            if (ch.esn() == null) {
                g.writeNull();
            } else {
                g.writeBoolean(ch.esn());
            }
            g.writeEndObject();
        }
        TrafficResult ts = c.trafficSelectors();
        g.writeName("trafficSelectors");
        g.writeStartObject();
        g.writeName("proposed");
        pair(g, ts.proposedInitiator(), ts.proposedResponder());
        g.writeName("installed");
        pair(g, ts.installedInitiator(), ts.installedResponder());
        g.writeBooleanProperty("narrowed", ts.narrowed());
        g.writeEndObject();
        g.writeName("latent");
        LatentFailure l = c.latent();
        if (l == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringProperty("code", l.code().name());
            g.writeStringProperty("event", l.event());
            g.writeNumberProperty("earliestSeconds", l.earliestSeconds());
            g.writeNumberProperty("latestSeconds", l.latestSeconds());
            origin(g, "timing", l.timing());
            g.writeStringProperty("explanation", l.explanation());
            changes(g, l.changes());
            g.writeEndObject();
        }
        lifetimes(g, c.lifetimes());
        g.writeEndObject();
    }

    private static void pair(JsonGenerator g, List<String> initiator, List<String> responder) {
        g.writeStartObject();
        strings(g, "initiator", initiator);
        strings(g, "responder", responder);
        g.writeEndObject();
    }

    private static void outcome(JsonGenerator g, String name, Outcome o) {
        g.writeName(name);
        g.writeStartObject();
        g.writeStringProperty("code", o.code().name());
        g.writeStringProperty("explanation", o.explanation());
        strings(g, "mismatch", o.mismatch());
        changes(g, o.changes());
        g.writeEndObject();
    }

    private static void changes(JsonGenerator g, List<Change> changes) {
        g.writeName("changes");
        g.writeStartArray();
        for (Change c : changes) {
            g.writeStartObject();
            g.writeStringProperty("side", c.side().name());
            origin(g, "origin", c.origin());
            g.writeStringProperty("setting", c.setting());
            g.writeStringProperty("now", c.now());
            g.writeStringProperty("to", c.to());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void lifetimes(JsonGenerator g, Lifetimes l) {
        g.writeName("lifetimes");
        if (l == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        timing(g, "initiator", l.initiator());
        timing(g, "responder", l.responder());
        g.writeEndObject();
    }

    private static void timing(JsonGenerator g, String name, Timing t) {
        g.writeName(name);
        if (t == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        number(g, "rekeySeconds", t.rekeySeconds());
        number(g, "lifeSeconds", t.lifeSeconds());
        g.writeNumberProperty("jitterSeconds", t.jitterSeconds());
        origin(g, "rekeyOrigin", t.rekeyOrigin());
        origin(g, "lifeOrigin", t.lifeOrigin());
        g.writeEndObject();
    }

    private static void origin(JsonGenerator g, String name, Origin o) {
        g.writeName(name);
        if (o == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringProperty("file", o.file());
        g.writeName("line");
        if (o.isDefault() || o.line() <= 0) {
            g.writeNull();
        } else {
            g.writeNumber(o.line());
        }
        g.writeStringProperty("default", o.note());
        g.writeStringProperty("text", o.toString());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeName(name);
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, String name, Number n) {
        g.writeName(name);
        if (n == null) {
            g.writeNull();
        } else {
            g.writeNumber(n.longValue());
        }
    }
}
