package io.ikescope.net;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts what the decoder skipped and tells the sink about each kind of problem once: the first occurrence
 * in full, and at {@link #finish()} how many more of the same kind followed.
 */
final class Diagnostics {
    /** Mutable tallies behind {@link DecoderCounters}. */
    static final class Counters {
        long frames;
        long ikeMessages;
        long espPackets;
        long icmpUnreachable;
        long unknownLinkType;
        long malformed;
        long notIke;
        long natKeepalives;
        long datagramsReassembled;
        long datagramsIncomplete;
        long fragmentsUnusable;
        long fragmentOverlapConflicts;
        long tcpStreamsDropped;
        long ahPackets;
        long firstFrameNanos = DecoderCounters.NO_FRAME;
        long lastFrameNanos = DecoderCounters.NO_FRAME;
    }

    final Counters counters = new Counters();
    private final PacketSink sink;
    private static final class Kind {
        final String firstMessage;
        long count = 1;

        Kind(String firstMessage) {
            this.firstMessage = firstMessage;
        }
    }

    /** Kind of problem -> its first message and how many times it happened. */
    private final Map<String, Kind> seen = new LinkedHashMap<>();

    Diagnostics(PacketSink sink) {
        this.sink = sink;
    }

    void warnOnce(String kind, String message) {
        Kind k = seen.get(kind);
        if (k == null) {
            seen.put(kind, new Kind(message));
            sink.onWarning(message);
        } else {
            k.count++;
        }
    }

    void incomplete(IncompleteDatagram datagram) {
        sink.onIncompleteDatagram(datagram);
    }

    void finish() {
        for (Kind k : seen.values()) {
            long more = k.count - 1;
            if (more > 0) {
                sink.onWarning(more + " more like this: " + k.firstMessage);
            }
            k.count = 1;
        }
    }

    DecoderCounters snapshot() {
        Counters c = counters;
        return new DecoderCounters(c.frames, c.ikeMessages, c.espPackets, c.icmpUnreachable, c.unknownLinkType,
                c.malformed, c.notIke, c.natKeepalives, c.datagramsReassembled, c.datagramsIncomplete,
                c.fragmentsUnusable, c.fragmentOverlapConflicts, c.tcpStreamsDropped, c.ahPackets,
                c.firstFrameNanos, c.lastFrameNanos);
    }
}
