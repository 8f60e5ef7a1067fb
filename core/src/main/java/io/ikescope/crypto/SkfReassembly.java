package io.ikescope.crypto;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the decrypted content of IKEv2 SKF fragments (RFC 7383) per message of one SA until every fragment
 * is there, then gives the whole inner payload chain. Bounded: a total above {@link #MAX_FRAGMENTS} is refused,
 * at most {@link #MAX_PENDING_MESSAGES} messages are pending (the oldest is dropped) and at most
 * {@link #MAX_PENDING_BYTES} bytes are held. Storage grows with the fragments that arrived, never with the
 * total a fragment claims.
 */
final class SkfReassembly {
    static final int MAX_FRAGMENTS = 128;
    static final int MAX_PENDING_MESSAGES = 8;
    static final int MAX_PENDING_BYTES = 256 * 1024;

    /** The reassembled plaintext and the type of its first payload (from fragment 1). */
    record Whole(int firstPayloadType, byte[] content, int fragments) {
    }

    /** Identifies one fragmented message: its message ID, sender and request/response direction. */
    private record MessageKey(long messageId, boolean fromOriginalInitiator, boolean response) {
        // equals and hashCode written out with the generated ones' results: those are linked through invokedynamic
        // at their first call, milliseconds of a short run (RecordMethodsTest)
        @Override
        public boolean equals(Object o) {
            return o instanceof MessageKey k && k.messageId == messageId && k.fromOriginalInitiator == fromOriginalInitiator
                    && k.response == response;
        }

        @Override
        public int hashCode() {
            return (Long.hashCode(messageId) * 31 + Boolean.hashCode(fromOriginalInitiator)) * 31
                    + Boolean.hashCode(response);
        }
    }

    private static final class Pending {
        final int total;
        int firstPayloadType = -1;
        int bytes;
        final TreeMap<Integer, byte[]> fragments = new TreeMap<>();

        Pending(int total) {
            this.total = total;
        }
    }

    private final Map<MessageKey, Pending> pending = new LinkedHashMap<>();
    private int pendingBytes;

    /**
     * Adds fragment {@code number} of {@code total}; returns the whole message when this completes it, else null.
     *
     * @throws DecryptFailure when the numbers are impossible or the bounds are exceeded
     */
    Whole add(long messageId, boolean fromOriginalInitiator, boolean response, int number, int total,
              int nextPayload, byte[] content) throws DecryptFailure {
        if (total < 1 || number < 1 || number > total) {
            throw new DecryptFailure("fragment number " + number + " of " + total + " is impossible");
        }
        if (total > MAX_FRAGMENTS) {
            throw new DecryptFailure("a message in " + total + " fragments exceeds the limit of " + MAX_FRAGMENTS);
        }
        MessageKey key = new MessageKey(messageId, fromOriginalInitiator, response);
        Pending p = pending.get(key);
        if (p != null && p.total != total) { // refragmented retransmission: start over (RFC 7383 section 2.6)
            drop(key);
            p = null;
        }
        if (p == null) {
            p = new Pending(total);
            pending.put(key, p);
            while (pending.size() > MAX_PENDING_MESSAGES) {
                drop(pending.keySet().iterator().next());
            }
        }
        if (p.fragments.containsKey(number)) {
            return null; // a retransmitted fragment adds nothing
        }
        if (pendingBytes + content.length > MAX_PENDING_BYTES) {
            drop(key);
            throw new DecryptFailure("fragments pending reassembly exceed " + MAX_PENDING_BYTES + " bytes");
        }
        p.fragments.put(number, content);
        p.bytes += content.length;
        pendingBytes += content.length;
        if (number == 1) {
            p.firstPayloadType = nextPayload;
        }
        if (p.fragments.size() < total) {
            return null;
        }
        byte[] whole = new byte[p.bytes];
        int pos = 0;
        for (byte[] f : p.fragments.values()) {
            System.arraycopy(f, 0, whole, pos, f.length);
            pos += f.length;
        }
        int first = p.firstPayloadType;
        drop(key);
        return new Whole(first, whole, total);
    }

    private void drop(MessageKey key) {
        Pending p = pending.remove(key);
        if (p != null) {
            pendingBytes -= p.bytes;
        }
    }

    /** Fragments held now (for tests of the bounds). */
    int pendingFragments() {
        int n = 0;
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            n += it.next().fragments.size();
        }
        return n;
    }

    static byte[] copy(byte[] plaintext, int length) {
        return length == plaintext.length ? plaintext : Arrays.copyOf(plaintext, length);
    }
}
