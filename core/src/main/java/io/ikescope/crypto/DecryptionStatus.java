package io.ikescope.crypto;

/** The contract's per-message {@code decryption} value (cli-and-json.md). */
public enum DecryptionStatus {
    /** Nothing in the message is encrypted. */
    NONE("none"),
    /** Decrypted, and verified: AEAD tag or integrity checksum (IKEv2), padding and a clean payload chain (IKEv1). */
    OK("ok"),
    /** Keys were found for the SA but the message does not verify or decrypt with them; the reason says why. */
    FAILED("failed"),
    /** Encrypted, and no key set belongs to its SA. */
    NO_KEYS("no_keys");

    private final String contractName;

    DecryptionStatus(String contractName) {
        this.contractName = contractName;
    }

    public String contractName() {
        return contractName;
    }
}
