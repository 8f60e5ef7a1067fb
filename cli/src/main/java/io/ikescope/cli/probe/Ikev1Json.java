package io.ikescope.cli.probe;

import io.ikescope.probe.ProbeReport;
import io.ikescope.probe.ikev1.Ikev1Result;
import io.ikescope.probe.ikev1.Ikev1Suite;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/** The {@code ikev1} member of {@code ikescope.probe/1}. */
final class Ikev1Json {
    private Ikev1Json() {
    }

    static void write(JsonGenerator g, ProbeReport report) {
        g.writeName("ikev1");
        Ikev1Result r = report.ikev1();
        if (r == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeBooleanProperty("answered", r.answered());
        suites(g, "accepted", r.accepted());
        suites(g, "refused", r.refused());
        g.writeName("transforms");
        g.writeStartObject();
        ProbeJsonWriter.outcomes(g, "encryption", r.encryption(), JsonGenerator::writeString);
        ProbeJsonWriter.outcomes(g, "hash", r.hash(), JsonGenerator::writeString);
        ProbeJsonWriter.outcomes(g, "authMethod", r.authMethod(), JsonGenerator::writeString);
        ProbeJsonWriter.outcomes(g, "dhGroup", r.groups(), JsonGenerator::writeNumber);
        g.writeEndObject();
        g.writeName("aggressiveMode");
        Ikev1Result.AggressiveMode am = r.aggressiveMode();
        if (am == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeBooleanProperty("answered", am.answered());
            g.writeName("proposal");
            if (am.proposal() == null) {
                g.writeNull();
            } else {
                suite(g, am.proposal());
            }
            g.writeStringProperty("notify", am.notifyName());
            g.writeStringProperty("warning", am.warning());
            g.writeEndObject();
        }
        ProbeJsonWriter.ending(g, r.vendorIds(), r.fingerprint(), r.complete(), r.probes(), r.problems());
    }

    private static void suites(JsonGenerator g, String name, List<Ikev1Suite> suites) {
        ProbeJsonWriter.list(g, name, suites, Ikev1Json::suite);
    }

    private static void suite(JsonGenerator g, Ikev1Suite s) {
        g.writeStartObject();
        g.writeStringProperty("encryption", s.encryptionName());
        g.writeStringProperty("hash", s.hashName());
        g.writeStringProperty("authMethod", s.authMethodName());
        ProbeJsonWriter.nullableInteger(g, "dhGroup", s.group());
        g.writeEndObject();
    }
}
