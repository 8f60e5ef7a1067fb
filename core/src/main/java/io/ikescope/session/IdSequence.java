package io.ikescope.session;

/** Hands out negotiation ids "1", "2", ... in order of first message; shared by the trackers of several captures. */
public final class IdSequence {
    private long next = 1;

    public String next() {
        return Long.toString(next++);
    }
}
