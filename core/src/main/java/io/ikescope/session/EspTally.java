package io.ikescope.session;

/**
 * ESP (or, in {@link Negotiation#ah()}, AH) seen between the two peers' addresses while the negotiation was live,
 * whichever SPI it used (without keys the child SPIs are unknown, so this is how such traffic is tied to a
 * negotiation).
 *
 * @param firstToResponderFrame frame of the first packet from the initiator's address, or -1
 * @param firstToInitiatorFrame frame of the first packet from the responder's address, or -1
 */
public record EspTally(long toResponder, long toInitiator, long firstToResponderFrame, long firstToInitiatorFrame) {
    public static final EspTally NONE = new EspTally(0, 0, -1, -1);

    public boolean bothWays() {
        return toResponder > 0 && toInitiator > 0;
    }

    /** True when packets flowed both ways and both first packets came after {@code frame}. */
    public boolean bothWaysAfter(long frame) {
        return bothWays() && firstToResponderFrame > frame && firstToInitiatorFrame > frame;
    }
}
