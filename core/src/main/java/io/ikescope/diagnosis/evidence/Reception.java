package io.ikescope.diagnosis.evidence;

/** Did the peer receive a request? What the capture says, strongest first. */
public enum Reception {
    /** The exchange's answer came back. */
    ANSWERED("answered"),
    /**
     * No answer, but the peer sent something right after a copy of the request, faster than any retransmission
     * timer would: an error notify, an Informational, an earlier answer re-sent. It received the request and did
     * not accept it.
     */
    REACTED("reacted to"),
    /** An ICMP error quotes a copy of the request: it was not delivered to an IKE daemon. */
    REFUSED_BY_ICMP("refused with ICMP"),
    /** Silence after every copy, while the capture went on long enough for an answer to come. */
    UNANSWERED("never answered"),
    /** The capture ends too soon after the request to tell. */
    PENDING("not answered before the capture ends");

    private final String words;

    Reception(String words) {
        this.words = words;
    }

    /** "answered", "reacted to": reads after "the responder ...". */
    public String words() {
        return words;
    }

    /** The peer's daemon evidently got the request. */
    public boolean received() {
        return this == ANSWERED || this == REACTED;
    }
}
