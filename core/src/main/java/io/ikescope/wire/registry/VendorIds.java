package io.ikescope.wire.registry;

/** Known Vendor ID payload values. SKELETON: filled by the registry work. */
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

    /** The vendor of a Vendor ID payload's data, matched exactly or by known prefix as Wireshark and ike-scan do; null if unknown. */
    public static Match lookup(byte[] data) {
        return null;
    }
}
