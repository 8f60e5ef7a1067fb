package io.ikescope.crypto;

import java.util.ArrayList;
import java.util.List;

/** The per-message outcomes of one SA, as they happen; turned into an {@link SaOutcome} on request. */
final class OutcomeLog {
    private final int ikeVersion;
    private SpiPair pair;
    private final List<MessageOutcome> messages = new ArrayList<>();

    OutcomeLog(int ikeVersion, SpiPair pair) {
        this.ikeVersion = ikeVersion;
        this.pair = pair;
    }

    void rename(SpiPair newPair) {
        pair = newPair;
    }

    void add(MessageOutcome outcome) {
        messages.add(outcome);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    SaOutcome snapshot() {
        return new SaOutcome(ikeVersion, pair.spiI(), pair.spiR(), messages);
    }
}
