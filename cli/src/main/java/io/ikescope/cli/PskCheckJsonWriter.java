package io.ikescope.cli;

import io.ikescope.psk.PeerResult;
import io.ikescope.psk.PskVerdict;
import io.ikescope.report.JsonTerminalEscapes;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code psk-check --format json}: issue #14's shape, {@code {"negotiations": [{"id", "spiI", "ikeVersion",
 * "exchangeMode", "initiator": {"match", "tested", "fingerprint"}, "responder": {...}}]}}, with the schema name,
 * each negotiation's input and PRF, a peer's {@code why} when it was not tested, and with a match {@code matchFrom}:
 * {@code "file"} when {@code match} is a line of the candidates file, {@code "option"} when it is the position of
 * a {@code --candidate} option.
 */
final class PskCheckJsonWriter {
    static final String SCHEMA = "ikescope.psk-check/1";
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).characterEscapes(new JsonTerminalEscapes()).build();

    private PskCheckJsonWriter() {
    }

    static void write(List<PskVerdict> verdicts, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("schema", SCHEMA);
            g.writeName("negotiations");
            g.writeStartArray();
            for (PskVerdict v : verdicts) {
                g.writeStartObject();
                g.writeStringProperty("id", v.id());
                g.writeStringProperty("input", v.input());
                g.writeStringProperty("spiI", v.spiI());
                g.writeNumberProperty("ikeVersion", v.ikeVersion());
                g.writeStringProperty("exchangeMode", v.exchangeMode());
                g.writeStringProperty("prf", v.prf());
                peer(g, "initiator", v.initiator());
                peer(g, "responder", v.responder());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void peer(JsonGenerator g, String name, PeerResult r) {
        g.writeName(name);
        g.writeStartObject();
        if (r.match() == null) {
            g.writeNullProperty("match");
        } else {
            g.writeNumberProperty("match", r.match());
        }
        g.writeBooleanProperty("tested", r.tested());
        g.writeStringProperty("fingerprint", r.fingerprint());
        if (r.match() != null) {
            // additive: "file" (match is a line of --candidates) or "option" (a --candidate's position)
            g.writeStringProperty("matchFrom", r.fromOption() ? "option" : "file");
        }
        if (r.why() != null) {
            g.writeStringProperty("why", r.why());
        }
        g.writeEndObject();
    }
}
