package io.ikescope.crypto;

/**
 * An IKEv2 integrity transform bound to one key (SK_ai or SK_ar): checks the ICV at the end of a message.
 * Instances keep their MAC state and are reused message after message (not thread-safe).
 */
interface Integrity {

    /** Bytes of checksum at the end of the Encrypted payload. */
    int icvLength();

    /** False for a key source's "no checking" rows: the ICV is stripped, not checked. */
    boolean checks();

    /** Readable name for messages, e.g. "HMAC-SHA2-256-128". */
    String name();

    /**
     * True when the ICV at {@code data[icvOffset, icvOffset+icvLength())} is the checksum of
     * {@code data[0, icvOffset)} (the message from its IKE header up to the ICV).
     */
    boolean verify(byte[] data, int icvOffset);
}
