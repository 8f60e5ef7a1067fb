package io.ikescope.probe.ikev1;

import io.ikescope.probe.ProbeSettings;
import io.ikescope.probe.fingerprint.BackoffFingerprint;
import io.ikescope.probe.fingerprint.Fingerprint;
import io.ikescope.probe.fingerprint.KnownLifetimes;
import io.ikescope.probe.net.Datagram;
import io.ikescope.probe.net.ProbeChannel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The timing fingerprint of an IKEv1 responder: one first message (MM1, or AM1 where Aggressive Mode answers)
 * that the probe never follows up. Two things are timed: the copies of its answer the responder sends on its own
 * timer (ike-scan's backoff method), and how long it keeps the half-open exchange: the same first message sent
 * again {@link #REPEAT_SECONDS} later gets the same answer (same responder cookie) while the exchange is kept, a
 * new one after. In the lab neither strongSwan 5.9.8 nor libreswan 4.10 re-sends an MM2 and libreswan no AM2,
 * but strongSwan drops the exchange after 30 s and libreswan keeps it longer. The repeat leaves one more half-open
 * SA on a responder that had dropped the first.
 */
final class Ikev1Backoff {
    /** After strongSwan's 30 s default half-open timeout, before libreswan's (over 35 s in the lab). */
    static final double REPEAT_SECONDS = 33;
    private static final double NANOS = 1e9;
    private static final int SPI_LENGTH = 8;

    private final ProbeChannel channel;
    private final ProbeSettings settings;
    private final List<String> problems;
    private final Consumer<Ikev1Answer> note;

    Ikev1Backoff(ProbeChannel channel, ProbeSettings settings, List<String> problems, Consumer<Ikev1Answer> note) {
        this.channel = channel;
        this.settings = settings;
        this.problems = problems;
        this.note = note;
    }

    /** @param what "MM1" or "AM1", for the report */
    Fingerprint.Backoff measure(byte[] request, String what, long windowNanos)
            throws IOException, InterruptedException {
        byte[] spi = Arrays.copyOf(request, SPI_LENGTH);
        Optional<Datagram> first = channel.ask(request, settings.tries(), settings.waitNanos());
        if (first.isEmpty()) {
            problems.add("the fingerprint's " + what + " was not answered: nothing to time");
            return null;
        }
        Ikev1Answer a = Ikev1Answer.of(first.get().ike());
        note.accept(a);
        if (a.kind() != Ikev1Answer.Kind.CHOSEN) {
            problems.add("the fingerprint's " + what + " was answered with " + (a.notifyName() == null ? a.kind()
                    : a.notifyName()) + ": nothing to time");
            return null;
        }
        byte[] cookie = responderCookie(first.get());
        long start = first.get().nanos();
        List<Long> times = new ArrayList<>(List.of(start));
        Double kept = null;
        Double goneBy = null;
        long repeatedAt = Long.MAX_VALUE;
        if (REPEAT_SECONDS * NANOS < windowNanos) {
            copies(spi, cookie, start + (long) (REPEAT_SECONDS * NANOS), times, repeatedAt);
            repeatedAt = channel.clock().nanoTime();
            if (channel.send(request)) {
                Optional<Datagram> again = channel.await(spi, channel.bound().deadlineIn(settings.waitNanos()));
                if (again.isEmpty()) {
                    problems.add("the fingerprint's " + what + " sent again after " + (int) REPEAT_SECONDS
                            + " s was not answered: the exchange's lifetime is not known");
                } else if (Arrays.equals(responderCookie(again.get()), cookie)) {
                    kept = REPEAT_SECONDS;
                } else {
                    goneBy = REPEAT_SECONDS;
                }
            }
        }
        copies(spi, cookie, start + windowNanos, times, repeatedAt);
        double window = (channel.clock().nanoTime() - start) / NANOS;
        if (window * NANOS < windowNanos * 0.99) {
            problems.add("the time bound cut the fingerprint's listening to " + Math.round(window) + " s");
        }
        Fingerprint.Backoff copies = BackoffFingerprint.read(times, Math.min(window, windowNanos / NANOS));
        return withLifetime(copies, what, kept, goneBy);
    }

    /**
     * The copies of the first answer (its responder cookie) arriving until {@code deadline}; answers within a wait
     * of the repeat answer the repeat (libreswan answered it twice in the lab), they are no timer's copies.
     */
    private void copies(byte[] spi, byte[] cookie, long deadline, List<Long> times, long repeatedAt)
            throws IOException {
        for (Datagram d : channel.collect(spi, deadline)) {
            boolean answersRepeat = d.nanos() >= repeatedAt && d.nanos() - repeatedAt <= settings.waitNanos();
            if (Arrays.equals(responderCookie(d), cookie) && !answersRepeat) {
                times.add(d.nanos());
            }
        }
    }

    private static byte[] responderCookie(Datagram d) {
        return Arrays.copyOfRange(d.ike(), SPI_LENGTH, 2 * SPI_LENGTH);
    }

    /** Adds the lifetime to the retransmission reading; a disagreement between the two names nobody. */
    static Fingerprint.Backoff withLifetime(Fingerprint.Backoff copies, String what, Double kept, Double goneBy) {
        if (kept == null && goneBy == null) {
            return copies;
        }
        String[] life = KnownLifetimes.match(kept == null ? 0 : kept, goneBy);
        StringBuilder d = new StringBuilder(copies.description());
        d.append("; the same ").append(what).append(' ').append((int) REPEAT_SECONDS).append(" s later got ")
                .append(goneBy == null ? "the same answer (the exchange was still kept)"
                        : "a new responder cookie (the exchange was gone)");
        String match = copies.match();
        if (life != null) {
            d.append(", as ").append(life[0]).append(" keeps it (").append(life[1]).append(')');
            if (match == null) {
                match = life[0];
            } else if (!match.equals(life[0])) {
                d.append("; the retransmissions fit ").append(match).append(" but the lifetime ").append(life[0])
                        .append(": no implementation is named");
                match = null;
            }
        }
        return new Fingerprint.Backoff(copies.intervalsSeconds(), match, d.toString(), kept, goneBy);
    }
}
