package io.ikescope.report;

import java.util.List;

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
}
