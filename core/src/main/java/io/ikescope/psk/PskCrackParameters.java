package io.ikescope.psk;

import java.util.HexFormat;

/**
 * The parameter line psk-crack (Debian package ike-scan) reads for one Aggressive Mode exchange, as its manual
 * documents it: colon-separated hex g_xr:g_xi:cky_r:cky_i:sai_b:idir_b:ni_b:nr_b:hash_r. Lets an auditor run the
 * independent cracker on what ikescope took from the capture; it holds no key, only what was on the wire.
 */
final class PskCrackParameters {
    private PskCrackParameters() {
    }

    /** The line for this exchange (no newline). */
    static String line(AggressiveModeExchange.Parts p) {
        HexFormat hex = HexFormat.of();
        return String.join(":", hex.formatHex(p.gxr()), hex.formatHex(p.gxi()), hex.formatHex(p.ckyR()),
                hex.formatHex(p.ckyI()), hex.formatHex(p.saiB()), hex.formatHex(p.idirB()), hex.formatHex(p.niB()),
                hex.formatHex(p.nrB()), hex.formatHex(p.hashR()));
    }
}
