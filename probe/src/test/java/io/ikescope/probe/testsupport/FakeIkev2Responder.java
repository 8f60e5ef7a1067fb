package io.ikescope.probe.testsupport;

import io.ikescope.probe.ikev2.Ikev2Offer;
import io.ikescope.probe.ikev2.Ikev2Suite;
import io.ikescope.probe.ikev2.Ikev2Transform;
import io.ikescope.probe.wire.MessageWriter;
import io.ikescope.probe.wire.WireWriter;
import io.ikescope.session.ProposalReader;
import io.ikescope.wire.Attribute;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.KeyExchangePayload;
import io.ikescope.wire.NotifyPayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.PayloadTypes;
import io.ikescope.wire.Proposal;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.Transform;
import io.ikescope.wire.registry.Ikev2Registry;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A responder on a loopback UDP socket that selects as RFC 7296 2.7 says (the first offered proposal holding one
 * of its suites), asks for another group with INVALID_KE_PAYLOAD, refuses with NO_PROPOSAL_CHOSEN, and can demand
 * a cookie, drop first sends, or stop answering: the prober's logic against a peer whose truth the test knows. Real
 * peers are in the lab tests (cli ProbeLabTest).
 */
public final class FakeIkev2Responder implements AutoCloseable {
    private static final int COOKIE = (int) Ikev2Registry.NOTIFY_TYPE.valueOf("COOKIE");
    private final DatagramSocket socket;
    private final List<Ikev2Suite> accepts;
    private final Thread thread;
    private final AtomicInteger requests = new AtomicInteger();
    public volatile boolean demandCookie;
    public volatile int answerLimit = Integer.MAX_VALUE;
    public volatile boolean dropFirstCopy;
    /** Answer INVALID_SYNTAX to a KE payload whose group no proposal offers (a peer stricter than RFC 7296). */
    public volatile boolean rejectForeignKe;
    /** Skip transform types it does not know instead of refusing their proposal (RFC 7296 3.3.6 says refuse). */
    public volatile boolean ignoreUnknownTypes;
    /** Speak NAT-T framing (RFC 3948): IKE behind four zero bytes; anything else is dropped, as ESP would be. */
    public volatile boolean natT;
    private final List<byte[]> seenSpis = new ArrayList<>();

    public FakeIkev2Responder(List<Ikev2Suite> accepts) throws SocketException {
        this.accepts = List.copyOf(accepts);
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.thread = new Thread(this::serve, "fake-ikev2-responder");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public int requests() {
        return requests.get();
    }

    private void serve() {
        byte[] buf = new byte[65535];
        int answered = 0;
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            requests.incrementAndGet();
            byte[] request = Arrays.copyOf(p.getData(), p.getLength());
            if (natT) {
                if (request.length < 4 || request[0] != 0 || request[1] != 0 || request[2] != 0 || request[3] != 0) {
                    continue;
                }
                request = Arrays.copyOfRange(request, 4, request.length);
            }
            if (dropFirstCopy && firstCopy(request)) {
                continue;
            }
            if (answered >= answerLimit) {
                continue;
            }
            byte[] answer = answer(IkeDecoder.decode(request));
            if (answer == null) {
                continue;
            }
            if (natT) {
                byte[] framed = new byte[answer.length + 4];
                System.arraycopy(answer, 0, framed, 4, answer.length);
                answer = framed;
            }
            answered++;
            try {
                socket.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    private boolean firstCopy(byte[] request) {
        byte[] spi = Arrays.copyOf(request, 8);
        for (byte[] s : seenSpis) {
            if (Arrays.equals(s, spi)) {
                return false;
            }
        }
        seenSpis.add(spi);
        return true;
    }

    private byte[] answer(IkeMessage m) {
        SecurityAssociationPayload sa = null;
        Integer keGroup = null;
        boolean cookie = false;
        for (Payload p : m.payloads()) {
            if (p instanceof SecurityAssociationPayload s) {
                sa = s;
            } else if (p instanceof KeyExchangePayload k) {
                keGroup = k.dhGroup();
            } else if (p instanceof NotifyPayload n && n.notifyType() == COOKIE) {
                cookie = true;
            }
        }
        byte[] spiI = m.header().spiI().toArray();
        if (demandCookie && !cookie) {
            return notify(spiI, "COOKIE", new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        if (sa == null || keGroup == null) {
            return notify(spiI, "INVALID_SYNTAX", new byte[0]);
        }
        if (rejectForeignKe && !offers(sa, keGroup)) {
            return notify(spiI, "INVALID_SYNTAX", new byte[0]);
        }
        for (Proposal proposal : sa.proposals()) {
            for (Ikev2Suite s : accepts) {
                if (holds(proposal, s) && (ignoreUnknownTypes || knowsEveryType(proposal))) {
                    if (s.group() != keGroup.intValue()) {
                        return notify(spiI, "INVALID_KE_PAYLOAD", new WireWriter().u16(s.group()).toArray());
                    }
                    return chosen(spiI, s);
                }
            }
        }
        return notify(spiI, "NO_PROPOSAL_CHOSEN", new byte[0]);
    }

    private static boolean knowsEveryType(Proposal p) {
        return p.transforms().stream().allMatch(t -> t.type() >= Ikev2Transform.ENCR && t.type() <= Ikev2Transform.KE);
    }

    private static boolean offers(SecurityAssociationPayload sa, int group) {
        return ProposalReader.ikev2Groups(sa).contains(group);
    }

    private static boolean holds(Proposal p, Ikev2Suite s) {
        boolean enc = false;
        boolean prf = false;
        boolean integ = s.integrity() == null;
        boolean group = false;
        for (Transform t : p.transforms()) {
            int type = t.type();
            if (type == Ikev2Transform.ENCR && t.id() == s.encryption().id()
                    && java.util.Objects.equals(keyBits(t), s.encryption().keyBits())) {
                enc = true;
            } else if (type == Ikev2Transform.PRF && t.id() == s.prf()) {
                prf = true;
            } else if (type == Ikev2Transform.INTEG && s.integrity() != null && t.id() == s.integrity()) {
                integ = true;
            } else if (type == Ikev2Transform.KE && t.id() == s.group()) {
                group = true;
            }
        }
        return enc && prf && integ && group;
    }

    private static Integer keyBits(Transform t) {
        for (Attribute a : t.attributes()) {
            return (int) a.numericValue();
        }
        return null;
    }

    private static byte[] notify(byte[] spiI, String type, byte[] data) {
        int t = (int) Ikev2Registry.NOTIFY_TYPE.valueOf(type);
        return response(spiI).add(PayloadTypes.V2_NOTIFY, new WireWriter().u8(0).u8(0).u16(t).bytes(data).toArray())
                .toBytes();
    }

    private static byte[] chosen(byte[] spiI, Ikev2Suite s) {
        List<Ikev2Transform> transforms = new ArrayList<>();
        transforms.add(s.encryption());
        transforms.add(Ikev2Transform.prf(s.prf()));
        if (s.integrity() != null) {
            transforms.add(Ikev2Transform.integrity(s.integrity()));
        }
        transforms.add(Ikev2Transform.group(s.group()));
        int frag = (int) Ikev2Registry.NOTIFY_TYPE.valueOf("IKEV2_FRAGMENTATION_SUPPORTED");
        return response(spiI).add(PayloadTypes.V2_SA, Ikev2Offer.of(transforms).saBody())
                .add(PayloadTypes.V2_KE, new WireWriter().u16(s.group()).u16(0).bytes(new byte[32]).toArray())
                .add(PayloadTypes.V2_NONCE, new byte[32])
                .add(PayloadTypes.V2_NOTIFY, new WireWriter().u8(0).u8(0).u16(frag).toArray())
                .toBytes();
    }

    private static MessageWriter response(byte[] spiI) {
        byte[] spiR = {9, 9, 9, 9, 9, 9, 9, 9};
        return new MessageWriter(spiI, spiR, 0x20, (int) Ikev2Registry.EXCHANGE_TYPE.valueOf("IKE_SA_INIT"), 0x20, 0);
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
