package io.ikescope.config;

/** Something read but not understood or not used (an unknown keyword, a second authentication round). */
public record ConfigWarning(Origin origin, String message) {

    @Override
    public String toString() {
        return origin + ": " + message;
    }
}
