package io.ikescope.report;

import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * One capture read by {@code diagnose}: the contract's {@code inputs[]} entry.
 *
 * @param format      "pcap" or "pcapng", with "+gzip" when compressed
 * @param packets     frames read
 * @param ikeMessages IKE messages found
 * @param warnings    non-fatal problems, each once
 */
public record InputSummary(String path, String format, long packets, long ikeMessages, List<String> warnings) {
    public InputSummary {
        warnings = List.copyOf(warnings);
    }

    /** The contract's {@code inputs} array (diagnose and audit alike). */
    static void writeJson(JsonGenerator g, List<InputSummary> inputs) {
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
}
