package io.ikescope.session;

import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.net.IcmpUnreachable;
import io.ikescope.net.IkeDatagram;
import io.ikescope.wire.Bytes;
import io.ikescope.wire.IkeHeader;
import io.ikescope.wire.IkeMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The live state of one negotiation while the capture is read: its messages turned into {@link MessageRecord}s
 * as they arrive (no bytes kept), grouped into exchanges, with the phase facts each message adds.
 */
final class NegotiationState {
    private static final int NAT_T_PORT = 4500;

    final String id;
    final String input;
    final int version;
    final Bytes spiI;
    /** The tracker's key for this negotiation: IKE version and initiator SPI. */
    final String key;
    private final TrackerOptions options;
    private Bytes spiR;
    private final PeerRoles peers;
    long firstFrame;
    long lastFrame;
    long startNanos;
    long lastNanos;
    /** Last activity (message or ESP), for idle eviction. */
    long activeNanos;
    private boolean sawIkePort;
    private Long natTraversalFrame;

    private final List<MessageRecord> messages = new ArrayList<>();
    private int omitted;
    private final ExchangeLog exchanges;
    private final FragmentTracker fragments;

    private final Phase1Facts phase1 = new Phase1Facts();
    private final ChildSas children;

    private final NatEvidence nat;
    private final TtlTally ttls = new TtlTally();
    private final FingerprintEvidence fingerprints = new FingerprintEvidence();

    private final DecryptionTally decryptions = new DecryptionTally();

    private final PeerTraffic esp = new PeerTraffic();
    private final PeerTraffic ah = new PeerTraffic();
    private final List<LostFragments> lost = new ArrayList<>();
    private final List<IcmpError> icmpErrors = new ArrayList<>();
    private int icmpOmitted;
    private final List<String> notes = new ArrayList<>();
    private final RekeyTrail rekeys = new RekeyTrail();
    private final ExchangeTasks tasks;
    private String pairKey;

    NegotiationState(String id, String input, int version, Bytes spiI, TrackerOptions options) {
        this.id = id;
        this.input = input;
        this.version = version;
        this.spiI = spiI;
        this.key = key(version, spiI);
        this.options = options;
        this.peers = new PeerRoles(version);
        this.nat = new NatEvidence(version);
        this.exchanges = new ExchangeLog(version, options.maxMessagesPerNegotiation());
        this.fragments = new FragmentTracker(version, options.maxMessagesPerNegotiation());
        this.children = new ChildSas(version, options.maxChildrenPerNegotiation());
        this.tasks = new ExchangeTasks(version, phase1, children, rekeys);
    }

    /** Creation order: ids are handed out in sequence. */
    long order() {
        return Long.parseLong(id);
    }

    boolean createChildSaSeen() {
        return rekeys.sawCreateChildSa();
    }

    /**
     * Whether an IKE SA starting at {@code nanos} or later can no longer be linked to this one as its rekey: no
     * decrypted rekey named its SPI and the last CREATE_CHILD_SA is more than {@code windowNanos} before.
     */
    boolean pastRekeyWindow(long nanos, long windowNanos) {
        return rekeys.pastWindow(nanos, windowNanos);
    }

    static String key(int version, Bytes spiI) {
        return version + ":" + spiI.hex();
    }

    // ---- messages -------------------------------------------------------------------------------------------

    void accept(MessageObservation o, long digest) {
        IkeDatagram d = o.datagram();
        IkeMessage m = o.message();
        IkeHeader h = m.header();
        Endpoint src = new Endpoint(d.src(), d.srcPort());
        Endpoint dst = new Endpoint(d.dst(), d.dstPort());
        Role from = peers.sender(h, src, dst);
        if (messages.isEmpty() && omitted == 0) {
            firstFrame = d.frame();
            startNanos = d.epochNanos();
        }
        lastFrame = d.frame();
        lastNanos = d.epochNanos();
        activeNanos = d.epochNanos();
        boolean natPort = src.port() == NAT_T_PORT || dst.port() == NAT_T_PORT;
        if (!natPort) {
            sawIkePort = true;
        } else if (sawIkePort && natTraversalFrame == null) {
            natTraversalFrame = d.frame();
        }
        if (!isZero(h.spiR()) && (spiR == null || isInitialResponse(h))) {
            spiR = h.spiR();
        }

        ttls.add(from, d.ttl());
        Long retransmissionOf = exchanges.retransmission(digest, from, d.frame());
        MessageContent content = MessageContent.read(version, m, o.decryption());
        fingerprints.message(from, d.frame(), content.visible());
        boolean encrypted = m.hasEncryptedContent();
        DecryptionStatus decryption = o.decryption();
        FragmentInfo fragment = FragmentTracker.fragmentOf(o.carriedFragment() != null ? o.carriedFragment() : m, h);
        String exchangeName = ExchangeNames.of(version, h.exchangeType());
        boolean response = version == 2 ? h.response() : false;
        ExchangeState exchange = exchanges.exchangeFor(h, from, response, retransmissionOf != null, fragment, exchangeName);
        if (exchange.name.equals(ExchangeNames.CREATE_CHILD_SA)) {
            rekeys.createChildSaSeen();
        }
        if (version == 1) {
            response = from != exchange.requester;
        }
        if (version == 2 && exchangeName.equals(ExchangeNames.IKE_AUTH)) {
            phase1.seen(); // IKE_AUTH completes the IKE SA: Phase 1 is (partly) in the capture
        }

        FragmentTracker.Arrival arrival = fragments.arrive(from, exchange, fragment, m, o.carriedFragment() == null,
                d.frame(), encrypted, decryption, retransmissionOf);
        encrypted = arrival.encrypted();
        decryption = arrival.decryption();
        boolean newMessage = arrival.newMessage(fragment, retransmissionOf);
        String step = exchange.step(from, newMessage, version);
        boolean decrypted = decryption == DecryptionStatus.OK;
        IkeProposal chosen = phase1.chosen();
        Integer room = encrypted && version == 2 && fragment == null && chosen != null && !decrypted
                ? CipherOverhead.room(content.encryptedLength(), chosen.encryption(), chosen.integrity()) : null;

        MessageRecord record = new MessageRecord(d.frame(), d.epochNanos(), from, src, dst, d.transport(),
                h.exchangeType(), exchangeName, h.messageId(), response, step, exchange.index, retransmissionOf,
                encrypted, decryption, o.failureReason(), content.names(), content.notifies(), h.length(),
                content.encryptedLength(), room, fragment, arrival.partOf(),
                MessagePurpose.of(version, exchangeName, response, encrypted, decrypted, content));
        if (messages.size() < options.maxMessagesPerNegotiation()) {
            messages.add(record);
            exchange.messages.add(record);
            fragments.kept(arrival, messages.size() - 1, exchange.messages.size() - 1);
            if (exchange.name.equals(ExchangeNames.CREATE_CHILD_SA)) {
                rekeys.createChildSaKept(record.epochNanos());
            }
        } else {
            omitted++;
        }
        fragments.standFor(arrival, messages, exchange, record);
        if (arrival.countsNow(retransmissionOf)) {
            decryptions.count(encrypted, decryption);
        }
        if (arrival.readsContent(retransmissionOf)) {
            phaseFacts(record, exchange, h, content, d);
        }
    }

    private boolean isInitialResponse(IkeHeader h) {
        return version == 2 ? h.response() && ExchangeNames.IKE_SA_INIT.equals(ExchangeNames.of(2, h.exchangeType()))
                : h.messageId() == 0;
    }

    // ---- phase facts ----------------------------------------------------------------------------------------

    /** The task of the message's exchange kind reads it; NAT evidence is gathered from every exchange. */
    private void phaseFacts(MessageRecord r, ExchangeState e, IkeHeader h, MessageContent content, IkeDatagram d) {
        ExchangeTask task = tasks.forExchange(r.exchange());
        if (task != null) {
            task.read(r, e, content);
        }
        IkeProposal chosen = phase1.chosen();
        nat.message(r, h, content.visible(), d, chosen == null ? null : chosen.hash());
    }

    // ---- ESP, AH and lost fragments -----------------------------------------------------------------------------

    void esp(long frame, long nanos, String src, int srcPort, long spi) {
        ipsec(false, frame, nanos, src, srcPort, spi);
    }

    /** An AH packet: counted as ESP is, on the child whose SPI it carries (negotiated for ESP or AH). */
    void ah(long frame, long nanos, String src, long spi) {
        ipsec(true, frame, nanos, src, 0, spi);
    }

    private void ipsec(boolean isAh, long frame, long nanos, String src, int srcPort, long spi) {
        activeNanos = Math.max(activeNanos, nanos);
        Role to = children.count(isAh, spi);
        if (to == null) {
            to = peers.senderOf(src, srcPort) == Role.INITIATOR ? Role.RESPONDER : Role.INITIATOR;
        }
        (isAh ? ah : esp).add(to, frame);
    }

    void lostFragments(long frame, long nanos, String src, int srcPort, int bytes, int fragments) {
        if (lost.size() >= options.maxMessagesPerNegotiation()) {
            return;
        }
        lost.add(new LostFragments(frame, nanos, peers.senderOf(src, srcPort), bytes, fragments));
    }

    /**
     * An ICMP destination unreachable quoting a datagram from {@code src} to {@code dst}. Tied when the SPIs named
     * this negotiation ({@code bySpi}) or when this negotiation sent a message that way before it; false when not.
     */
    boolean icmpError(IcmpUnreachable icmp, boolean bySpi) {
        Endpoint src = new Endpoint(icmp.quotedSrc(), icmp.quotedSrcPort());
        Endpoint dst = new Endpoint(icmp.quotedDst(), icmp.quotedDstPort());
        MessageRecord quoted = null;
        for (int i = messages.size() - 1; i >= 0 && quoted == null; i--) {
            MessageRecord m = messages.get(i);
            if (m.frame() <= icmp.frame() && m.source().equals(src) && m.destination().equals(dst)) {
                quoted = m;
            }
        }
        if (!bySpi && quoted == null) {
            return false;
        }
        if (icmpErrors.size() < options.maxMessagesPerNegotiation()) {
            Role refused = quoted != null ? quoted.from() : peers.senderOf(src.address(), src.port());
            icmpErrors.add(new IcmpError(icmp, refused, quoted == null ? null : quoted.frame(), bySpi));
        } else {
            icmpOmitted++;
        }
        activeNanos = Math.max(activeNanos, icmp.epochNanos());
        return true;
    }

    /**
     * The older negotiation this IKEv2 SA came from: the one whose decrypted rekey named our SPI, else one whose
     * CREATE_CHILD_SA was answered at most {@code windowNanos} before our first message (inferred).
     */
    void linkRekey(Collection<NegotiationState> samePeers, long windowNanos) {
        rekeys.link(this, samePeers, windowNanos);
    }

    RekeyTrail rekeys() {
        return rekeys;
    }

    ExchangeLog exchanges() {
        return exchanges;
    }

    boolean startedWithoutPhase1() {
        return !phase1.wasSeen();
    }

    void note(String text) {
        if (!notes.contains(text)) {
            notes.add(text);
        }
    }

    // ---- result -----------------------------------------------------------------------------------------------

    Negotiation build(long watchedUntilNanos) {
        List<Exchange> finished = exchanges.finished();
        List<ChildSa> childList = children.build();
        List<String> allNotes = new ArrayList<>(notes);
        if (omitted > 0) {
            allNotes.add(omitted + " later messages were counted but not kept (limit "
                    + options.maxMessagesPerNegotiation() + " per negotiation)");
        }
        if (icmpOmitted > 0) {
            allNotes.add(icmpOmitted + " later ICMP errors were counted but not kept (limit "
                    + options.maxMessagesPerNegotiation() + " per negotiation)");
        }
        if (children.full()) {
            allNotes.add("only the first " + options.maxChildrenPerNegotiation() + " Phase 2 negotiations are kept");
        }
        CapturePoint capturePoint = ttls.capturePoint();
        String mode = version == 2 ? "ikev2" : phase1.exchangeMode();
        return new Negotiation(id, input, version, mode, peers.initiator(), peers.responder(), spiI.hex(),
                spiR == null ? null : spiR.hex(), firstFrame, lastFrame, startNanos, lastNanos, natTraversalFrame,
                nat.natDetected(), decryptions.summary(fragments.all()), phase1.build(), childList, finished, messages,
                omitted, esp.tally(), lost, Math.max(watchedUntilNanos, lastNanos), allNotes, rekeys.origin(),
                icmpErrors, ah.tally(), capturePoint, NatReasoning.assess(nat, capturePoint),
                fingerprints.build(Role.INITIATOR, messages), fingerprints.build(Role.RESPONDER, messages));
    }

    /** Both addresses, in either order; fixed by the first message (which names the initiator). */
    String pairKey() {
        if (pairKey == null) {
            pairKey = pairKey(peers.initiator().address(), peers.responder().address());
        }
        return pairKey;
    }

    static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    private static boolean isZero(Bytes b) {
        for (int i = 0; i < b.length(); i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
