package io.ikescope.net;

/**
 * Numbers the frames of one file of a rotated series ({@code tcpdump -C} / {@code -G}) as positions in the whole
 * series: each event reaches {@code sink} with {@code offset} (the frames of the files before it) added to its frame
 * number, so that one negotiation crossing a file boundary has one numbering, the one {@code mergecap -a} of the
 * files in order would give. Warnings pass unchanged: they belong to the file and number its own frames.
 */
public final class ShiftedFrames implements PacketSink {
    private final PacketSink sink;
    private final long offset;

    private ShiftedFrames(PacketSink sink, long offset) {
        this.sink = sink;
        this.offset = offset;
    }

    /** {@code sink} itself when there is nothing to add. */
    public static PacketSink by(long offset, PacketSink sink) {
        if (offset < 0) {
            throw new IllegalArgumentException("negative frame offset " + offset);
        }
        return offset == 0 ? sink : new ShiftedFrames(sink, offset);
    }

    @Override
    public void onIke(IkeDatagram m) {
        sink.onIke(new IkeDatagram(m.frame() + offset, m.epochNanos(), m.src(), m.srcPort(), m.dst(), m.dstPort(),
                m.transport(), m.ike(), m.ttl()));
    }

    @Override
    public void onEsp(EspPacket p) {
        sink.onEsp(new EspPacket(p.frame() + offset, p.epochNanos(), p.src(), p.srcPort(), p.dst(), p.dstPort(),
                p.udpEncapsulated(), p.spi(), p.sequence(), p.length()));
    }

    @Override
    public void onAh(AhPacket p) {
        sink.onAh(new AhPacket(p.frame() + offset, p.epochNanos(), p.src(), p.dst(), p.spi(), p.sequence(),
                p.headerLength()));
    }

    @Override
    public void onWarning(String warning) {
        sink.onWarning(warning);
    }

    @Override
    public void onIcmpUnreachable(IcmpUnreachable e) {
        sink.onIcmpUnreachable(new IcmpUnreachable(e.frame() + offset, e.epochNanos(), e.sender(), e.ipVersion(),
                e.type(), e.code(), e.quotedSrc(), e.quotedSrcPort(), e.quotedDst(), e.quotedDstPort(), e.spiI(),
                e.spiR(), e.ikeVersion()));
    }

    @Override
    public void onIncompleteDatagram(IncompleteDatagram d) {
        sink.onIncompleteDatagram(new IncompleteDatagram(d.firstFrame() + offset, d.firstNanos(), d.src(), d.dst(),
                d.protocol(), d.srcPort(), d.dstPort(), d.bytesReceived(), d.fragments()));
    }
}
