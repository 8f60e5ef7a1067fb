package io.ikescope.report;

import java.util.List;
import tools.jackson.core.JsonGenerator;

/** Properties the diagnose JSON writes in many places: nullable numbers, string lists and frame lists. */
final class JsonFields {
    private JsonFields() {
    }

    static void integer(JsonGenerator g, String name, Integer value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, value);
        }
    }

    static void longOrNull(JsonGenerator g, String name, Long value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, value);
        }
    }

    static void strings(JsonGenerator g, String name, List<String> values) {
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

    static void numbers(JsonGenerator g, String name, List<Long> values) {
        g.writeArrayPropertyStart(name);
        for (long v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }
}
