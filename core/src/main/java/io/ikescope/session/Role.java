package io.ikescope.session;

/** The two peers of a negotiation; the initiator sent its first message. */
public enum Role {
    INITIATOR("initiator"),
    RESPONDER("responder");

    private final String jsonName;

    Role(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public Role other() {
        return this == INITIATOR ? RESPONDER : INITIATOR;
    }
}
