package io.ikescope.cli.probe;

import io.ikescope.probe.ProbeReport;
import tools.jackson.core.JsonGenerator;

/** The {@code ikev1} member of {@code ikescope.probe/1}. */
final class Ikev1Json {
    private Ikev1Json() {
    }

    static void write(JsonGenerator g, ProbeReport report) {
        g.writeName("ikev1");
        g.writeNull();
    }
}
