package io.ikescope.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Function;

/**
 * Rewrites captures into variants no installed tool writes: big-endian pcap and pcapng, other pcapng timestamp
 * resolutions, Simple and obsolete Packet Blocks, other link-layer headers. Inputs are little-endian files as
 * editcap, tcpdump and dumpcap write them. Every test that uses an output also has tshark read it, so a
 * mistake here shows up as a disagreement with tshark rather than as our reader agreeing with our writer.
 */
public final class CaptureRewriter {
    private CaptureRewriter() {
    }

    // ---- pcap -----------------------------------------------------------------------------------------------

    /** The same pcap with every header field stored big-endian (as a SPARC or PowerPC host writes it). */
    public static byte[] pcapToBigEndian(byte[] pcap) {
        ByteBuffer in = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(pcap.length).order(ByteOrder.BIG_ENDIAN);
        out.putInt(in.getInt()).putShort(in.getShort()).putShort(in.getShort());
        for (int i = 0; i < 4; i++) {
            out.putInt(in.getInt());
        }
        while (in.remaining() >= 16) {
            int sec = in.getInt(), frac = in.getInt(), incl = in.getInt(), orig = in.getInt();
            out.putInt(sec).putInt(frac).putInt(incl).putInt(orig);
            byte[] data = new byte[incl];
            in.get(data);
            out.put(data);
        }
        return out.array();
    }

    /** A little-endian pcap made of the given records (1-based numbers, repeats allowed), in that order. */
    public static byte[] pcapSelect(byte[] pcap, int... records) {
        ByteBuffer in = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        java.util.List<byte[]> all = new java.util.ArrayList<>();
        for (int at = 24; at + 16 <= pcap.length; at += 16 + in.getInt(at + 8)) {
            all.add(java.util.Arrays.copyOfRange(pcap, at, at + 16 + in.getInt(at + 8)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(pcap, 0, 24);
        for (int r : records) {
            out.writeBytes(all.get(r - 1));
        }
        return out.toByteArray();
    }

    /** A little-endian pcap of the given link type holding these packets, each at {@code seconds} + its index. */
    public static byte[] pcapOf(int linkType, long seconds, byte[]... packets) {
        int[] keep = new int[packets.length];
        for (int i = 0; i < packets.length; i++) {
            keep[i] = packets[i].length;
        }
        return pcapOfCut(linkType, seconds, keep, packets);
    }

    /** As {@link #pcapOf}, but only the first {@code captured[i]} bytes of packet i are stored (a snaplen cut). */
    public static byte[] pcapOfCut(int linkType, long seconds, int[] captured, byte[]... packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144)
                .putInt(linkType);
        out.writeBytes(header.array());
        for (int i = 0; i < packets.length; i++) {
            ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            int stored = Math.min(captured[i], packets[i].length);
            rec.putInt((int) (seconds + i)).putInt(0).putInt(stored).putInt(packets[i].length);
            out.writeBytes(rec.array());
            out.write(packets[i], 0, stored);
        }
        return out.toByteArray();
    }

    /**
     * A little-endian pcap whose link header is replaced: {@code strip} bytes are cut from every packet and
     * {@code header(packet)} is put in front; the file's link type becomes {@code linkType}.
     */
    public static byte[] relinkPcap(byte[] pcap, int linkType, int strip, Function<byte[], byte[]> header) {
        ByteBuffer in = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] fileHeader = new byte[24];
        in.get(fileHeader);
        ByteBuffer.wrap(fileHeader).order(ByteOrder.LITTLE_ENDIAN).putInt(20, linkType);
        out.writeBytes(fileHeader);
        while (in.remaining() >= 16) {
            int sec = in.getInt(), frac = in.getInt(), incl = in.getInt(), orig = in.getInt();
            byte[] data = new byte[incl];
            in.get(data);
            byte[] packet = java.util.Arrays.copyOfRange(data, Math.min(strip, data.length), data.length);
            byte[] head = header.apply(packet);
            ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            rec.putInt(sec).putInt(frac).putInt(packet.length + head.length).putInt(orig - strip + head.length);
            out.writeBytes(rec.array());
            out.writeBytes(head);
            out.writeBytes(packet);
        }
        return out.toByteArray();
    }

    // ---- pcapng ---------------------------------------------------------------------------------------------

    /** Calls {@code block} for each block of a little-endian pcapng and concatenates what it returns. */
    private static byte[] eachBlock(byte[] pcapng, Function<ByteBuffer, byte[]> block) {
        ByteBuffer in = ByteBuffer.wrap(pcapng).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at + 12 <= pcapng.length) {
            int length = in.getInt(at + 4);
            ByteBuffer b = ByteBuffer.wrap(pcapng, at, length).slice().order(ByteOrder.LITTLE_ENDIAN);
            out.writeBytes(block.apply(b));
            at += length;
        }
        return out.toByteArray();
    }

    private static byte[] copy(ByteBuffer b) {
        byte[] a = new byte[b.limit()];
        b.duplicate().position(0).get(a);
        return a;
    }

    /** The same pcapng written big-endian: every block header, fixed field and numeric option swapped. */
    public static byte[] pcapngToBigEndian(byte[] pcapng) {
        return eachBlock(pcapng, b -> {
            int type = b.getInt(0);
            int length = b.getInt(4);
            ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
            out.putInt(type).putInt(length);
            int optionsAt;
            switch (type) {
                case 0x0A0D0D0A -> {
                    out.putInt(b.getInt(8)).putShort(b.getShort(12)).putShort(b.getShort(14)).putLong(b.getLong(16));
                    optionsAt = 24;
                }
                case 1 -> {
                    out.putShort(b.getShort(8)).putShort(b.getShort(10)).putInt(b.getInt(12));
                    optionsAt = 16;
                }
                case 6 -> {
                    for (int i = 8; i < 28; i += 4) {
                        out.putInt(b.getInt(i));
                    }
                    int captured = b.getInt(20);
                    int padded = (captured + 3) & ~3;
                    out.put(copy(b), 28, padded);
                    optionsAt = 28 + padded;
                }
                case 5 -> {
                    out.putInt(b.getInt(8)).putInt(b.getInt(12)).putInt(b.getInt(16));
                    optionsAt = 20;
                }
                default -> throw new IllegalArgumentException("block type " + type + " not handled");
            }
            int at = optionsAt;
            while (at + 4 <= length - 4) {
                int code = b.getShort(at) & 0xFFFF;
                int optionLength = b.getShort(at + 2) & 0xFFFF;
                out.putShort((short) code).putShort((short) optionLength);
                int padded = (optionLength + 3) & ~3;
                switch (numericWidth(type, code)) {
                    case 4 -> out.putInt(b.getInt(at + 4));
                    case 8 -> out.putLong(b.getLong(at + 4));
                    case -2 -> out.putInt(b.getInt(at + 4)).putInt(b.getInt(at + 8));
                    default -> out.put(copy(b), at + 4, padded);
                }
                at += 4 + padded;
                if (code == 0) {
                    break;
                }
            }
            out.position(length - 4);
            out.putInt(length);
            return out.array();
        });
    }

    /** Byte width of a numeric option value (-2: two 32-bit halves of a timestamp), 0 for byte strings. */
    private static int numericWidth(int blockType, int code) {
        return switch (blockType) {
            case 1 -> code == 8 || code == 14 || code == 16 || code == 17 ? 8 : 0;   // if_speed, if_tsoffset, tx/rx speed
            case 6 -> code == 2 || code == 6 ? 4 : code == 4 || code == 5 ? 8 : 0; // flags, queue; dropcount, packetid
            case 5 -> code == 2 || code == 3 ? -2 : code >= 4 && code <= 8 ? 8 : 0; // start/end time; counters
            default -> 0;
        };
    }

    /**
     * The same pcapng with every interface stating {@code if_tsresol = tsresol} (raw option byte: 0x80|n for
     * 2^-n) and {@code if_tsoffset = offsetSeconds}, and every timestamp re-expressed in those units. The input's
     * interfaces must use the default microsecond or the nanosecond (dumpcap) resolution.
     */
    public static byte[] pcapngRetime(byte[] pcapng, int tsresol, long offsetSeconds) {
        long[] sourceUnitsPerSecond = {1_000_000};
        return eachBlock(pcapng, b -> {
            int type = b.getInt(0);
            if (type == 1) {
                sourceUnitsPerSecond[0] = tsresolOf(b) == 9 ? 1_000_000_000L : 1_000_000L;
                ByteBuffer out = ByteBuffer.allocate(16 + 8 + 12 + 4 + 4).order(ByteOrder.LITTLE_ENDIAN);
                out.putInt(1).putInt(out.capacity()).putInt(b.getInt(8)).putInt(b.getInt(12));
                out.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
                out.putShort((short) 14).putShort((short) 8).putLong(offsetSeconds);
                out.putInt(0).putInt(out.capacity());
                return out.array();
            }
            if (type == 6) {
                byte[] a = copy(b);
                ByteBuffer out = ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN);
                long units = ((long) b.getInt(12) << 32) | (b.getInt(16) & 0xFFFF_FFFFL);
                java.math.BigInteger nanos = java.math.BigInteger.valueOf(units)
                        .multiply(java.math.BigInteger.valueOf(1_000_000_000L))
                        .divide(java.math.BigInteger.valueOf(sourceUnitsPerSecond[0]))
                        .subtract(java.math.BigInteger.valueOf(offsetSeconds).multiply(java.math.BigInteger.valueOf(1_000_000_000L)));
                java.math.BigInteger perSecond = (tsresol & 0x80) != 0
                        ? java.math.BigInteger.ONE.shiftLeft(tsresol & 0x7F)
                        : java.math.BigInteger.TEN.pow(tsresol);
                long newUnits = nanos.multiply(perSecond).divide(java.math.BigInteger.valueOf(1_000_000_000L)).longValue();
                out.putInt(12, (int) (newUnits >>> 32)).putInt(16, (int) newUnits);
                return a;
            }
            return copy(b);
        });
    }

    private static int tsresolOf(ByteBuffer idb) {
        int at = 16;
        int length = idb.getInt(4);
        while (at + 4 <= length - 4) {
            int code = idb.getShort(at) & 0xFFFF;
            int optionLength = idb.getShort(at + 2) & 0xFFFF;
            if (code == 0) {
                break;
            }
            if (code == 9) {
                return idb.get(at + 4) & 0xFF;
            }
            at += 4 + ((optionLength + 3) & ~3);
        }
        return 6;
    }

    /** Every Enhanced Packet Block replaced by a Simple Packet Block (no timestamp, interface 0). */
    public static byte[] pcapngToSimplePackets(byte[] pcapng) {
        return eachBlock(pcapng, b -> {
            if (b.getInt(0) != 6) {
                return copy(b);
            }
            int captured = b.getInt(20);
            int padded = (captured + 3) & ~3;
            ByteBuffer out = ByteBuffer.allocate(16 + padded).order(ByteOrder.LITTLE_ENDIAN);
            out.putInt(3).putInt(out.capacity()).putInt(b.getInt(24));
            out.put(copy(b), 28, padded);
            out.putInt(out.capacity());
            return out.array();
        });
    }

    /** Every Enhanced Packet Block replaced by the obsolete Packet Block (type 2). */
    public static byte[] pcapngToObsoletePackets(byte[] pcapng) {
        return eachBlock(pcapng, b -> {
            if (b.getInt(0) != 6) {
                return copy(b);
            }
            int captured = b.getInt(20);
            int padded = (captured + 3) & ~3;
            ByteBuffer out = ByteBuffer.allocate(32 + padded).order(ByteOrder.LITTLE_ENDIAN);
            out.putInt(2).putInt(out.capacity()).putShort((short) b.getInt(8)).putShort((short) 0);
            out.putInt(b.getInt(12)).putInt(b.getInt(16)).putInt(captured).putInt(b.getInt(24));
            out.put(copy(b), 28, padded);
            out.putInt(out.capacity());
            return out.array();
        });
    }

    /** The pcapng with {@code extra} blocks inserted after every Enhanced Packet Block. */
    public static byte[] pcapngInsertAfterPackets(byte[] pcapng, byte[] extra) {
        return eachBlock(pcapng, b -> {
            byte[] a = copy(b);
            if (b.getInt(0) != 6) {
                return a;
            }
            byte[] both = java.util.Arrays.copyOf(a, a.length + extra.length);
            System.arraycopy(extra, 0, both, a.length, extra.length);
            return both;
        });
    }

    /** A little-endian pcapng block of {@code type} holding {@code body} (padded to 4 bytes). */
    public static byte[] pcapngBlock(int type, byte[] body) {
        int padded = (body.length + 3) & ~3;
        ByteBuffer out = ByteBuffer.allocate(12 + padded).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(type).putInt(out.capacity()).put(body);
        out.position(8 + padded);
        out.putInt(out.capacity());
        return out.array();
    }
}
