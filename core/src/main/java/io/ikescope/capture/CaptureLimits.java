package io.ikescope.capture;

/**
 * Sanity bounds on lengths read from a capture file, checked before anything is buffered or skipped.
 * A length beyond them means a corrupt file, not a real packet, and ends the read with a {@link CaptureException}.
 */
public final class CaptureLimits {
    /**
     * Largest captured packet accepted: 256 KiB, the largest snaplen tcpdump and dumpcap use and
     * Wireshark's own limit for ordinary link types.
     */
    public static final int MAX_PACKET = 262_144;

    /** Largest pcapng block that is parsed in memory (a packet block with room for its options). */
    public static final int MAX_PARSED_BLOCK = MAX_PACKET + 65_536;

    /** Largest pcapng block skipped unread (name resolution, statistics, custom and unknown blocks). */
    public static final int MAX_SKIPPED_BLOCK = 64 << 20;

    /**
     * Interfaces one pcapng section may describe (each costs a little memory until the next section): 65536, far
     * beyond any capturing host, while a corrupt file of tiny interface blocks would otherwise grow without end.
     */
    public static final int MAX_INTERFACES = 65_536;

    private CaptureLimits() {
    }
}
