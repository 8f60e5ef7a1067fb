package io.ikescope.session;

import io.ikescope.net.AhPacket;
import io.ikescope.net.EspPacket;
import io.ikescope.net.IcmpUnreachable;
import io.ikescope.net.IkeDatagram;
import io.ikescope.net.IncompleteDatagram;
import io.ikescope.net.PacketSink;
import io.ikescope.wire.IkeHeader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reconstructs IKE negotiations from the messages of one capture, in capture order, and hands each finished one to
 * a consumer: streaming, with memory bounded by the negotiations live at once.
 *
 * <p>A negotiation is one IKE SA: IKEv1 messages sharing the initiator cookie, IKEv2 messages sharing the
 * initiator's SPI (an IKE_SA_INIT retried after INVALID_KE_PAYLOAD or COOKIE keeps it, so it stays one attempt).
 * It is closed when it has been silent for {@link TrackerOptions#idleNanos()} of capture time, when more than
 * {@link TrackerOptions#maxLiveNegotiations()} are live (the least recently active goes first, with a warning), or
 * at the end of the capture. ESP and IP datagrams that never reassembled are tied to the live negotiation between
 * the same two addresses.
 */
public final class SessionTracker {
    /** How often (capture time) idle negotiations are looked for. */
    private static final long SWEEP_NANOS = 1_000_000_000L;
    /** How soon after a CREATE_CHILD_SA a new IKE SA between the same peers is taken for its rekey, without keys. */
    private static final long REKEY_WINDOW_NANOS = 30_000_000_000L;

    private final String input;
    private final TrackerOptions options;
    private final IdSequence ids;
    private final OrderedRelease release;
    /** Least recently active first. */
    private final LinkedHashMap<String, NegotiationState> live = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<String, PeerGroup> byAddresses = new HashMap<>();
    /** The live negotiations by id, for snapshots. */
    private final Map<String, NegotiationState> byId = new HashMap<>();
    private Consumer<String> touched = id -> { };
    private final List<String> warnings = new ArrayList<>();
    private long nowNanos = Long.MIN_VALUE;
    private long lastSweep = Long.MIN_VALUE;
    private long unusable;
    private boolean capWarned;
    private long negotiations;

    public SessionTracker(String input, TrackerOptions options, IdSequence ids, Consumer<Negotiation> sink) {
        this.input = input;
        this.options = options;
        this.ids = ids;
        this.release = new OrderedRelease(sink, options.maxHeldForOrder());
    }

    /**
     * A sink for {@link io.ikescope.net.CaptureScan}: IKE datagrams go through {@code source} (the place where
     * decryption plugs in), ESP, AH and lost fragments are tied to negotiations, warnings go to {@code warningSink}.
     */
    public PacketSink packetSink(MessageSource source, Consumer<String> warningSink) {
        return new PacketSink() {
            @Override
            public void onIke(IkeDatagram datagram) {
                onMessage(source.observe(datagram));
            }

            @Override
            public void onEsp(EspPacket packet) {
                SessionTracker.this.onEsp(packet);
            }

            @Override
            public void onAh(AhPacket packet) {
                SessionTracker.this.onAh(packet);
            }

            @Override
            public void onIncompleteDatagram(IncompleteDatagram datagram) {
                SessionTracker.this.onIncompleteDatagram(datagram);
            }

            @Override
            public void onIcmpUnreachable(IcmpUnreachable error) {
                SessionTracker.this.onIcmpUnreachable(error);
            }

            @Override
            public void onWarning(String warning) {
                warningSink.accept(warning);
            }
        };
    }

    public void onMessage(MessageObservation o) {
        advance(o.datagram().epochNanos());
        IkeHeader h = o.message().header();
        int version = o.message().ikeVersion();
        if (h == null || version == 0) {
            unusable++;
            if (unusable == 1) {
                warnings.add("frame " + o.datagram().frame() + ": an IKE message without a usable header (too short"
                        + " or an unknown major version) belongs to no negotiation");
            }
            return;
        }
        String key = NegotiationState.key(version, h.spiI());
        NegotiationState n = live.get(key);
        if (n == null) {
            if (live.size() >= options.maxLiveNegotiations()) {
                evictEldest();
            }
            n = new NegotiationState(ids.next(), input, version, h.spiI(), options);
            negotiations++;
            live.put(key, n);
            byId.put(n.id, n);
            release.opened(n.id);
            n.accept(o, RetransmissionKey.of(o.datagram().ike()));
            touched.accept(n.id);
            PeerGroup peers = byAddresses.computeIfAbsent(n.pairKey(), k -> new PeerGroup());
            if (version == 2 && n.startedWithoutPhase1()) {
                n.linkRekey(peers.rekeying(n.startNanos, REKEY_WINDOW_NANOS), REKEY_WINDOW_NANOS);
            }
            peers.add(n);
            return;
        }
        n.accept(o, RetransmissionKey.of(o.datagram().ike()));
        byAddresses.get(n.pairKey()).touched(n);
        touched.accept(n.id);
    }

    /** Told the id of the live negotiation each IKE message or ICMP error went to (a live report re-reads it). */
    public void onTouched(Consumer<String> listener) {
        this.touched = listener;
    }

    /** A live negotiation as it stands now, without closing it; null when it is not live (closed, or unknown). */
    public Negotiation snapshot(String id) {
        NegotiationState n = byId.get(id);
        return n == null ? null : n.build(nowNanos);
    }

    /** Moves the capture clock without a packet (a live capture gone quiet), closing what has been idle long enough. */
    public void advanceTo(long nanos) {
        advance(nanos);
    }

    /** The capture clock: the latest packet time, or what {@link #advanceTo} set. */
    public long nowNanos() {
        return nowNanos;
    }

    public void onEsp(EspPacket p) {
        advance(p.epochNanos());
        NegotiationState n = between(p.src(), p.dst());
        if (n != null) {
            n.esp(p.frame(), p.epochNanos(), p.src(), p.srcPort(), p.spi());
            live.get(n.key); // touch: ESP keeps the negotiation live
        }
    }

    public void onAh(AhPacket p) {
        advance(p.epochNanos());
        NegotiationState n = between(p.src(), p.dst());
        if (n != null) {
            n.ah(p.frame(), p.epochNanos(), p.src(), p.spi());
            live.get(n.key); // touch: AH keeps the negotiation live, as ESP does
        }
    }

    public void onIncompleteDatagram(IncompleteDatagram d) {
        NegotiationState n = between(d.src(), d.dst());
        if (n != null) {
            n.lostFragments(d.firstFrame(), d.firstNanos(), d.src(), d.srcPort(), d.bytesReceived(), d.fragments());
        }
    }

    /**
     * An ICMP destination unreachable quoting an IKE datagram goes to the live negotiation it refused: the one its
     * quoted SPIs name, else the one between the quoted addresses that sent a message with those ports. Errors
     * that fit no live negotiation are not kept.
     */
    public void onIcmpUnreachable(IcmpUnreachable error) {
        advance(error.epochNanos());
        if (error.spiI() != null) {
            for (int version : error.ikeVersion() == 0 ? new int[] {2, 1} : new int[] {error.ikeVersion()}) {
                NegotiationState n = live.get(version + ":" + error.spiI());
                if (n != null && n.icmpError(error, true)) {
                    touched.accept(n.id);
                    return;
                }
            }
        }
        NegotiationState n = between(error.quotedSrc(), error.quotedDst());
        if (n != null && n.icmpError(error, false)) {
            touched.accept(n.id);
        }
    }

    /** Closes every live negotiation; call once after the capture's last packet. */
    public void finish() {
        List<NegotiationState> all = new ArrayList<>(live.values());
        all.sort((a, b) -> Long.compare(Long.parseLong(a.id), Long.parseLong(b.id)));
        for (NegotiationState n : all) {
            close(n);
        }
        live.clear();
        if (release.wentOutOfOrder()) {
            warnings.add("more than " + options.maxHeldForOrder() + " finished negotiations waited for an older live"
                    + " one; some were reported out of first-frame order");
        }
    }

    /** Problems met (limits hit, unusable messages), each once. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Negotiations started so far. */
    public long negotiations() {
        return negotiations;
    }

    private void advance(long nanos) {
        if (nanos > nowNanos) {
            nowNanos = nanos;
        }
        if (lastSweep == Long.MIN_VALUE) {
            lastSweep = nowNanos;
        } else if (nowNanos - lastSweep >= SWEEP_NANOS) {
            lastSweep = nowNanos;
            sweepIdle();
        }
    }

    private void sweepIdle() {
        Iterator<NegotiationState> it = live.values().iterator();
        List<NegotiationState> idle = new ArrayList<>();
        while (it.hasNext()) {
            NegotiationState n = it.next();
            if (nowNanos - n.activeNanos < options.idleNanos()) {
                break; // access order: the rest were active more recently
            }
            it.remove();
            idle.add(n);
        }
        for (NegotiationState n : idle) {
            close(n);
        }
    }

    private void evictEldest() {
        Iterator<NegotiationState> it = live.values().iterator();
        NegotiationState n = it.next();
        it.remove();
        if (!capWarned) {
            capWarned = true;
            warnings.add("more than " + options.maxLiveNegotiations() + " negotiations were live at once (frame "
                    + n.lastFrame + "): the least recently active ones were closed early; a later message of one"
                    + " starts a new negotiation");
        }
        n.note("closed early: more than " + options.maxLiveNegotiations() + " negotiations were live at once");
        close(n);
    }

    private void close(NegotiationState n) {
        byId.remove(n.id);
        PeerGroup peers = byAddresses.get(n.pairKey());
        if (peers != null) {
            peers.remove(n);
            if (peers.isEmpty()) {
                byAddresses.remove(n.pairKey());
            }
        }
        release.closed(n.build(nowNanos));
    }

    /** The live negotiation between two addresses that was active last. */
    private NegotiationState between(String a, String b) {
        PeerGroup peers = byAddresses.get(NegotiationState.pairKey(a, b));
        return peers == null ? null : peers.latest();
    }
}
