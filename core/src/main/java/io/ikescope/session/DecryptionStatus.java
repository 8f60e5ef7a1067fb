package io.ikescope.session;

/** What became of one message's encrypted content; {@link #jsonName()} is the contract's value. */
public enum DecryptionStatus {
    /** Nothing in the message is encrypted. */
    NONE("none"),
    /** Decrypted; the inner payloads are in the message. */
    OK("ok"),
    /** Keys were known but the integrity or padding check failed. */
    FAILED("failed"),
    /** Encrypted and no keys were given for its IKE SA. */
    NO_KEYS("no_keys");

    private final String jsonName;

    DecryptionStatus(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
