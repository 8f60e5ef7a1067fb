package io.ikescope.report;

import tools.jackson.core.JsonGenerator;

/**
 * The diagnose JSON's {@code configuration} object ({@code diagnose --config}, README "Comparing with the peers'
 * configurations"). Additive to the contract; null without {@code --config}.
 */
final class ConfigurationJson {
    private ConfigurationJson() {
    }

    static void write(JsonGenerator g, ConfigurationView c) {
        if (c == null) {
            g.writeNullProperty("configuration");
            return;
        }
        g.writeObjectPropertyStart("configuration");
        side(g, "initiator", c.initiator());
        side(g, "responder", c.responder());
        g.writeStringProperty("predicted", c.predicted());
        if (c.agrees() == null) {
            g.writeNullProperty("agrees");
        } else {
            g.writeBooleanProperty("agrees", c.agrees());
        }
        g.writeArrayPropertyStart("changes");
        for (ConfigurationView.ChangeView ch : c.changes()) {
            g.writeStartObject();
            g.writeStringProperty("side", ch.side());
            g.writeStringProperty("file", ch.file());
            g.writeNumberProperty("line", ch.line());
            g.writeStringProperty("setting", ch.setting());
            g.writeStringProperty("now", ch.now());
            g.writeStringProperty("to", ch.to());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void side(JsonGenerator g, String name, ConfigurationView.Side s) {
        if (s == null) {
            g.writeNullProperty(name);
            return;
        }
        g.writeObjectPropertyStart(name);
        g.writeStringProperty("file", s.file());
        g.writeStringProperty("connection", s.connection());
        g.writeBooleanProperty("roleInferred", s.roleInferred());
        g.writeEndObject();
    }
}
