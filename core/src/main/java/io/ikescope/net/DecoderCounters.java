package io.ikescope.net;

/**
 * What the decoder has seen so far.
 *
 * @param frames                   frames given to {@link PacketDecoder#accept} or counted by {@link PacketDecoder#skip}
 * @param ikeMessages              IKE messages handed to the sink
 * @param espPackets               ESP packets handed to the sink
 * @param icmpUnreachable          ICMP destination-unreachable errors quoting an IKE datagram, handed to the sink
 * @param unknownLinkType          frames of a link type the decoder does not read
 * @param malformed                packets skipped because a link, IP, UDP or TCP header was invalid or cut short
 * @param notIke                   payloads on an IKE port that tshark would not dissect as ISAKMP either
 *                                 (shorter than the 28-byte header, or a header length below 28)
 * @param natKeepalives            NAT-T keepalives (one 0xff byte on port 4500), ignored
 * @param datagramsReassembled     IP datagrams rebuilt from fragments
 * @param datagramsIncomplete      fragmented datagrams dropped incomplete (timeout, limit, end of capture)
 * @param fragmentsUnusable        fragments that could not be used (cut by snaplen, beyond 64 KiB)
 * @param fragmentOverlapConflicts fragments overlapping earlier ones with different bytes (the earlier bytes win)
 * @param tcpStreamsDropped        RFC 8229 TCP directions abandoned (limits, gaps, framing errors)
 * @param ahPackets                AH packets handed to the sink (last so that the earlier positions stay)
 * @param firstFrameNanos          capture time of the first frame, {@link #NO_FRAME} when there was none
 * @param lastFrameNanos           capture time of the last frame, {@link #NO_FRAME} when there was none (where a
 *                                 rotated series of files joins: the next file must not begin before it)
 */
public record DecoderCounters(long frames, long ikeMessages, long espPackets, long icmpUnreachable,
                              long unknownLinkType, long malformed, long notIke, long natKeepalives,
                              long datagramsReassembled, long datagramsIncomplete, long fragmentsUnusable,
                              long fragmentOverlapConflicts, long tcpStreamsDropped, long ahPackets,
                              long firstFrameNanos, long lastFrameNanos) {
    public static final long NO_FRAME = Long.MIN_VALUE;
}
