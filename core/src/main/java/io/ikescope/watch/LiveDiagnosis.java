package io.ikescope.watch;

import io.ikescope.diagnosis.Diagnoser;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.diagnosis.VerdictCode;
import io.ikescope.net.PacketSink;
import io.ikescope.session.IdSequence;
import io.ikescope.session.MessageSource;
import io.ikescope.session.Negotiation;
import io.ikescope.session.SessionTracker;
import io.ikescope.session.TrackerOptions;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Diagnoses negotiations while they happen. After each message (or ICMP error) of a negotiation it waits
 * {@code settleNanos} (a retry after INVALID_KE or a re-sent answer usually follows within milliseconds), then
 * diagnoses what the negotiation holds so far: a verdict a peer's message states or implies (established, a refused
 * proposal, a failed authentication ...) is emitted then; one that rests on silence (no response, NAT-T blocked,
 * fragments lost, incomplete, undetermined) only once the negotiation has been quiet for {@code stallNanos}, since
 * more messages may still come. A negotiation stays tracked after that (ESP, rekeys, deletes); a later verdict that
 * differs is emitted as an update, and when the tracker closes it (idle, limits, end of input) its final verdict is
 * emitted if it differs. So the last event of each negotiation carries the verdict {@code diagnose} gives on the
 * saved capture. Memory: the tracker's live negotiations and one small record each here.
 */
public final class LiveDiagnosis {
    /** Verdicts that rest on what did not come: they wait for the stall timeout. */
    private static final Set<VerdictCode> SILENCE = EnumSet.of(VerdictCode.NO_RESPONSE, VerdictCode.NAT_T_BLOCKED,
            VerdictCode.FRAGMENTATION_LOSS, VerdictCode.INCOMPLETE, VerdictCode.UNDETERMINED);

    private final SessionTracker tracker;
    private final MessageSource source;
    private final long settleNanos;
    private final long stallNanos;
    private final Consumer<WatchEvent> events;
    private final Map<String, Watched> watched = new HashMap<>();
    private final PriorityQueue<Due> due = new PriorityQueue<>();
    private final LiveClock clock = new LiveClock();
    /** Negotiations whose latest verdict is not ESTABLISHED (each counted once, by its latest event). */
    private long notEstablished;

    /** What was emitted for a live negotiation, and when to look at it next. */
    private static final class Watched {
        long lastActivity;
        long nextLook = Long.MAX_VALUE;
        VerdictCode emitted;
    }

    private record Due(long at, String id) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            return Long.compare(at, o.at);
        }
    }

    public LiveDiagnosis(String input, TrackerOptions options, MessageSource source, long settleNanos,
                         long stallNanos, Consumer<WatchEvent> events) {
        this.source = source;
        this.settleNanos = settleNanos;
        this.stallNanos = stallNanos;
        this.events = events;
        this.tracker = new SessionTracker(input, options, new IdSequence(), this::closed);
        tracker.onTouched(this::touched);
    }

    /** The tracker options for a live run: negotiations closed after {@code idleNanos} quiet, the other limits kept. */
    public static TrackerOptions options(long idleNanos) {
        TrackerOptions d = TrackerOptions.defaults();
        return new TrackerOptions(d.maxLiveNegotiations(), idleNanos, d.maxMessagesPerNegotiation(),
                d.maxChildrenPerNegotiation(), d.maxHeldForOrder());
    }

    /** Where the stream's packets go; the clock follows their timestamps. */
    public PacketSink packetSink(Consumer<String> warnings) {
        PacketSink inner = tracker.packetSink(source, warnings);
        return new PacketSink() {
            @Override
            public void onIke(io.ikescope.net.IkeDatagram d) {
                clock.packet(d.epochNanos(), System.nanoTime());
                inner.onIke(d);
            }

            @Override
            public void onEsp(io.ikescope.net.EspPacket p) {
                clock.packet(p.epochNanos(), System.nanoTime());
                inner.onEsp(p);
            }

            @Override
            public void onAh(io.ikescope.net.AhPacket p) {
                clock.packet(p.epochNanos(), System.nanoTime());
                inner.onAh(p);
            }

            @Override
            public void onIncompleteDatagram(io.ikescope.net.IncompleteDatagram d) {
                inner.onIncompleteDatagram(d);
            }

            @Override
            public void onIcmpUnreachable(io.ikescope.net.IcmpUnreachable e) {
                clock.packet(e.epochNanos(), System.nanoTime());
                inner.onIcmpUnreachable(e);
            }

            @Override
            public void onWarning(String warning) {
                inner.onWarning(warning);
            }
        };
    }

    /**
     * Looks at the negotiations whose time has come, with the clock moved on by the wall clock since the last
     * packet; call it often (every 100 ms and after packets).
     */
    public void tick() {
        long now = clock.now(System.nanoTime());
        if (now == Long.MIN_VALUE) {
            return;
        }
        tracker.advanceTo(now);
        while (!due.isEmpty() && due.peek().at() <= now) {
            Due d = due.poll();
            Watched w = watched.get(d.id());
            if (w != null && w.nextLook == d.at()) {
                look(d.id(), w, now);
            }
        }
    }

    /** The end of the input: every negotiation is closed and its final verdict emitted where it changed. */
    public void finish() {
        tracker.finish();
    }

    public List<String> warnings() {
        return tracker.warnings();
    }

    /** Whether the latest verdict of every negotiation so far is ESTABLISHED. */
    public boolean allEstablished() {
        return notEstablished == 0;
    }

    /** Negotiations live now (for metrics). */
    public int live() {
        return watched.size();
    }

    private void touched(String id) {
        Watched w = watched.computeIfAbsent(id, k -> new Watched());
        w.lastActivity = tracker.nowNanos();
        schedule(id, w, w.lastActivity + settleNanos);
    }

    private void schedule(String id, Watched w, long at) {
        w.nextLook = at;
        due.add(new Due(at, id));
    }

    private void look(String id, Watched w, long now) {
        w.nextLook = Long.MAX_VALUE;
        Negotiation n = tracker.snapshot(id);
        if (n == null) {
            return;
        }
        Diagnosis d = Diagnoser.diagnose(n, null);
        VerdictCode code = d.verdict().code();
        boolean stalled = now - w.lastActivity >= stallNanos;
        if (SILENCE.contains(code) && !stalled) {
            schedule(id, w, w.lastActivity + stallNanos);
            return;
        }
        emit(w, SILENCE.contains(code) ? WatchEvent.Kind.STALLED : WatchEvent.Kind.VERDICT, now, n, d);
    }

    /** The tracker closed a negotiation: its final verdict, when it differs from what was emitted. */
    private void closed(Negotiation n) {
        Watched w = watched.remove(n.id());
        if (w == null) {
            w = new Watched();
        }
        emit(w, WatchEvent.Kind.VERDICT, tracker.nowNanos(), n, Diagnoser.diagnose(n, null));
    }

    private void emit(Watched w, WatchEvent.Kind firstKind, long now, Negotiation n, Diagnosis d) {
        VerdictCode code = d.verdict().code();
        if (code == w.emitted) {
            return;
        }
        WatchEvent.Kind kind = w.emitted == null ? firstKind : WatchEvent.Kind.UPDATE;
        notEstablished += (code != VerdictCode.ESTABLISHED ? 1 : 0)
                - (w.emitted != null && w.emitted != VerdictCode.ESTABLISHED ? 1 : 0);
        events.accept(new WatchEvent(kind, now, n, d, w.emitted));
        w.emitted = code;
    }
}
