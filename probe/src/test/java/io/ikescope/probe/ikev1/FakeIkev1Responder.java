package io.ikescope.probe.ikev1;

import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.Payload;
import io.ikescope.wire.Proposal;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.Transform;
import io.ikescope.wire.registry.Ikev1Registry;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An IKEv1 responder on a real loopback UDP socket for the prober's tests. It chooses the first offered transform
 * it accepts and answers with a real strongSwan MM2 (samples/ikev1-main-psk-ok.pcap frame 2) whose SPI and
 * transform attributes are rewritten, refuses with the real NO-PROPOSAL-CHOSEN Informational of
 * samples/ikev1-main-enc-mismatch.pcap, answers an AM1 with the real AM2 of samples/ikev1-aggr-psk-ok.pcap. Like
 * strongSwan it keeps a half-open SA per accepted MM1 and drops every new MM1 silently while {@code halfOpenLimit} of
 * them are younger than {@code halfOpenNanos}; a request seen before gets its answer again.
 */
final class FakeIkev1Responder implements AutoCloseable {
    /** Where the attributes of the captured MM2's single transform start: header, SA, proposal, transform. */
    private static final int MM2_ATTRIBUTES_AT = 28 + 4 + 8 + 8 + 8;
    private static final int MM2_ATTRIBUTE_COUNT = 7;
    private static final int SPI = 8;

    private final DatagramSocket socket;
    private final Set<Ikev1Suite> accepts;
    private final int halfOpenLimit;
    private final long halfOpenNanos;
    private final List<Long> retransmitMillis;
    private final byte[] mm2;
    private final byte[] noProposal;
    private final byte[] am2;
    private final Thread thread;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, byte[]> answered = new HashMap<>();
    private final List<Long> halfOpen = new ArrayList<>();
    final List<Long> requestNanos = Collections.synchronizedList(new ArrayList<>());
    volatile int dropped;
    /** strongSwan 5.9.8's way (lab): choose by algorithms alone, answer with the first transform's method. */
    volatile boolean authOfFirstTransform;
    /** libreswan 4.10's way (lab): an MM1 whose first transform has this method is dropped unread (null: none). */
    volatile Integer droppedMethod;
    private volatile boolean open = true;

    FakeIkev1Responder(Set<Ikev1Suite> accepts, int halfOpenLimit, long halfOpenNanos, List<Long> retransmitMillis)
            throws IOException {
        this.accepts = Set.copyOf(accepts);
        this.halfOpenLimit = halfOpenLimit;
        this.halfOpenNanos = halfOpenNanos;
        this.retransmitMillis = List.copyOf(retransmitMillis);
        this.mm2 = LabSamples.frame("ikev1-main-psk-ok", 2);
        this.noProposal = LabSamples.frame("ikev1-main-enc-mismatch", 2);
        this.am2 = LabSamples.frame("ikev1-aggr-psk-ok", 2);
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(20);
        this.thread = new Thread(this::serve, "fake-ikev1-responder");
        thread.setDaemon(true);
        thread.start();
    }

    static FakeIkev1Responder accepting(Set<Ikev1Suite> accepts) throws IOException {
        return new FakeIkev1Responder(accepts, Integer.MAX_VALUE, Long.MAX_VALUE, List.of());
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void serve() {
        byte[] buffer = new byte[65535];
        while (open) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return;
            }
            requestNanos.add(System.nanoTime());
            byte[] request = Arrays.copyOf(p.getData(), p.getLength());
            byte[] answer = answer(request);
            if (answer != null) {
                send(answer, p.getSocketAddress());
            }
        }
    }

    private synchronized byte[] answer(byte[] request) {
        String spi = Arrays.toString(Arrays.copyOf(request, SPI));
        if (answered.containsKey(spi)) {
            return answered.get(spi); // a re-sent request: the same answer again
        }
        long now = System.nanoTime();
        halfOpen.removeIf(t -> now - t > halfOpenNanos);
        if (halfOpen.size() >= halfOpenLimit) {
            dropped++; // like strongSwan's block_threshold: nothing from this address is read, refusals neither
            return null;
        }
        IkeMessage m = IkeDecoder.decode(request);
        if (droppedMethod != null && m.payloads().get(0) instanceof SecurityAssociationPayload first
                && droppedMethod.equals(Ikev1Answer.chosen(first.proposals().get(0)).authMethod())) {
            dropped++;
            return null;
        }
        Ikev1Suite chosen = null;
        Integer firstMethod = null;
        for (Payload payload : m.payloads()) {
            if (payload instanceof SecurityAssociationPayload sa) {
                for (Proposal p : sa.proposals()) {
                    for (Transform t : p.transforms()) {
                        Ikev1Suite s = Ikev1Answer.chosen(new Proposal(1, p.protocolId(), p.spi(), 1, List.of(t)));
                        firstMethod = firstMethod == null ? s.authMethod() : firstMethod;
                        if (chosen == null && authOfFirstTransform) {
                            Ikev1Suite byAlgorithms = new Ikev1Suite(s.encryption(), s.keyBits(), s.hash(),
                                    null, s.group());
                            if (accepts.stream().anyMatch(a -> byAlgorithms.equals(new Ikev1Suite(a.encryption(),
                                    a.keyBits(), a.hash(), null, a.group())))) {
                                chosen = new Ikev1Suite(s.encryption(), s.keyBits(), s.hash(), firstMethod,
                                        s.group());
                            }
                        } else if (chosen == null && accepts.contains(s)) {
                            chosen = s;
                        }
                    }
                }
            }
        }
        if (chosen == null) {
            return withSpi(noProposal, request);
        }
        halfOpen.add(now);
        byte[] answer;
        if (m.header().exchangeType() == AggressiveModeRequest.AGGRESSIVE) {
            answer = withSpi(am2, request);
        } else {
            answer = withSuite(withSpi(mm2, request), chosen);
        }
        answered.put(spi, answer);
        return answer;
    }

    private void send(byte[] answer, SocketAddress to) {
        try {
            socket.send(new DatagramPacket(answer, answer.length, to));
        } catch (IOException e) {
            return; // closed
        }
        if (answer.length > 0 && IkeDecoder.decode(answer).header().exchangeType() == MainModeRequest.MAIN_MODE) {
            for (long ms : retransmitMillis) {
                timers.schedule(() -> {
                    try {
                        socket.send(new DatagramPacket(answer, answer.length, to));
                    } catch (IOException e) {
                        // closed meanwhile
                    }
                }, ms, TimeUnit.MILLISECONDS);
            }
        }
    }

    private static byte[] withSpi(byte[] captured, byte[] request) {
        byte[] b = captured.clone();
        System.arraycopy(request, 0, b, 0, SPI);
        return b;
    }

    /** The captured MM2's transform attributes rewritten to the chosen suite (it carries a Key-Length: AES). */
    private static byte[] withSuite(byte[] mm2, Ikev1Suite s) {
        if (s.keyBits() == null) {
            throw new IllegalArgumentException("the captured MM2 has a Key-Length; accept only such suites here");
        }
        ByteBuffer b = ByteBuffer.wrap(mm2);
        for (int i = 0; i < MM2_ATTRIBUTE_COUNT; i++) {
            int at = MM2_ATTRIBUTES_AT + 4 * i;
            int type = b.getShort(at) & 0x7fff;
            String name = Ikev1Registry.IKE_ATTRIBUTE.name(type);
            Integer value = switch (name) {
                case "Encryption-Algorithm" -> s.encryption();
                case "Key-Length" -> s.keyBits();
                case "Hash-Algorithm" -> s.hash();
                case "Authentication-Method" -> s.authMethod();
                case "Group-Description" -> s.group();
                default -> null;
            };
            if (value != null) {
                b.putShort(at + 2, value.shortValue());
            }
        }
        return mm2;
    }

    @Override
    public void close() {
        open = false;
        timers.shutdownNow();
        socket.close();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
