package io.ikescope.wire.registry;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads the version that some Vendor IDs carry in the bytes after their fixed prefix. Each decoder returns null
 * when the payload is too short to hold the field or the field says nothing.
 */
enum VersionDecoder {
    NONE("-") {
        @Override
        String decode(byte[] data, int prefixLength) {
            return null;
        }
    },
    /** Cisco Unity: the two bytes after MD5("CISCO-UNITY")[0..14] are major and minor. */
    CISCO_UNITY("cisco-unity") {
        @Override
        String decode(byte[] data, int prefixLength) {
            return majorMinor(data, prefixLength);
        }
    },
    /** Two bytes after the prefix are major and minor (RFC 3706 DPD). */
    MAJOR_MINOR("major-minor") {
        @Override
        String decode(byte[] data, int prefixLength) {
            return majorMinor(data, prefixLength);
        }
    },
    /** MS NT5 ISAKMPOAKLEY: a 32-bit version number follows MD5("MS NT5 ISAKMPOAKLEY"). */
    MS_NT5("ms-nt5") {
        @Override
        String decode(byte[] data, int prefixLength) {
            if (data.length < prefixLength + 4) {
                return null;
            }
            long number = u32(data, prefixLength);
            String windows = WINDOWS.get(number);
            return windows == null ? Long.toString(number) : number + " (" + windows + ")";
        }
    },
    /** Check Point: product, version, timestamp, reserved and feature words follow the 20-byte prefix. */
    CHECKPOINT("checkpoint") {
        @Override
        String decode(byte[] data, int prefixLength) {
            if (data.length < prefixLength + 8) {
                return null;
            }
            long product = u32(data, prefixLength);
            long version = u32(data, prefixLength + 4);
            String productName = CHECKPOINT_PRODUCTS.getOrDefault(product, "product " + product);
            String versionName = CHECKPOINT_VERSIONS.getOrDefault(version, "version " + version);
            return productName + " " + versionName;
        }
    },
    /** Fortigate: 16-bit release and build follow the 12-byte prefix; both zero means undisclosed. */
    FORTIGATE("fortigate") {
        @Override
        String decode(byte[] data, int prefixLength) {
            if (data.length < prefixLength + 4) {
                return null;
            }
            int release = u16(data, prefixLength);
            int build = u16(data, prefixLength + 2);
            return release == 0 && build == 0 ? null : "release " + release + " build " + build;
        }
    },
    /** Cisco VPN 3000: the last two bytes encode major, then minor and patch nibbles (0x0407 is 4.0.7). */
    CISCO_VPN3000("cisco-vpn3000") {
        @Override
        String decode(byte[] data, int prefixLength) {
            if (data.length < prefixLength + 2) {
                return null;
            }
            int low = data[prefixLength + 1] & 0xff;
            return (data[prefixLength] & 0xff) + "." + (low >> 4) + "." + (low & 0x0f);
        }
    },
    /** One byte after the prefix holds major and minor nibbles (ELVIS-PLUS Zastava). */
    NIBBLES("nibbles") {
        @Override
        String decode(byte[] data, int prefixLength) {
            if (data.length < prefixLength + 1) {
                return null;
            }
            int b = data[prefixLength] & 0xff;
            return (b >> 4) + "." + (b & 0x0f);
        }
    },
    /** The longest printable ASCII run after the prefix ("OE-Libreswan-4.12", "TIMESTEP 1 SGW ..."). */
    TEXT("text") {
        @Override
        String decode(byte[] data, int prefixLength) {
            int bestStart = 0;
            int bestLength = 0;
            int runStart = prefixLength;
            for (int i = prefixLength; i <= data.length; i++) {
                boolean printable = i < data.length && data[i] >= 0x20 && data[i] <= 0x7e;
                if (!printable) {
                    if (i - runStart > bestLength) {
                        bestStart = runStart;
                        bestLength = i - runStart;
                    }
                    runStart = i + 1;
                }
            }
            String text = new String(data, bestStart, bestLength, StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? null : text;
        }
    };

    /** MS NT5 ISAKMPOAKLEY version numbers as Microsoft, ike-scan and libreswan document them. */
    private static final Map<Long, String> WINDOWS = Map.of(
            2L, "Windows 2000",
            3L, "Windows XP SP1",
            4L, "Windows Server 2003 or XP SP2",
            5L, "Windows Vista",
            6L, "Windows Server 2008",
            7L, "Windows 7",
            8L, "Windows Server 2008 R2",
            9L, "Windows 8 or later");

    private static final Map<Long, String> CHECKPOINT_PRODUCTS = Map.of(
            1L, "Firewall-1",
            2L, "SecuRemote/SecureClient");

    /** Check Point version words, spelled as tshark does. */
    private static final Map<Long, String> CHECKPOINT_VERSIONS = Map.of(
            2L, "4.1",
            3L, "4.1 SP-1",
            4002L, "4.1 (SP-2 or above)",
            5000L, "NG",
            5001L, "NG Feature Pack 1",
            5002L, "NG Feature Pack 2",
            5003L, "NG Feature Pack 3",
            5004L, "NG with Application Intelligence",
            5005L, "NG with Application Intelligence R55",
            5006L, "NG with Application Intelligence R56");

    private final String tableName;

    VersionDecoder(String tableName) {
        this.tableName = tableName;
    }

    /** The version read from {@code data} past the matched prefix of {@code prefixLength} bytes, or null. */
    abstract String decode(byte[] data, int prefixLength);

    /** The decoder a vendor-id table row names, or null if the name is unknown. */
    static VersionDecoder byTableName(String name) {
        for (VersionDecoder d : values()) {
            if (d.tableName.equals(name)) {
                return d;
            }
        }
        return null;
    }

    private static String majorMinor(byte[] data, int offset) {
        if (data.length < offset + 2) {
            return null;
        }
        return (data[offset] & 0xff) + "." + (data[offset + 1] & 0xff);
    }

    private static int u16(byte[] data, int offset) {
        return ((data[offset] & 0xff) << 8) | (data[offset + 1] & 0xff);
    }

    private static long u32(byte[] data, int offset) {
        return ((long) u16(data, offset) << 16) | u16(data, offset + 2);
    }
}
