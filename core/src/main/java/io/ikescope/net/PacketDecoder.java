package io.ikescope.net;

import io.ikescope.capture.Frame;

/**
 * Finds IKE messages, ESP and AH packets in captured frames and hands them to a {@link PacketSink} in capture
 * order.
 *
 * <p>Path of a frame: link layer ({@link LinkLayer}: Ethernet with 802.1Q/802.1ad/QinQ tags, Linux cooked v1/v2,
 * raw IP, BSD loopback/NULL and OpenBSD LOOP) -> IPv4 or IPv6 ({@link IpLayer}: extension headers skipped,
 * fragments reassembled by {@link FragmentReassembler}, AH handed on, then what it protects decoded in turn) ->
 * UDP, TCP (RFC 8229, {@link TcpStreams}) or ESP ({@link TransportLayer}, which says what counts as IKE), or an
 * ICMP destination unreachable quoting an IKE datagram ({@link IcmpQuoteReader}). {@link IkePorts} decides for
 * UDP and for quoted UDP alike how the ports have the datagram read.
 *
 * <p>Nothing here throws for bad input: a malformed header skips the packet, counted in {@link #counters()}, and
 * each kind of problem is reported once through {@link PacketSink#onWarning}. Only IKE, ESP, AH and ICMP-error
 * results allocate; other frames are examined in place (the layers share one {@link CurrentFrame}, updated for
 * each frame). Not thread-safe: one decoder per capture.
 */
public final class PacketDecoder {
    private final Diagnostics diagnostics;
    private final CurrentFrame current;
    private final FragmentReassembler fragments;
    private final TransportLayer transport;
    private final LinkLayer link;
    private final Relay relay;

    public PacketDecoder(PacketSink sink, DecoderOptions options) {
        this.relay = new Relay(sink);
        sink = relay;
        this.diagnostics = new Diagnostics(sink);
        this.current = new CurrentFrame(diagnostics);
        this.fragments = new FragmentReassembler(options, diagnostics);
        IkePorts ikePorts = new IkePorts(options);
        this.transport = new TransportLayer(sink, options, diagnostics, current, ikePorts);
        IcmpQuoteReader icmp = new IcmpQuoteReader(sink, diagnostics, current, ikePorts);
        IpLayer ip = new IpLayer(sink, diagnostics, current, fragments, transport, icmp);
        this.link = new LinkLayer(sink, diagnostics, current, ip);
    }

    /** Decodes one frame; its bytes are not kept after this returns. */
    public void accept(Frame frame) {
        skip(frame.number(), frame.epochNanos());
        int at = frame.offset();
        int end = at + frame.capturedLength();
        // Where the packet would end had nothing been cut off (at least what was captured).
        long wireEnd = at + (long) Math.max(frame.originalLength(), frame.capturedLength());
        link.decode(frame.linkType(), frame.data(), at, end, wireEnd);
    }

    /**
     * Counts a frame {@link FrameTriage} ruled out, exactly as {@link #accept} would have handled it: its time still
     * counts (first and last frame, fragments waiting past their timeout). {@link #accept} begins with the same.
     */
    public void skip(long number, long nanos) {
        Diagnostics.Counters counters = diagnostics.counters;
        if (counters.frames++ == 0) {
            counters.firstFrameNanos = nanos;
        }
        counters.lastFrameNanos = nanos;
        current.start(number, nanos);
        if (!fragments.isIdle()) {
            fragments.expire(number, nanos);
        }
    }

    /**
     * Reports what is still incomplete at the end of the capture (fragments, TCP streams) and how often each
     * warning repeated. Call once after the last frame; decoding may not continue afterwards.
     */
    public void finish() {
        fragments.finish();
        transport.finish();
        diagnostics.finish();
    }

    /**
     * Whether a datagram or an RFC 8229 stream is still open, so that the capture file after this one (the next of a
     * rotated series) must be decoded by this decoder to complete it.
     */
    public boolean holdsPartialData() {
        return !fragments.isIdle() || !transport.tcpIdle();
    }

    /**
     * Going on into the next file: watches the datagrams still pending, so that {@link #leftoversSettled()} can say
     * when this decoder and one that began with the next file (its own scan) would decode the rest alike. False, and
     * nothing watched, when an RFC 8229 stream is open (a stream has no end in sight: the whole file is needed).
     */
    public boolean watchLeftovers() {
        if (!transport.tcpIdle()) {
            return false;
        }
        fragments.watchPending();
        return true;
    }

    /** The watched datagrams are all gone, and none of them made a difference to what was decoded since. */
    public boolean leftoversSettled() {
        return !fragments.watchedTouched() && fragments.watchedResolved();
    }

    /** One of the watched datagrams made a difference: the whole file must be decoded by this decoder. */
    public boolean leftoversTouched() {
        return fragments.watchedTouched();
    }

    /** Sends what the decoder finds from now on to {@code sink} (a decoder that continues into the next file). */
    public void redirect(PacketSink sink) {
        relay.target = sink;
    }

    /** Counts so far. */
    public DecoderCounters counters() {
        return diagnostics.snapshot();
    }

    /** The one sink every layer holds, so that it can be changed for all of them. */
    private static final class Relay implements PacketSink {
        PacketSink target;

        Relay(PacketSink target) {
            this.target = target;
        }

        @Override
        public void onIke(IkeDatagram message) {
            target.onIke(message);
        }

        @Override
        public void onEsp(EspPacket packet) {
            target.onEsp(packet);
        }

        @Override
        public void onAh(AhPacket packet) {
            target.onAh(packet);
        }

        @Override
        public void onWarning(String warning) {
            target.onWarning(warning);
        }

        @Override
        public void onIcmpUnreachable(IcmpUnreachable error) {
            target.onIcmpUnreachable(error);
        }

        @Override
        public void onIncompleteDatagram(IncompleteDatagram datagram) {
            target.onIncompleteDatagram(datagram);
        }
    }
}
