package io.ikescope.report;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * One capture read by {@code diagnose}: the contract's {@code inputs[]} entry.
 *
 * @param format      "pcap" or "pcapng", with "+gzip" when compressed
 * @param packets     frames read
 * @param ikeMessages IKE messages found
 * @param warnings    non-fatal problems, each once
 * @param series      for one file of a rotated series read as one capture, the series' first file (which names
 *                    its negotiations); null for a capture read on its own
 * @param seriesFirstFrame the number, counted across the series, of this file's first frame (1 for the first
 *                    file): the negotiations of a series number their frames so; 0 outside a series
 */
public record InputSummary(String path, String format, long packets, long ikeMessages, List<String> warnings,
                           String series, long seriesFirstFrame) {
    public InputSummary {
        warnings = List.copyOf(warnings);
    }

    /** A capture read on its own. */
    public InputSummary(String path, String format, long packets, long ikeMessages, List<String> warnings) {
        this(path, format, packets, ikeMessages, warnings, null, 0);
    }

    /** This file as a part of the series that begins with {@code first}, its frames numbered from {@code from}. */
    public InputSummary inSeries(String first, long from) {
        return new InputSummary(path, format, packets, ikeMessages, warnings, first, from);
    }

    /** The same with more warnings (what is known only when the whole series or run has been read). */
    public InputSummary withWarnings(List<String> more) {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new InputSummary(path, format, packets, ikeMessages, all, series, seriesFirstFrame);
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
            if (i.series() != null) {
                g.writeStringProperty("series", i.series());
                g.writeNumberProperty("seriesFirstFrame", i.seriesFirstFrame());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
