package io.ikescope.probe.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The probe's only socket: a UDP channel <em>connected</em> to the target, so the kernel sends nowhere else and
 * delivers datagrams from nowhere else. Every send waits for the {@link RateLimiter} and stops at the
 * {@link TimeBound}; every wait ends at a deadline. Answers are matched to requests by the initiator SPI (each
 * probe uses fresh SPIs), so an answer that arrives late, or a responder's retransmission of an earlier answer,
 * is kept for whoever asks for that SPI instead of being taken for the current one.
 */
public final class ProbeChannel implements AutoCloseable {
    private static final int MAX_DATAGRAM = 65535;
    /** Datagrams kept for later matching; older ones are dropped so memory stays bounded however long it runs. */
    private static final int INBOX_LIMIT = 4096;
    private static final int SPI_LENGTH = 8;
    private static final byte[] NON_ESP_MARKER = new byte[4];

    private final ProbeTarget target;
    private final DatagramChannel channel;
    private final Selector selector;
    private final RateLimiter limiter;
    private final TimeBound bound;
    private final ProbeClock clock;
    private final DatagramLog log;
    private final InetSocketAddress local;
    private final Deque<Datagram> inbox = new ArrayDeque<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    private int sent;
    private int received;
    private boolean portUnreachable;
    private boolean outOfTime;

    /**
     * @param sourcePort 0 for any free port; 500 needs root (or CAP_NET_BIND_SERVICE)
     */
    public ProbeChannel(ProbeTarget target, int sourcePort, RateLimiter limiter, TimeBound bound, ProbeClock clock,
                        DatagramLog log) throws IOException {
        this.target = target;
        this.limiter = limiter;
        this.bound = bound;
        this.clock = clock;
        this.log = log;
        boolean v6 = target.address().getAddress() instanceof java.net.Inet6Address;
        this.channel = DatagramChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.bind(new InetSocketAddress(sourcePort));
            channel.connect(target.address());
            channel.configureBlocking(false);
            this.selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            this.local = (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public ProbeTarget target() {
        return target;
    }

    public InetSocketAddress local() {
        return local;
    }

    /**
     * Sends one request and waits for the answer with the same initiator SPI, re-sending it up to {@code tries}
     * times in all, each try waiting {@code waitNanos}. Empty when nothing answered (or the time bound ran out).
     */
    public Optional<Datagram> ask(byte[] ike, int tries, long waitNanos) throws IOException, InterruptedException {
        byte[] spi = Arrays.copyOf(ike, SPI_LENGTH);
        for (int attempt = 0; attempt < tries; attempt++) {
            if (!send(ike)) {
                return Optional.empty();
            }
            Optional<Datagram> answer = await(spi, bound.deadlineIn(waitNanos));
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    /** Sends one IKE message (framed for NAT-T when the target wants it); false when the time bound is reached. */
    public boolean send(byte[] ike) throws IOException, InterruptedException {
        if (limiter.waitNanos() >= bound.remainingNanos()) {
            outOfTime = true;
            return false;
        }
        limiter.acquire();
        byte[] payload = target.natT() ? concat(NON_ESP_MARKER, ike) : ike;
        channel.write(ByteBuffer.wrap(payload));
        sent++;
        log.record(new Datagram(clock.nanoTime(), clock.epochMicros(), true, local, target.address(), payload, ike));
        return true;
    }

    /** The first datagram not yet taken whose initiator SPI is {@code spi}, waiting for it until {@code deadline}. */
    public Optional<Datagram> await(byte[] spi, long deadline) throws IOException {
        while (true) {
            Optional<Datagram> kept = take(spi);
            if (kept.isPresent()) {
                return kept;
            }
            long left = deadline - clock.nanoTime();
            if (left <= 0) {
                if (bound.expired()) {
                    outOfTime = true;
                }
                return Optional.empty();
            }
            receive(left);
        }
    }

    /** Every datagram with initiator SPI {@code spi} that arrives until {@code deadline} (and any kept already). */
    public List<Datagram> collect(byte[] spi, long deadline) throws IOException {
        List<Datagram> all = new ArrayList<>();
        while (true) {
            Optional<Datagram> d = take(spi);
            if (d.isPresent()) {
                all.add(d.get());
                continue;
            }
            long left = Math.min(deadline, bound.deadlineIn(Long.MAX_VALUE / 4)) - clock.nanoTime();
            if (left <= 0) {
                return all;
            }
            receive(left);
        }
    }

    private Optional<Datagram> take(byte[] spi) {
        for (Iterator<Datagram> it = inbox.iterator(); it.hasNext(); ) {
            Datagram d = it.next();
            if (d.ike() != null && d.ike().length >= SPI_LENGTH && Arrays.equals(d.ike(), 0, SPI_LENGTH, spi, 0,
                    SPI_LENGTH)) {
                it.remove();
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Reads what arrives within {@code nanos} into the inbox (at least one datagram, or none when time is up). */
    private void receive(long nanos) throws IOException {
        long millis = Math.max(1, (nanos + 999_999) / 1_000_000);
        selector.selectedKeys().clear();
        if (selector.select(millis) == 0) {
            return;
        }
        while (true) {
            buffer.clear();
            int n;
            try {
                n = channel.read(buffer);
            } catch (PortUnreachableException e) {
                // the kernel's report of an ICMP port unreachable from the target
                portUnreachable = true;
                return;
            }
            if (n <= 0) {
                return;
            }
            byte[] payload = Arrays.copyOf(buffer.array(), n);
            byte[] ike = ikeOf(payload);
            Datagram d = new Datagram(clock.nanoTime(), clock.epochMicros(), false, target.address(), local, payload,
                    ike);
            received++;
            log.record(d);
            if (ike != null) {
                inbox.addLast(d);
                if (inbox.size() > INBOX_LIMIT) {
                    inbox.removeFirst();
                }
            }
        }
    }

    /** The IKE message in a datagram: after the non-ESP marker on the NAT-T port; null for ESP or keepalives. */
    private byte[] ikeOf(byte[] payload) {
        if (!target.natT()) {
            return payload.length >= 28 ? payload : null;
        }
        if (payload.length >= 4 + 28 && Arrays.equals(payload, 0, 4, NON_ESP_MARKER, 0, 4)) {
            return Arrays.copyOfRange(payload, 4, payload.length);
        }
        return null;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    public int packetsSent() {
        return sent;
    }

    public int packetsReceived() {
        return received;
    }

    /** The kernel reported an ICMP port unreachable from the target: nothing listens there. */
    public boolean portUnreachable() {
        return portUnreachable;
    }

    /** A send or a wait was cut short by the time bound. */
    public boolean outOfTime() {
        return outOfTime;
    }

    public TimeBound bound() {
        return bound;
    }

    public ProbeClock clock() {
        return clock;
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
