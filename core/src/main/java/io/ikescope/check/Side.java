package io.ikescope.check;

/** The two configurations given to {@code ikescope check A B}, in command-line order. */
public enum Side {
    A, B;

    public Side other() {
        return this == A ? B : A;
    }
}
