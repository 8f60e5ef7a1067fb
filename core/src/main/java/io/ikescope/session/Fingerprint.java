package io.ikescope.session;

import java.util.List;

/**
 * Which implementation a peer runs, as far as the capture tells, with the evidence.
 *
 * @param name     the implementation ("strongSwan", "libreswan", "Cisco IOS" ...), or null when nothing names one
 * @param version  its version when a vendor ID encodes one, else null
 * @param basis    {@link #VENDOR_ID} when a product's vendor ID names it (strong, but sending it can be configured off
 *                 and anyone can send any ID), {@link #RETRANSMISSIONS} when only the timing of its retransmissions
 *                 resembles a default (an inference: timers are configurable), null when no name follows
 * @param evidence each observation in words, with its frame ("vendor ID 'strongSwan 5.9.8' in frame 1",
 *                 "retransmissions of frame 1 at +1.0 s, +2.4 s (waits 1.0 s, 1.4 s): geometric, base 1.4:
 *                 strongSwan-like ..."); never empty
 */
public record Fingerprint(String name, String version, String basis, List<String> evidence) {
    public static final String VENDOR_ID = "vendor-id";
    public static final String RETRANSMISSIONS = "retransmissions";

    public Fingerprint {
        evidence = List.copyOf(evidence);
    }

    /** True unless a vendor ID names the implementation. */
    public boolean inferred() {
        return !VENDOR_ID.equals(basis);
    }

    /** "strongSwan 5.9.8 (vendor ID)", "strongSwan-like (retransmissions)", "unknown". */
    public String describe() {
        if (name == null) {
            return "unknown";
        }
        String who = version == null ? name : name + " " + version;
        return VENDOR_ID.equals(basis) ? who + " (vendor ID)" : who + "-like (" + basis + ", inferred)";
    }
}
