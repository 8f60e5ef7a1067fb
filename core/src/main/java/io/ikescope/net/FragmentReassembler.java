package io.ikescope.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds IPv4 and IPv6 datagrams from their fragments.
 *
 * <p>Fragments are keyed by (IP version, source, destination, identification, and for IPv4 the protocol), may
 * arrive in any order and may repeat. Where fragments overlap the bytes that arrived first are kept (a later
 * fragment only fills holes), and overlapping bytes that differ are reported once as a warning - the same
 * data Wireshark would flag as an overlap conflict. A datagram completes in the frame whose fragment fills
 * its last hole, which is the frame tshark shows the reassembled packet in.
 *
 * <p>State is bounded: at most {@code maxPendingDatagrams} incomplete datagrams holding at most
 * {@code maxPendingBytes} fragment bytes, each stored piece charged {@link #PIECE_OVERHEAD} bytes more for its
 * bookkeeping (so a flood of tiny fragments is bounded like a few large ones), and at most
 * {@link #MAX_PIECES} pieces per datagram (which also bounds the work per fragment). An incomplete datagram is
 * dropped (with a warning) when a limit needs room, when it has too many pieces, or once it is older than the
 * timeout in capture time or in frames.
 */
final class FragmentReassembler {
    /** Largest IP payload a fragment set may describe: the 16-bit total length of an IPv4 datagram / IPv6 payload. */
    static final int MAX_DATAGRAM = 65_535;
    /** Bytes charged per stored piece: its record, array header and list slot. */
    static final int PIECE_OVERHEAD = 64;
    /**
     * Pieces kept per datagram. A 64 KiB datagram cut for the smallest IPv4 MTU (68 bytes: 48-byte fragments) has
     * 1366; real ones have a few dozen. More means fragments crafted to cost work, and the datagram is dropped.
     */
    static final int MAX_PIECES = 2048;

    private record Piece(int offset, byte[] bytes) {
        int end() {
            return offset + bytes.length;
        }
    }

    private static final class Key {
        final int version;
        final byte[] addresses;
        final long id;
        final int protocol;
        final int hash;

        Key(int version, byte[] addresses, long id, int protocol) {
            this.version = version;
            this.addresses = addresses;
            this.id = id;
            this.protocol = protocol;
            this.hash = (Arrays.hashCode(addresses) * 31 + Long.hashCode(id)) * 31 + protocol * 7 + version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && k.id == id && k.protocol == protocol
                    && Arrays.equals(k.addresses, addresses);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final class Pending {
        final long firstFrame;
        final long firstNanos;
        final List<Piece> pieces = new ArrayList<>(4);
        int totalLength = -1;
        int bytes;
        int fragments;
        /** IPv6: the next-header value of the fragment at offset 0 (what follows the fragment header). */
        int firstNextHeader = -1;
        /** TTL / hop limit of the fragment at offset 0: the datagram's, as the sender's first hop left it. */
        int firstTtl = IkeDatagram.UNKNOWN_TTL;

        Pending(long firstFrame, long firstNanos) {
            this.firstFrame = firstFrame;
            this.firstNanos = firstNanos;
        }
    }

    /**
     * A reassembled datagram: the payload after the IP header(s), for IPv6 the header that starts it, and the TTL
     * (hop limit) of its first fragment.
     */
    record Datagram(byte[] payload, int nextHeader, int ttl) {
    }

    private final DecoderOptions options;
    private final Diagnostics diagnostics;
    private final Map<Key, Pending> pending = new LinkedHashMap<>();
    private long pendingBytes;

    /** Datagrams pending when the file before ended (see {@link #watchPending}), or null. */
    private Set<Key> watched;
    private boolean watchedTouched;
    /** How many of the watched datagrams are still pending (asked after every frame of a file carried into). */
    private int watchedPending;
    /**
     * The first pending datagram in insertion order, or null when not known since it was removed: most frames need
     * only its age to know that nothing expires (a lost fragment stays pending for up to 100,000 frames).
     */
    private Pending eldest;

    FragmentReassembler(DecoderOptions options, Diagnostics diagnostics) {
        this.options = options;
        this.diagnostics = diagnostics;
    }

    boolean isIdle() {
        return pending.isEmpty();
    }

    /**
     * Starts watching the datagrams pending now (left by the file before, when this reassembler goes on into the next
     * file of a series): whether a later fragment belongs to one of them, or anything else happens that a reassembler
     * without them would not have done alike (an eviction, an expiry while one of them is still pending).
     */
    void watchPending() {
        watched = new HashSet<>(pending.keySet());
        watchedPending = watched.size();
        watchedTouched = false;
    }

    /** Since {@link #watchPending}, the watched datagrams made a difference to what was reassembled. */
    boolean watchedTouched() {
        return watchedTouched;
    }

    /** None of the watched datagrams is pending any more (each was completed, expired or dropped). */
    boolean watchedResolved() {
        return watchedPending == 0;
    }

    /**
     * Adds one fragment.
     *
     * @param addresses    source then destination address bytes (copied by the caller; kept as the key)
     * @param protocol     IPv4 protocol (part of the key), or -1 for IPv6
     * @param nextHeader   IPv6 next header inside the fragment header (used from the offset-0 fragment)
     * @param length       the fragment's payload bytes, all captured (the caller checks)
     * @param ttl          the fragment's IPv4 TTL or IPv6 hop limit
     * @return the whole datagram when this fragment completed it, else null
     */
    Datagram add(int version, byte[] addresses, long id, int protocol, int nextHeader, int offset, boolean more,
                 byte[] data, int at, int length, long frame, long nanos, int ttl) {
        expire(frame, nanos);
        if (offset + length > MAX_DATAGRAM) {
            diagnostics.warnOnce("fragment-oversize", "frame " + frame + ": IP fragment at offset " + offset
                    + " with " + length + " bytes goes past the 65535-byte datagram limit; ignored");
            diagnostics.counters.fragmentsUnusable++;
            return null;
        }
        Key key = new Key(version, addresses, id, protocol);
        if (watched != null && watched.contains(key)) {
            watchedTouched = true;
        }
        makeRoom(length + PIECE_OVERHEAD, !pending.containsKey(key), frame);
        Pending p = pending.get(key);
        if (p == null) {
            // New, or evicted by makeRoom for being the oldest: start it afresh.
            p = new Pending(frame, nanos);
            pending.put(key, p);
            if (watched != null && watched.contains(key)) {
                watchedPending++;
            }
        }
        if (!more) {
            int end = offset + length;
            if (p.totalLength >= 0 && p.totalLength != end) {
                diagnostics.warnOnce("fragment-conflict", "frame " + frame
                        + ": IP fragments disagree on the datagram's length; the first-arrived last fragment is kept");
                diagnostics.counters.fragmentOverlapConflicts++;
            } else {
                p.totalLength = end;
            }
        }
        if (offset == 0) {
            p.firstNextHeader = nextHeader;
            p.firstTtl = ttl;
        }
        if (p.pieces.size() >= MAX_PIECES) {
            pending.remove(key);
            removed(key, p);
            diagnostics.counters.fragmentsUnusable++;
            dropped(key, p, "it came in more than " + MAX_PIECES + " pieces (the limit per datagram) at frame " + frame);
            return null;
        }
        p.fragments++;
        keepNewBytes(p, offset, data, at, length, frame);
        if (p.totalLength < 0 || !covered(p)) {
            return null;
        }
        pending.remove(key);
        removed(key, p);
        byte[] whole = new byte[p.totalLength];
        for (Piece piece : p.pieces) {
            int n = Math.min(piece.bytes.length, p.totalLength - piece.offset);
            if (n > 0) {
                System.arraycopy(piece.bytes, 0, whole, piece.offset, n);
            }
        }
        diagnostics.counters.datagramsReassembled++;
        return new Datagram(whole, p.firstNextHeader, p.firstTtl);
    }

    /** Stores only the parts of a fragment no earlier fragment covered; reports overlaps whose bytes differ. */
    private void keepNewBytes(Pending p, int offset, byte[] data, int at, int length, long frame) {
        int end = offset + length;
        boolean conflict = false;
        // Walk the holes of [offset, end) left by the existing pieces, sorted by offset.
        p.pieces.sort((a, b) -> Integer.compare(a.offset, b.offset));
        int cursor = offset;
        List<Piece> added = new ArrayList<>(2);
        for (Piece piece : p.pieces) {
            if (piece.end() <= cursor || piece.offset >= end) {
                if (piece.offset >= end) {
                    break;
                }
                continue;
            }
            if (piece.offset > cursor) {
                added.add(new Piece(cursor, Arrays.copyOfRange(data, at + cursor - offset, at + piece.offset - offset)));
            }
            int overlapStart = Math.max(cursor, piece.offset);
            int overlapEnd = Math.min(end, piece.end());
            if (!conflict && !Arrays.equals(piece.bytes, overlapStart - piece.offset, overlapEnd - piece.offset,
                    data, at + overlapStart - offset, at + overlapEnd - offset)) {
                conflict = true;
            }
            cursor = Math.max(cursor, piece.end());
            if (cursor >= end) {
                break;
            }
        }
        if (cursor < end) {
            added.add(new Piece(cursor, Arrays.copyOfRange(data, at + cursor - offset, at + length)));
        }
        for (Piece piece : added) {
            p.pieces.add(piece);
            p.bytes += piece.bytes.length + PIECE_OVERHEAD;
            pendingBytes += piece.bytes.length + PIECE_OVERHEAD;
        }
        if (conflict) {
            diagnostics.counters.fragmentOverlapConflicts++;
            diagnostics.warnOnce("fragment-overlap", "frame " + frame + ": overlapping IP fragments carry different"
                    + " bytes; the bytes that arrived first are kept");
        }
    }

    private static boolean covered(Pending p) {
        p.pieces.sort((a, b) -> Integer.compare(a.offset, b.offset));
        int reached = 0;
        for (Piece piece : p.pieces) {
            if (piece.offset > reached) {
                return false;
            }
            reached = Math.max(reached, piece.end());
            if (reached >= p.totalLength) {
                return true;
            }
        }
        return reached >= p.totalLength;
    }

    /** Drops datagrams whose first fragment is older than the timeout; called for every frame while any wait. */
    void expire(long frame, long nanos) {
        if (pending.isEmpty()) {
            return;
        }
        if (eldest == null) {
            eldest = pending.values().iterator().next();
        }
        if (!stale(eldest, frame, nanos)) {
            return; // what the loop below would find at its first datagram
        }
        Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Pending> e = it.next();
            Pending p = e.getValue();
            if (!stale(p, frame, nanos)) {
                break; // insertion order: the rest are younger
            }
            it.remove();
            removed(e.getKey(), p);
            if (watched != null && !watched.contains(e.getKey()) && !watchedResolved()) {
                watchedTouched = true; // a younger datagram expired before a watched one: timestamps out of order
            }
            dropped(e.getKey(), p, "no further fragment arrived within " + options.fragmentTimeoutNanos() / 1_000_000_000L
                    + " s / " + options.fragmentTimeoutFrames() + " frames");
        }
    }

    private void makeRoom(int incoming, boolean newDatagram, long frame) {
        Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext() && ((newDatagram && pending.size() >= options.maxPendingFragmentDatagrams())
                || pendingBytes + incoming > options.maxPendingFragmentBytes())) {
            Map.Entry<Key, Pending> e = it.next();
            Pending p = e.getValue();
            it.remove();
            removed(e.getKey(), p);
            if (watched != null) {
                watchedTouched = true; // the watched datagrams' bytes count against the limit
            }
            dropped(e.getKey(), p, "the reassembly limit (" + options.maxPendingFragmentDatagrams() + " datagrams, "
                    + options.maxPendingFragmentBytes() + " bytes) was reached at frame " + frame);
        }
    }

    /** Reports datagrams still incomplete when the capture ends. */
    void finish() {
        for (Map.Entry<Key, Pending> e : pending.entrySet()) {
            dropped(e.getKey(), e.getValue(), "the capture ended first");
        }
        pending.clear();
        pendingBytes = 0;
        eldest = null;
        watchedPending = 0;
    }

    private boolean stale(Pending p, long frame, long nanos) {
        return frame - p.firstFrame > options.fragmentTimeoutFrames()
                || nanos - p.firstNanos > options.fragmentTimeoutNanos();
    }

    /** After {@code key}'s datagram left the pending ones (completed, expired, dropped, evicted). */
    private void removed(Key key, Pending p) {
        pendingBytes -= p.bytes;
        if (p == eldest) {
            eldest = null;
        }
        if (watched != null && watched.contains(key)) {
            watchedPending--;
        }
    }

    private void dropped(Key key, Pending p, String why) {
        diagnostics.counters.datagramsIncomplete++;
        diagnostics.warnOnce("fragment-dropped", "IP fragments from frame " + p.firstFrame
                + " never formed a whole datagram: " + why);
        diagnostics.incomplete(describe(key, p));
    }

    /** What a diagnosis needs of a lost datagram: who sent it to whom, and the ports when the first fragment came. */
    private static IncompleteDatagram describe(Key key, Pending p) {
        int n = key.addresses.length / 2;
        String src = n == 4 ? AddressText.ipv4(key.addresses, 0) : AddressText.ipv6(key.addresses, 0);
        String dst = n == 4 ? AddressText.ipv4(key.addresses, n) : AddressText.ipv6(key.addresses, n);
        int protocol = key.version == 4 ? key.protocol : p.firstNextHeader;
        int srcPort = -1;
        int dstPort = -1;
        for (Piece piece : p.pieces) {
            if (piece.offset == 0 && piece.bytes.length >= 4 && (protocol == 17 || protocol == 6)) {
                srcPort = ((piece.bytes[0] & 0xFF) << 8) | (piece.bytes[1] & 0xFF);
                dstPort = ((piece.bytes[2] & 0xFF) << 8) | (piece.bytes[3] & 0xFF);
            }
        }
        return new IncompleteDatagram(p.firstFrame, p.firstNanos, src, dst, protocol, srcPort, dstPort, p.bytes,
                p.fragments);
    }
}
