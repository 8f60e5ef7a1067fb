package io.ikescope.wire;

/** Internal signal that a structure inside a payload does not fit its bytes; the decoder turns it into an error text. */
final class MalformedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int offset;
    private final transient Payload partial;

    MalformedException(int offset, String message) {
        this(offset, message, null);
    }

    MalformedException(int offset, String message, Payload partial) {
        super(message, null, false, false);
        this.offset = offset;
        this.partial = partial;
    }

    /** The payload as far as it was decoded, or null. */
    Payload partial() {
        return partial;
    }

    int offset() {
        return offset;
    }
}
