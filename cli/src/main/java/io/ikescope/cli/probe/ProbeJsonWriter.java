package io.ikescope.cli.probe;

import io.ikescope.probe.Outcomes;
import io.ikescope.probe.ProbeReport;
import io.ikescope.probe.against.AgainstReport;
import io.ikescope.probe.against.ConnectionFit;
import io.ikescope.probe.fingerprint.Fingerprint;
import io.ikescope.probe.fingerprint.VendorIdSeen;
import io.ikescope.probe.ikev2.Ikev2Result;
import io.ikescope.probe.ikev2.Ikev2Suite;
import io.ikescope.probe.ikev2.Ikev2Transform;
import io.ikescope.report.JsonTerminalEscapes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.BiConsumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/** {@code probe --format json}: one document, {@code ikescope.probe/1}, as the README's "ikescope probe" documents. */
public final class ProbeJsonWriter {
    public static final String SCHEMA = "ikescope.probe/1";
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).characterEscapes(new JsonTerminalEscapes()).build();

    private ProbeJsonWriter() {
    }

    public static void write(ProbeReport report, AgainstReport against, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("schema", SCHEMA);
            g.writeName("target");
            g.writeStartObject();
            g.writeStringProperty("address", report.target().address().getAddress().getHostAddress());
            g.writeNumberProperty("port", report.target().address().getPort());
            g.writeBooleanProperty("natT", report.target().natT());
            g.writeEndObject();
            address(g, "source", report.source());
            g.writeNumberProperty("durationSeconds", Math.round(report.durationSeconds() * 1000) / 1000.0);
            g.writeNumberProperty("packetsSent", report.packetsSent());
            g.writeNumberProperty("packetsReceived", report.packetsReceived());
            g.writeName("ikev2");
            if (report.ikev2() == null) {
                g.writeNull();
            } else {
                ikev2(g, report.ikev2());
            }
            Ikev1Json.write(g, report);
            g.writeName("against");
            if (against == null) {
                g.writeNull();
            } else {
                against(g, against);
            }
            g.writeEndObject();
        } catch (JacksonException e) {
            throw new IOException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
        out.write('\n');
    }

    private static void against(JsonGenerator g, AgainstReport a) {
        g.writeStartObject();
        strings(g, "files", a.files());
        g.writeStringProperty("note", a.note());
        g.writeBooleanProperty("negotiates", a.negotiates());
        g.writeName("connections");
        g.writeStartArray();
        for (ConnectionFit c : a.connections()) {
            g.writeStartObject();
            g.writeStringProperty("name", c.connection());
            g.writeStringProperty("origin", c.origin());
            g.writeNumberProperty("ikeVersion", c.ikeVersion());
            g.writeStringProperty("verdict", c.verdict().name());
            g.writeBooleanProperty("inferred", c.inferred());
            strings(g, "matching", c.matching());
            strings(g, "changes", c.changes());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void address(JsonGenerator g, String name, InetSocketAddress a) {
        g.writeName(name);
        g.writeStartObject();
        g.writeStringProperty("address", a.getAddress().getHostAddress());
        g.writeNumberProperty("port", a.getPort());
        g.writeEndObject();
    }

    private static void ikev2(JsonGenerator g, Ikev2Result r) {
        g.writeStartObject();
        g.writeBooleanProperty("answered", r.answered());
        suites(g, "accepted", r.accepted());
        suites(g, "refused", r.refused());
        g.writeName("transforms");
        g.writeStartObject();
        outcomes(g, "encryption", r.encryption(), (gen, t) -> gen.writeString(t.name()));
        outcomes(g, "prf", r.prf(), (gen, id) -> gen.writeString(Ikev2Transform.prf(id).name()));
        outcomes(g, "integrity", r.integrity(), (gen, id) -> gen.writeString(Ikev2Transform.integrity(id).name()));
        outcomes(g, "dhGroup", r.groups(), JsonGenerator::writeNumber);
        outcomes(g, "additionalKeyExchange", r.additionalKeyExchange(), JsonGenerator::writeNumber);
        g.writeEndObject();
        g.writeName("preferred");
        if (r.preferred() == null) {
            g.writeNull();
        } else {
            suite(g, r.preferred());
        }
        g.writeBooleanProperty("cookie", r.cookie());
        g.writeBooleanProperty("fragmentation", r.fragmentation());
        strings(g, "signatureHashAlgorithms", r.signatureHashAlgorithms());
        g.writeStringProperty("redirect", r.redirect());
        g.writeBooleanProperty("certificateRequest", r.certificateRequest());
        g.writeName("notifies");
        g.writeStartArray();
        for (Ikev2Result.NotifySeen n : r.notifies()) {
            g.writeStartObject();
            g.writeNumberProperty("type", n.type());
            g.writeStringProperty("name", n.name());
            g.writeEndObject();
        }
        g.writeEndArray();
        ending(g, r.vendorIds(), r.fingerprint(), r.complete(), r.probes(), r.problems());
    }

    /** What both versions end with: vendor IDs, fingerprint, completeness, probe count, problems; closes the object. */
    static void ending(JsonGenerator g, List<VendorIdSeen> vendorIds, Fingerprint fingerprint, boolean complete,
                       int probes, List<String> problems) {
        vendorIds(g, vendorIds);
        fingerprint(g, fingerprint);
        g.writeBooleanProperty("complete", complete);
        g.writeNumberProperty("probes", probes);
        strings(g, "problems", problems);
        g.writeEndObject();
    }

    private static void suites(JsonGenerator g, String name, List<Ikev2Suite> suites) {
        list(g, name, suites, ProbeJsonWriter::suite);
    }

    private static void suite(JsonGenerator g, Ikev2Suite s) {
        g.writeStartObject();
        g.writeStringProperty("encryption", s.encryptionName());
        g.writeStringProperty("prf", s.prfName());
        g.writeStringProperty("integrity", s.integrityName());
        nullableInteger(g, "dhGroup", s.group());
        g.writeEndObject();
    }

    static <T> void list(JsonGenerator g, String name, List<T> values, BiConsumer<JsonGenerator, T> write) {
        g.writeName(name);
        g.writeStartArray();
        for (T v : values) {
            write.accept(g, v);
        }
        g.writeEndArray();
    }

    /** {"accepted": [...], "refused": [...], "unclear": [...]}, each value as {@code write} writes it. */
    static <T> void outcomes(JsonGenerator g, String name, Outcomes<T> o, BiConsumer<JsonGenerator, T> write) {
        g.writeName(name);
        g.writeStartObject();
        List<List<T>> lists = List.of(o.accepted(), o.refused(), o.unclear());
        List<String> names = List.of("accepted", "refused", "unclear");
        for (int i = 0; i < lists.size(); i++) {
            g.writeName(names.get(i));
            g.writeStartArray();
            for (T value : lists.get(i)) {
                write.accept(g, value);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    static void vendorIds(JsonGenerator g, List<VendorIdSeen> vendorIds) {
        g.writeName("vendorIds");
        g.writeStartArray();
        for (VendorIdSeen v : vendorIds) {
            g.writeStartObject();
            g.writeStringProperty("hex", v.hex());
            g.writeStringProperty("name", v.name());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void fingerprint(JsonGenerator g, Fingerprint f) {
        g.writeName("fingerprint");
        if (f == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringProperty("implementation", f.implementation());
        g.writeStringProperty("basis", f.basis());
        g.writeBooleanProperty("inferred", f.inferred());
        strings(g, "evidence", f.evidence());
        g.writeName("backoff");
        if (f.backoff() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeName("intervalsSeconds");
            g.writeStartArray();
            for (double d : f.backoff().intervalsSeconds()) {
                g.writeNumber(Math.round(d * 1000) / 1000.0);
            }
            g.writeEndArray();
            nullableNumber(g, "stateKeptSeconds", f.backoff().stateKeptSeconds());
            nullableNumber(g, "stateGoneBySeconds", f.backoff().stateGoneBySeconds());
            g.writeStringProperty("match", f.backoff().match());
            g.writeStringProperty("description", f.backoff().description());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static void nullableNumber(JsonGenerator g, String name, Double value) {
        g.writeName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }

    static void nullableInteger(JsonGenerator g, String name, Integer value) {
        g.writeName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }

    static void strings(JsonGenerator g, String name, List<String> values) {
        list(g, name, values, JsonGenerator::writeString);
    }

    static void numbers(JsonGenerator g, String name, List<Integer> values) {
        list(g, name, values, JsonGenerator::writeNumber);
    }
}
