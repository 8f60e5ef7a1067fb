package io.ikescope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ikescope.net.IkeDatagram;
import io.ikescope.net.Transport;
import io.ikescope.report.DissectJsonWriter;
import io.ikescope.report.DissectTextWriter;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import java.io.IOException;
import java.io.StringWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Both dissect writers on whatever the codec makes of any bytes: the JSON is one valid object per message,
 * and neither output holds a character a terminal would act on (peer text is escaped, never passed through).
 */
class DissectWritersFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "10m")
    void writeJsonAndText(byte[] input) throws IOException {
        IkeMessage message = IkeDecoder.decode(input);
        IkeDatagram datagram = new IkeDatagram(7, 1_438_167_015_368_374_000L, "192.0.2.1", 500, "2001:db8::1", 4500,
                Transport.UDP_NATT, input);

        StringWriter json = new StringWriter();
        try (DissectJsonWriter writer = new DissectJsonWriter(json)) {
            writer.write(datagram, message, null);
        }
        String jsonText = json.toString();
        if (!jsonText.endsWith("\n") || jsonText.indexOf('\n') != jsonText.length() - 1) {
            throw new AssertionError("not one JSON line: " + jsonText);
        }
        OutputSafety.requireSafe("JSON output", jsonText);
        JsonNode node = JSON.readTree(jsonText);
        if (!node.isObject() || node.get("frame").asLong() != 7 || !node.get("errors").isArray()) {
            throw new AssertionError("JSON without its frame or errors: " + jsonText);
        }
        if (node.get("errors").size() != message.errors().size()) {
            throw new AssertionError("JSON lists " + node.get("errors").size() + " errors of " + message.errors().size());
        }

        StringWriter text = new StringWriter();
        try (DissectTextWriter writer = new DissectTextWriter(text)) {
            writer.write(datagram, message, null);
        }
        OutputSafety.requireSafe("text output", text.toString());
        long marked = text.toString().lines().filter(l -> l.startsWith("  !! ERROR: ")).count();
        if (marked != message.errors().size()) {
            throw new AssertionError("text marks " + marked + " errors of " + message.errors().size());
        }
    }
}
