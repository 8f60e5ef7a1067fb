package io.ikescope.probe.fingerprint;

import io.ikescope.wire.registry.VendorIds;
import java.util.HexFormat;

/**
 * A vendor ID the target sent: its bytes in hex, what it names when known ({@code name} for display, with a
 * version; {@code vendor} the table's vendor text), else nulls.
 */
public record VendorIdSeen(String hex, String name, String vendor) {
    public static VendorIdSeen of(byte[] data) {
        VendorIds.Match m = VendorIds.lookup(data);
        return new VendorIdSeen(HexFormat.of().formatHex(data), m == null ? null : m.display(),
                m == null ? null : m.vendor());
    }
}
