package io.ikescope.wire.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * Known Vendor ID payload values (table in {@code vendor-ids.tsv}). Names follow tshark where tshark knows the
 * value, so a report and Wireshark agree; ike-scan and libreswan supply the rest.
 */
public final class VendorIds {
    private VendorIds() {
    }

    /** A recognised vendor ID: who sent it, and the version when the ID encodes one (else null). */
    public record Match(String vendor, String version) {
        /** Vendor and version as one display string. */
        public String display() {
            return version == null ? vendor : vendor + " " + version;
        }
    }

    /** FreeS/WAN, Openswan and old Libreswan send 12 bytes: a marker, then MD5 bytes forced into 0x40-0x7f. */
    private static final int HASHED_ID_LENGTH = 12;

    /**
     * The vendor of a Vendor ID payload's data, matched exactly or by known prefix as Wireshark and ike-scan do;
     * null if unknown. The longest listed value that starts the data wins, so a value followed by version or
     * flag bytes (Cisco Unity, Check Point, MS NT5, DPD) is still recognised and its version read.
     */
    public static Match lookup(byte[] data) {
        if (data == null || data.length == 0) {
            return null;
        }
        VendorIdTable.Entry e = VendorIdTable.INSTANCE.longestPrefix(data);
        if (e != null) {
            String version = e.version() != null ? e.version() : e.decoder().decode(data, e.value().length);
            return new Match(e.vendor(), version);
        }
        if (isHashedId(data, "OE")) {
            return new Match("FreeS/WAN, Openswan or Libreswan", null);
        }
        if (isHashedId(data, "OSW")) {
            return new Match("Openswan", null);
        }
        return null;
    }

    /**
     * The values the table lists for one vendor text ("RFC 3947 Negotiation of NAT-Traversal in the IKE"), in table
     * order, for code that sends a vendor ID by name. Throws when the table has no such vendor: a typo is a bug.
     */
    public static List<byte[]> valuesOf(String vendor) {
        List<byte[]> values = new ArrayList<>();
        for (VendorIdTable.Entry e : VendorIdTable.INSTANCE.entries()) {
            if (e.vendor().equals(vendor)) {
                values.add(e.value().clone());
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the vendor ID table lists no \"" + vendor + "\"");
        }
        return values;
    }

    /** How many Vendor ID values the table lists. */
    public static int knownCount() {
        return VendorIdTable.INSTANCE.entries().size();
    }

    /** An unlisted version of the FreeS/WAN family: the marker, then hash bytes all in 0x40-0x7f. */
    private static boolean isHashedId(byte[] data, String marker) {
        if (data.length != HASHED_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < marker.length(); i++) {
            if (data[i] != marker.charAt(i)) {
                return false;
            }
        }
        for (int i = marker.length(); i < data.length; i++) {
            int b = data[i] & 0xff;
            if (b < 0x40 || b > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
