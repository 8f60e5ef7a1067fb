package io.ikescope.report;

import io.ikescope.diagnosis.Alternative;
import io.ikescope.diagnosis.Mismatch;
import io.ikescope.diagnosis.Verdict;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * The diagnose JSON's {@code verdict} object: the cause found, its certainty, evidence and mismatch, and the
 * alternatives weighed against it.
 */
final class VerdictJson {
    private VerdictJson() {
    }

    static void write(JsonGenerator g, Verdict v, List<Alternative> alternatives) {
        g.writeObjectPropertyStart("verdict");
        g.writeStringProperty("code", v.code().name());
        JsonFields.integer(g, "phase", v.phase());
        g.writeStringProperty("certainty", v.certainty().jsonName());
        g.writeStringProperty("summary", v.summary());
        g.writeStringProperty("explanation", v.explanation());
        g.writeStringProperty("fix", v.fix());
        JsonFields.numbers(g, "evidence", v.evidence());
        if (v.mismatch() == null) {
            g.writeNullProperty("mismatch");
        } else {
            g.writeArrayPropertyStart("mismatch");
            for (Mismatch m : v.mismatch()) {
                g.writeStartObject();
                g.writeStringProperty("attribute", m.attribute());
                JsonFields.strings(g, "offered", m.offered());
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
            JsonFields.numbers(g, "frames", a.frames());
            g.writeBooleanProperty("candidate", a.candidate());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
