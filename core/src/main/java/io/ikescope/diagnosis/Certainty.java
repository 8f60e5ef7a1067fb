package io.ikescope.diagnosis;

/** How a verdict is known; {@link #jsonName()} is the contract's value. */
public enum Certainty {
    /** A cleartext or decrypted message says so. */
    CONFIRMED("confirmed"),
    /** From timing, sizes, retransmissions and which messages were sent. */
    INFERRED("inferred");

    private final String jsonName;

    Certainty(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
