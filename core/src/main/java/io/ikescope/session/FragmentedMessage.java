package io.ikescope.session;

import io.ikescope.crypto.DecryptionStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fragments of one fragmented message (IKEv2 RFC 7383 SKF, IKEv1 payload 132) while a negotiation is read:
 * which numbers arrived, whether they make the whole message, and which record stands for it (its first fragment
 * in the capture until the one that completes it arrives). Holds only numbers and record positions, no bytes.
 */
final class FragmentedMessage {
    private final Set<Integer> numbers = new HashSet<>();
    /** IKEv2: the total every fragment states; IKEv1: the number of the fragment flagged last, or -1 until seen. */
    private int total = -1;
    private boolean complete;
    /** Frame of the record standing for the message. */
    private long standing;
    private boolean standingEncrypted;
    private DecryptionStatus standingDecryption = DecryptionStatus.NONE;
    /** Counted in the negotiation's decryption summary (once, when it completed). */
    private boolean counted;
    /** IKEv1: the encryption flag of the carried message's header (read from fragment 1), null until known. */
    Boolean carriesEncrypted;
    /** Positions of its kept records: index in the negotiation's messages, index in its exchange's messages. */
    final List<int[]> kept = new ArrayList<>();

    /**
     * Adds one fragment's number; true when it completes the message (every number from 1 to the total is there).
     * A fragment of a message already complete (retransmitted, duplicated) completes nothing.
     */
    boolean add(FragmentInfo fragment) {
        if (fragment.total() > 0) {
            total = fragment.total();
        }
        numbers.add(fragment.number());
        if (complete || total < 1) {
            return false;
        }
        for (int i = 1; i <= total; i++) {
            if (!numbers.contains(i)) {
                return false;
            }
        }
        complete = true;
        return true;
    }

    boolean complete() {
        return complete;
    }

    void stand(long frame, boolean encrypted, DecryptionStatus decryption) {
        standing = frame;
        standingEncrypted = encrypted;
        standingDecryption = decryption;
    }

    long standing() {
        return standing;
    }

    boolean standingEncrypted() {
        return standingEncrypted;
    }

    DecryptionStatus standingDecryption() {
        return standingDecryption;
    }

    /** True the first time only: the message is to be counted in the decryption summary now. */
    boolean countOnce() {
        if (counted) {
            return false;
        }
        counted = true;
        return true;
    }
}
