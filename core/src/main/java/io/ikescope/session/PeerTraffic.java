package io.ikescope.session;

/**
 * Counts IPsec packets of one protocol (ESP or AH) between a negotiation's peers by direction while it is live,
 * remembering the first frame each way; becomes an {@link EspTally}. Mutable; owned by one negotiation.
 */
final class PeerTraffic {
    private long toResponder;
    private long toInitiator;
    private long firstToResponder = -1;
    private long firstToInitiator = -1;

    void add(Role to, long frame) {
        if (to == Role.RESPONDER) {
            toResponder++;
            if (firstToResponder < 0) {
                firstToResponder = frame;
            }
        } else {
            toInitiator++;
            if (firstToInitiator < 0) {
                firstToInitiator = frame;
            }
        }
    }

    EspTally tally() {
        return new EspTally(toResponder, toInitiator, firstToResponder, firstToInitiator);
    }
}
