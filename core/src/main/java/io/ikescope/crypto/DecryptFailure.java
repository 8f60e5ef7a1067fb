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
}
