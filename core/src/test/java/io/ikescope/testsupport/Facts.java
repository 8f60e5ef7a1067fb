package io.ikescope.testsupport;

import java.util.Map;

/**
 * The key scheme of IKE message facts compared with tshark: "hdr.msgid", "hdr.flag.response",
 * "p[2].prop[0].tf[1].attr[0].value", "p[4].ts[1].start", "p.count" ... Values are text: numbers in decimal,
 * byte strings in lowercase hex, flags "true"/"false". {@link TsharkFacts} draws them from tshark; the decoder
 * test (core) and the JSON end-to-end test (cli) draw the same keys from their own output.
 */
public final class Facts {
    private Facts() {
    }

    /** Repeated keys (several hash algorithms, several SPIs) accumulate, comma-separated. */
    public static void put(Map<String, String> facts, String key, String value) {
        facts.merge(key, value == null ? "" : value, (a, b) -> a + "," + b);
    }

    /** tshark shows numbers in decimal or as 0x-prefixed hex; both become decimal text. */
    public static String num(String show) {
        if (show == null || show.isEmpty()) {
            return "";
        }
        try {
            if (show.startsWith("0x")) {
                return Long.toString(Long.parseLong(show.substring(2), 16));
            }
            return Long.toString(Long.parseLong(show));
        } catch (NumberFormatException e) {
            return show;
        }
    }
}
