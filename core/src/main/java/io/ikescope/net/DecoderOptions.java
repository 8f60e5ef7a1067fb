package io.ikescope.net;

import java.util.Set;

/**
 * What the {@link PacketDecoder} treats as IKE and how much state it may keep.
 *
 * @param extraIkeUdpPorts           UDP ports carrying IKE like port 500 (from {@code --port}); 500 and 4500 are always examined
 * @param tcpPorts                   TCP ports carrying RFC 8229 IKE/ESP streams
 * @param maxPendingFragmentDatagrams IP datagrams awaiting more fragments at any one time
 * @param maxPendingFragmentBytes    fragment bytes held across all those datagrams, each stored piece charged
 *                                   64 bytes more for its bookkeeping
 * @param fragmentTimeoutNanos       capture time after its first fragment when an incomplete datagram is dropped
 * @param fragmentTimeoutFrames      frames after its first fragment when an incomplete datagram is dropped
 * @param maxTcpStreams              TCP directions tracked at once (least recently active dropped first)
 * @param maxBytesPerTcpStream       bytes buffered per TCP direction, in order and out of order together
 * @param maxTcpBytesTotal           bytes buffered by all TCP directions together, bookkeeping included (the least
 *                                   recently active directions are dropped to stay below it)
 */
public record DecoderOptions(Set<Integer> extraIkeUdpPorts, Set<Integer> tcpPorts, int maxPendingFragmentDatagrams,
                             long maxPendingFragmentBytes, long fragmentTimeoutNanos, long fragmentTimeoutFrames,
                             int maxTcpStreams, int maxBytesPerTcpStream, long maxTcpBytesTotal) {
    public static final int IKE_PORT = 500;
    public static final int NAT_T_PORT = 4500;

    public DecoderOptions {
        extraIkeUdpPorts = Set.copyOf(extraIkeUdpPorts);
        tcpPorts = Set.copyOf(tcpPorts);
        for (int port : extraIkeUdpPorts) {
            requirePort(port);
        }
        for (int port : tcpPorts) {
            requirePort(port);
        }
        requirePositive(maxPendingFragmentDatagrams, "maxPendingFragmentDatagrams");
        requirePositive(maxPendingFragmentBytes, "maxPendingFragmentBytes");
        requirePositive(fragmentTimeoutNanos, "fragmentTimeoutNanos");
        requirePositive(fragmentTimeoutFrames, "fragmentTimeoutFrames");
        requirePositive(maxTcpStreams, "maxTcpStreams");
        // A stream must hold at least one whole RFC 8229 message (a 16-bit length) to make progress.
        if (maxBytesPerTcpStream < 65_535) {
            throw new IllegalArgumentException("maxBytesPerTcpStream must be at least 65535, got " + maxBytesPerTcpStream);
        }
        if (maxTcpBytesTotal < maxBytesPerTcpStream) {
            throw new IllegalArgumentException("maxTcpBytesTotal (" + maxTcpBytesTotal
                    + ") must be at least maxBytesPerTcpStream (" + maxBytesPerTcpStream + ")");
        }
    }

    /**
     * No extra UDP ports, TCP 4500; 1024 pending datagrams holding at most 16 MiB, dropped after 30 s or
     * 100000 frames; 4096 TCP directions of at most 1 MiB each and 64 MiB together.
     */
    public static DecoderOptions defaults() {
        return new DecoderOptions(Set.of(), Set.of(NAT_T_PORT), 1024, 16L << 20, 30_000_000_000L, 100_000,
                4096, 1 << 20, 64L << 20);
    }

    /** The same options with these UDP ports also carrying IKE (the CLI's {@code --port}). */
    public DecoderOptions withExtraIkeUdpPorts(Set<Integer> ports) {
        return new DecoderOptions(ports, tcpPorts, maxPendingFragmentDatagrams, maxPendingFragmentBytes,
                fragmentTimeoutNanos, fragmentTimeoutFrames, maxTcpStreams, maxBytesPerTcpStream, maxTcpBytesTotal);
    }

    /** The same options with these TCP ports carrying RFC 8229 streams (an empty set turns TCP off). */
    public DecoderOptions withTcpPorts(Set<Integer> ports) {
        return new DecoderOptions(extraIkeUdpPorts, ports, maxPendingFragmentDatagrams, maxPendingFragmentBytes,
                fragmentTimeoutNanos, fragmentTimeoutFrames, maxTcpStreams, maxBytesPerTcpStream, maxTcpBytesTotal);
    }

    /** The same options with other reassembly bounds. */
    public DecoderOptions withFragmentLimits(int maxDatagrams, long maxBytes, long timeoutNanos, long timeoutFrames) {
        return new DecoderOptions(extraIkeUdpPorts, tcpPorts, maxDatagrams, maxBytes, timeoutNanos, timeoutFrames,
                maxTcpStreams, maxBytesPerTcpStream, maxTcpBytesTotal);
    }

    /** The same options with other TCP bounds (the total raised to the per-direction bound if below it). */
    public DecoderOptions withTcpLimits(int maxStreams, int maxBytesPerStream) {
        return withTcpLimits(maxStreams, maxBytesPerStream, Math.max(maxTcpBytesTotal, maxBytesPerStream));
    }

    /** The same options with other TCP bounds, the total included. */
    public DecoderOptions withTcpLimits(int maxStreams, int maxBytesPerStream, long maxBytesTotal) {
        return new DecoderOptions(extraIkeUdpPorts, tcpPorts, maxPendingFragmentDatagrams, maxPendingFragmentBytes,
                fragmentTimeoutNanos, fragmentTimeoutFrames, maxStreams, maxBytesPerStream, maxBytesTotal);
    }

    boolean isExtraIkePort(int port) {
        return extraIkeUdpPorts.contains(port);
    }

    private static void requirePort(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("not a port number: " + port);
        }
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
