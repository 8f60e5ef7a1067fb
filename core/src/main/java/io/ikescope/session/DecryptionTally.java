package io.ikescope.session;

import io.ikescope.crypto.DecryptionStatus;
import java.util.Collection;

/** How many of a negotiation's encrypted messages were decrypted; summarised for {@link Negotiation#decryption()}. */
final class DecryptionTally {
    private int encrypted;
    private int decrypted;
    private int failed;

    void count(boolean isEncrypted, DecryptionStatus decryption) {
        if (isEncrypted) {
            encrypted++;
            if (decryption == DecryptionStatus.OK) {
                decrypted++;
            } else if (decryption == DecryptionStatus.FAILED) {
                failed++;
            }
        }
    }

    /** none, ok, partial, failed or no_keys; a fragmented message that never completed counts as its first piece. */
    String summary(Collection<FragmentedMessage> fragmented) {
        int allEncrypted = encrypted;
        int allDecrypted = decrypted;
        int allFailed = failed;
        for (FragmentedMessage f : fragmented) {
            if (!f.complete() && f.standingEncrypted()) { // never completed: counted once, as its first fragment
                allEncrypted++;
                allDecrypted += f.standingDecryption() == DecryptionStatus.OK ? 1 : 0;
                allFailed += f.standingDecryption() == DecryptionStatus.FAILED ? 1 : 0;
            }
        }
        if (allEncrypted == 0) {
            return "none";
        }
        if (allDecrypted == allEncrypted) {
            return "ok";
        }
        if (allDecrypted > 0) {
            return "partial";
        }
        return allFailed > 0 ? "failed" : "no_keys";
    }
}
