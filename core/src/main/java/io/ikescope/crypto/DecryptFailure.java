package io.ikescope.crypto;

/**
 * Why one message could not be decrypted (wrong key, bad padding, unknown algorithm...). A checked exception
 * without a stack trace: it is an expected outcome on wrong keys, and its message is shown to the user.
 */
final class DecryptFailure extends Exception {
    private static final long serialVersionUID = 1L;

    DecryptFailure(String reason) {
        super(reason, null, false, false);
    }

    /** The SK payload's encrypted data cannot even hold the IV and ICV of its cipher. */
    static DecryptFailure tooShort(String name, int have, int need) {
        return new DecryptFailure(name + ": the encrypted data is " + have + " bytes, shorter than the " + need
                + " bytes of IV and ICV");
    }
}
