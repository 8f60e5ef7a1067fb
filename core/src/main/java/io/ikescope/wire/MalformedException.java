package io.ikescope.wire;

/** Internal signal that a structure inside a payload does not fit its bytes; the decoder turns it into an error text. */
final class MalformedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    MalformedException(int offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
    }

    int offset() {
        return offset;
    }
}
