package io.ikescope.crypto;

import io.ikescope.wire.CiscoFragmentPayload;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reassembles IKEv1 fragmentation (payload 132, Cisco's scheme that strongSwan also speaks): each fragment carries
 * a piece of a whole ISAKMP message (header and encrypted body), the last one flagged. Bounded like
 * {@link SkfReassembly}: fragment numbers up to {@link #MAX_FRAGMENTS}, {@link #MAX_PENDING} messages and
 * {@link #MAX_BYTES} bytes pending per SA.
 */
final class Ikev1Fragments {
    static final int MAX_FRAGMENTS = 64;
    static final int MAX_PENDING = 4;
    static final int MAX_BYTES = 128 * 1024;

    private static final class Pending {
        final TreeMap<Integer, byte[]> pieces = new TreeMap<>();
        int last = -1;
        int bytes;
    }

    private final Map<Integer, Pending> pending = new LinkedHashMap<>();
    private int bytes;

    /** Adds a fragment; returns the whole message once every piece up to the last is there, else null. */
    byte[] add(CiscoFragmentPayload f) {
        int number = f.fragmentNumber();
        if (number < 1 || number > MAX_FRAGMENTS) {
            return null;
        }
        Pending p = pending.get(f.fragmentId());
        if (p == null) {
            p = new Pending();
            pending.put(f.fragmentId(), p);
            while (pending.size() > MAX_PENDING) {
                drop(pending.keySet().iterator().next());
            }
        }
        if (p.pieces.containsKey(number) || bytes + f.data().length() > MAX_BYTES) {
            return null;
        }
        byte[] data = f.data().toArray();
        p.pieces.put(number, data);
        p.bytes += data.length;
        bytes += data.length;
        if (f.last()) {
            p.last = number;
        }
        if (p.last < 0 || p.pieces.size() != p.last || p.pieces.lastKey() != p.last) {
            return null;
        }
        byte[] whole = new byte[p.bytes];
        int pos = 0;
        for (byte[] piece : p.pieces.values()) {
            System.arraycopy(piece, 0, whole, pos, piece.length);
            pos += piece.length;
        }
        drop(f.fragmentId());
        return whole;
    }

    private void drop(int id) {
        Pending p = pending.remove(id);
        if (p != null) {
            bytes -= p.bytes;
        }
    }
}
