package io.ikescope.net;

import io.ikescope.capture.Bytes;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * RFC 8229 IKE/ESP over TCP: puts each direction's segments back in sequence order and cuts the byte stream
 * into messages.
 *
 * <p>A direction starts at the byte after its SYN, or at the first segment seen when the capture missed the
 * handshake. Retransmitted bytes are dropped; segments ahead of a gap wait until the gap fills. The stream
 * opened by the initiator begins with the 6-byte "IKETCP" prefix, which is removed; then every message is a
 * 16-bit length (counting itself), followed by either a zero non-ESP marker and an IKE message, or an ESP
 * packet. Each message is reported with the frame of the segment that completed it.
 *
 * <p>Bounded: at most {@code maxTcpStreams} directions (the least recently active one is dropped to make room),
 * {@code maxBytesPerTcpStream} bytes per direction, in order and waiting together, and {@code maxTcpBytesTotal}
 * over all directions (least recently active ones dropped first). Memory is counted as held: buffer capacity,
 * and {@link #SEGMENT_OVERHEAD} per waiting segment, so a flood of one-byte segments is bounded too. A direction
 * whose framing is impossible, or that outgrows its bound, is abandoned with a warning until its next SYN.
 */
final class TcpStreams {
    private static final byte[] PREFIX = "IKETCP".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    /** Bytes charged per segment waiting ahead of a gap: the map entry and array header it costs. */
    static final int SEGMENT_OVERHEAD = 64;
    private static final int INITIAL_BUFFER = 2048;

    /** Receives complete messages. */
    interface Messages {
        void ike(Direction d, byte[] b, int at, int length, long frame, long nanos);

        void esp(Direction d, byte[] b, int at, int length, long frame, long nanos);
    }

    static final class Direction {
        final String src;
        final int srcPort;
        final String dst;
        final int dstPort;
        private boolean started;
        private boolean abandoned;
        private boolean prefixChecked;
        private int nextSeq;
        /** Stream offset of {@link #nextSeq}: sequence numbers wrap, offsets do not. */
        private long nextOffset;
        private byte[] buf = new byte[INITIAL_BUFFER];
        private int length;
        private final TreeMap<Long, byte[]> ahead = new TreeMap<>();
        private int aheadBytes;

        Direction(String src, int srcPort, String dst, int dstPort) {
            this.src = src;
            this.srcPort = srcPort;
            this.dst = dst;
            this.dstPort = dstPort;
        }

        /** What {@link #held()} was when last added to the total. */
        private long counted;

        /** Memory this direction holds: buffer capacity and waiting segments with their bookkeeping. */
        long held() {
            return buf.length + aheadBytes + (long) ahead.size() * SEGMENT_OVERHEAD;
        }

        private void reset() {
            buf = new byte[INITIAL_BUFFER];
            started = false;
            abandoned = false;
            prefixChecked = false;
            nextOffset = 0;
            length = 0;
            ahead.clear();
            aheadBytes = 0;
        }
    }

    private static final class Key {
        final byte[] addresses;
        final int ports;
        final int hash;

        Key(byte[] addresses, int srcPort, int dstPort) {
            this.addresses = addresses;
            this.ports = (srcPort << 16) | dstPort;
            this.hash = Arrays.hashCode(addresses) * 31 + ports;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.ports == ports && Arrays.equals(k.addresses, addresses);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final DecoderOptions options;
    private final Diagnostics diagnostics;
    private final Messages messages;
    /** Access order: the first entry is the least recently active direction. */
    private final LinkedHashMap<Key, Direction> directions = new LinkedHashMap<>(64, 0.75f, true);
    /** Sum of {@link Direction#held()} over {@link #directions}. */
    private long totalHeld;

    TcpStreams(DecoderOptions options, Diagnostics diagnostics, Messages messages) {
        this.options = options;
        this.diagnostics = diagnostics;
        this.messages = messages;
    }

    /**
     * One TCP segment on an RFC 8229 port.
     *
     * @param addressBytes source then destination address (copied by the caller)
     * @param complete     false when the capture cut the segment short: its bytes are a gap that never fills
     */
    void segment(byte[] addressBytes, String src, int srcPort, String dst, int dstPort, long seq, int flags,
                 byte[] b, int at, int length, boolean complete, long frame, long nanos) {
        Key key = new Key(addressBytes, srcPort, dstPort);
        if ((flags & RST) != 0) {
            closed(remove(key));
            closed(remove(reverse(addressBytes, srcPort, dstPort)));
            return;
        }
        Direction d = directions.get(key);
        if (d == null) {
            if (directions.size() >= options.maxTcpStreams()) {
                dropLeastRecent();
                abandon(null, frame, "tcp-limit", "more than " + options.maxTcpStreams()
                        + " TCP directions at once: the least recently active one was dropped");
            }
            d = new Direction(src, srcPort, dst, dstPort);
            directions.put(key, d);
            count(d);
        }
        process(d, key, flags, seq, b, at, length, complete, frame, nanos);
        if (directions.get(key) == d) { // not closed by this segment
            count(d);
        }
    }

    /** Brings {@link #totalHeld} up to date with what {@code d} holds now. */
    private void count(Direction d) {
        long now = d.held();
        totalHeld += now - d.counted;
        d.counted = now;
    }

    private void process(Direction d, Key key, int flags, long seq, byte[] b, int at, int length, boolean complete,
                         long frame, long nanos) {
        int dataSeq = (int) seq;
        if ((flags & SYN) != 0) {
            d.reset();
            d.started = true;
            d.nextSeq = dataSeq + 1;
            dataSeq++;
        } else if (!d.started) {
            d.started = true;
            d.nextSeq = dataSeq;
        }
        if (!d.abandoned && length > 0) {
            if (!complete) {
                abandon(d, frame, "tcp-snaplen", "frame " + frame + ": a TCP segment on port " + d.dstPort
                        + " was cut short by the capture's snapshot length; the rest of that stream cannot be read");
            } else {
                take(d, dataSeq, b, at, length, frame);
                if (!d.abandoned) {
                    cut(d, frame, nanos);
                }
            }
        }
        if ((flags & FIN) != 0 && d.ahead.isEmpty()) {
            // Bytes after a gap may still come (the FIN overtook them); otherwise the direction is done.
            closed(remove(key));
        }
    }

    private Direction remove(Key key) {
        Direction d = directions.remove(key);
        if (d != null) {
            totalHeld -= d.counted;
            d.counted = 0;
        }
        return d;
    }

    private void dropLeastRecent() {
        Iterator<Direction> oldest = directions.values().iterator();
        Direction d = oldest.next();
        oldest.remove();
        totalHeld -= d.counted;
        d.counted = 0;
    }

    /**
     * Makes room for {@code more} bytes in all directions together by dropping the least recently active ones
     * other than {@code d} (which is the most recent: the segment being placed is its).
     */
    private void makeRoomOverall(Direction d, long more, long frame) {
        count(d);
        while (totalHeld + more > options.maxTcpBytesTotal() && directions.size() > 1) {
            Direction oldest = directions.values().iterator().next();
            if (oldest == d) {
                return;
            }
            dropLeastRecent();
            abandon(null, frame, "tcp-total", "frame " + frame + ": TCP streams would together buffer more than "
                    + options.maxTcpBytesTotal() + " bytes; the least recently active ones were dropped (first "
                    + oldest.src + ":" + oldest.srcPort + " -> " + oldest.dst + ":" + oldest.dstPort + ")");
        }
    }

    /** Places a segment's bytes: in order they are appended, ahead of a gap they wait, behind they are dropped. */
    private void take(Direction d, int dataSeq, byte[] b, int at, int length, long frame) {
        int diff = dataSeq - d.nextSeq;
        if (diff < 0) {
            // In long: for a segment 2^31 behind, -diff overflows int (found by PacketDecoderFuzzTest).
            if (length <= -(long) diff) {
                return; // retransmission of bytes already taken
            }
            at -= diff;
            length += diff;
            diff = 0;
        }
        if (diff > 0) {
            if (!fits(d, length, frame)) {
                return;
            }
            long offset = d.nextOffset + diff;
            byte[] earlier = d.ahead.get(offset);
            if (earlier == null || earlier.length < length) {
                d.ahead.put(offset, Arrays.copyOfRange(b, at, at + length));
                d.aheadBytes += length - (earlier == null ? 0 : earlier.length);
            }
            return;
        }
        if (!fits(d, length, frame)) {
            return;
        }
        append(d, b, at, length);
        // Segments that waited for this gap may follow now.
        while (!d.ahead.isEmpty()) {
            Map.Entry<Long, byte[]> first = d.ahead.firstEntry();
            long gap = first.getKey() - d.nextOffset;
            if (gap > 0) {
                break;
            }
            d.ahead.pollFirstEntry();
            byte[] bytes = first.getValue();
            d.aheadBytes -= bytes.length;
            if (-gap < bytes.length) {
                append(d, bytes, (int) -gap, bytes.length - (int) -gap);
            }
        }
    }

    private boolean fits(Direction d, int length, long frame) {
        makeRoomOverall(d, length + SEGMENT_OVERHEAD, frame);
        long held = (long) d.length + d.aheadBytes + (long) d.ahead.size() * SEGMENT_OVERHEAD;
        if (held + length + SEGMENT_OVERHEAD <= options.maxBytesPerTcpStream()) {
            return true;
        }
        abandon(d, frame, "tcp-buffer", "frame " + frame + ": TCP stream " + d.src + ":" + d.srcPort + " -> " + d.dst
                + ":" + d.dstPort + " would buffer more than " + options.maxBytesPerTcpStream()
                + " bytes (a gap that never fills?); it is no longer read");
        return false;
    }

    private void append(Direction d, byte[] b, int at, int length) {
        int need = d.length + length;
        if (need > d.buf.length) {
            // Doubling, but never past the per-direction bound: capacity is what the bounds count.
            d.buf = Arrays.copyOf(d.buf, Math.max(need, Math.min(d.buf.length * 2, options.maxBytesPerTcpStream())));
        }
        System.arraycopy(b, at, d.buf, d.length, length);
        d.length += length;
        d.nextSeq += length;
        d.nextOffset += length;
    }

    /** Cuts complete RFC 8229 messages off the front of the in-order bytes. */
    private void cut(Direction d, long frame, long nanos) {
        byte[] buf = d.buf;
        int at = 0;
        if (!d.prefixChecked) {
            int n = Math.min(d.length, PREFIX.length);
            if (!Arrays.equals(buf, 0, n, PREFIX, 0, n)) {
                d.prefixChecked = true; // the responder's direction, or a capture that began mid-stream
            } else if (n == PREFIX.length) {
                d.prefixChecked = true;
                at = PREFIX.length;
            } else {
                return; // too few bytes yet to tell
            }
        }
        while (d.length - at >= 2) {
            int messageLength = Bytes.u16(buf, at);
            if (messageLength < 6) {
                abandon(d, frame, "tcp-framing", "frame " + frame + ": TCP stream " + d.src + ":" + d.srcPort + " -> "
                        + d.dst + ":" + d.dstPort + " has an RFC 8229 length of " + messageLength
                        + " (at least 6 needed); the rest of that stream is not read");
                return;
            }
            if (d.length - at < messageLength) {
                break;
            }
            int body = at + 2;
            int bodyLength = messageLength - 2;
            if (Bytes.i32(buf, body) == 0) {
                messages.ike(d, buf, body + 4, bodyLength - 4, frame, nanos);
            } else {
                messages.esp(d, buf, body, bodyLength, frame, nanos);
            }
            at += messageLength;
        }
        if (at > 0) {
            System.arraycopy(buf, at, buf, 0, d.length - at);
            d.length -= at;
        }
        // Give back a buffer a large message grew once it is mostly empty, so idle directions hold little.
        if (d.buf.length > INITIAL_BUFFER && d.length < d.buf.length / 4) {
            d.buf = Arrays.copyOf(d.buf, Math.max(INITIAL_BUFFER, d.length * 2));
        }
    }

    private void abandon(Direction d, long frame, String kind, String message) {
        if (d != null) {
            d.abandoned = true;
            d.length = 0;
            d.buf = new byte[INITIAL_BUFFER];
            d.ahead.clear();
            d.aheadBytes = 0;
        }
        diagnostics.counters.tcpStreamsDropped++;
        diagnostics.warnOnce(kind, message);
    }

    private static Key reverse(byte[] addresses, int srcPort, int dstPort) {
        int half = addresses.length / 2;
        byte[] swapped = new byte[addresses.length];
        System.arraycopy(addresses, half, swapped, 0, half);
        System.arraycopy(addresses, 0, swapped, half, half);
        return new Key(swapped, dstPort, srcPort);
    }

    /** A direction ends (FIN, RST, end of capture): say so if it still holds part of a message or a gap. */
    private void closed(Direction d) {
        if (d != null && !d.abandoned && (d.length > 0 || !d.ahead.isEmpty())) {
            diagnostics.warnOnce("tcp-incomplete", "TCP stream " + d.src + ":" + d.srcPort + " -> " + d.dst + ":"
                    + d.dstPort + " ends with an incomplete RFC 8229 message or a gap");
        }
    }

    /** Reports directions that still hold part of a message when the capture ends. */
    void finish() {
        directions.values().forEach(this::closed);
        directions.clear();
        totalHeld = 0;
    }

    /** No direction is followed: nothing a later capture file could continue. */
    boolean isIdle() {
        return directions.isEmpty();
    }

    /** Memory held by all directions (for tests of the bounds). */
    long held() {
        return totalHeld;
    }
}
