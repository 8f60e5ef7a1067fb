package io.ikescope.probe.ikev1;

/**
 * What an IKEv1 probe does beyond Main Mode.
 *
 * @param aggressive       send one Aggressive Mode AM1 after Main Mode
 * @param id               the AM1's identity (IPv4/IPv6 literal, user@fqdn or FQDN); null: the local address
 * @param fingerprint      leave one accepted MM1 unanswered and time the responder's retransmissions of its MM2
 * @param fingerprintNanos how long to collect those retransmissions (the run's time bound still applies)
 * @param blockedWaitNanos how long to wait, once, when the target stops answering after earlier answers (a limit
 *                         of half-open SAs per address: strongSwan's half_open_timeout defaults to 30 s)
 */
public record Ikev1Options(boolean aggressive, String id, boolean fingerprint, long fingerprintNanos,
                           long blockedWaitNanos) {
    public static final long DEFAULT_FINGERPRINT_NANOS = 40_000_000_000L;
    public static final long DEFAULT_BLOCKED_WAIT_NANOS = 35_000_000_000L;

    public Ikev1Options {
        if (fingerprintNanos < 0 || blockedWaitNanos < 0) {
            throw new IllegalArgumentException("fingerprint time and blocked wait cannot be negative");
        }
    }

    public static Ikev1Options defaults() {
        return new Ikev1Options(false, null, false, DEFAULT_FINGERPRINT_NANOS, DEFAULT_BLOCKED_WAIT_NANOS);
    }
}
