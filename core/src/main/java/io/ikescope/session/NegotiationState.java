package io.ikescope.session;

import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.net.IcmpUnreachable;
import io.ikescope.net.IkeDatagram;
import io.ikescope.wire.AuthenticationPayload;
import io.ikescope.wire.Bytes;
import io.ikescope.wire.IkeHeader;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.KeyExchangePayload;
import io.ikescope.wire.SecurityAssociationPayload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    Endpoint initiator;
    Endpoint responder;
    private final Set<Integer> initiatorPorts = new HashSet<>();
    private final Set<Integer> responderPorts = new HashSet<>();
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

    private boolean phase1Seen;
    private String exchangeMode;
    private final List<Phase1.Attempt> attempts = new ArrayList<>();
    private IkeProposal chosen;
    private String ikev2AuthMethod;

    private final ChildSas children;
    private ChildState ikeAuthChild;
    private boolean ikeAuthChildDecided;

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
    /** IKEv2: initiator SPIs of IKE SAs this one's decrypted rekeys created, and the rekey exchange's index. */
    private final Map<String, Integer> rekeyedTo = new HashMap<>();
    /** Whether any CREATE_CHILD_SA was seen: only those can be the IKE SA a new one rekeys (see linkRekey). */
    private boolean createChildSaSeen;
    /** Capture time of the latest kept CREATE_CHILD_SA message. */
    private long lastCreateChildNanos = Long.MIN_VALUE;
    private String pairKey;
    private Negotiation.RekeyLink rekeyOf;

    NegotiationState(String id, String input, int version, Bytes spiI, TrackerOptions options) {
        this.id = id;
        this.input = input;
        this.version = version;
        this.spiI = spiI;
        this.key = key(version, spiI);
        this.options = options;
        this.nat = new NatEvidence(version);
        this.exchanges = new ExchangeLog(version, options.maxMessagesPerNegotiation());
        this.fragments = new FragmentTracker(version, options.maxMessagesPerNegotiation());
        this.children = new ChildSas(version, options.maxChildrenPerNegotiation());
    }

    /** Creation order: ids are handed out in sequence. */
    long order() {
        return Long.parseLong(id);
    }

    boolean createChildSaSeen() {
        return createChildSaSeen;
    }

    /**
     * Whether an IKE SA starting at {@code nanos} or later can no longer be linked to this one as its rekey: no
     * decrypted rekey named its SPI and the last CREATE_CHILD_SA is more than {@code windowNanos} before.
     */
    boolean pastRekeyWindow(long nanos, long windowNanos) {
        return rekeyedTo.isEmpty() && lastCreateChildNanos != Long.MIN_VALUE
                && nanos - lastCreateChildNanos > windowNanos;
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
        Role from = roleOf(h, src, dst);
        (from == Role.INITIATOR ? initiatorPorts : responderPorts).add(src.port());
        (from == Role.INITIATOR ? responderPorts : initiatorPorts).add(dst.port());
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
            createChildSaSeen = true;
        }
        if (version == 1) {
            response = from != exchange.requester;
        }
        if (version == 2 && exchangeName.equals(ExchangeNames.IKE_AUTH)) {
            phase1Seen = true; // IKE_AUTH completes the IKE SA: Phase 1 is (partly) in the capture
        }

        FragmentTracker.Arrival arrival = fragments.arrive(from, exchange, fragment, m, o.carriedFragment() == null,
                d.frame(), encrypted, decryption, retransmissionOf);
        encrypted = arrival.encrypted();
        decryption = arrival.decryption();
        boolean newMessage = arrival.newMessage(fragment, retransmissionOf);
        String step = exchange.step(from, newMessage, version);
        boolean decrypted = decryption == DecryptionStatus.OK;
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
                lastCreateChildNanos = Math.max(lastCreateChildNanos, record.epochNanos());
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

    /** IKEv2: the I flag says who sent it. IKEv1: the sender of the first message is the initiator. */
    private Role roleOf(IkeHeader h, Endpoint src, Endpoint dst) {
        if (initiator == null) {
            boolean fromInitiator = version == 2 ? h.initiator() : true;
            initiator = fromInitiator ? src : dst;
            responder = fromInitiator ? dst : src;
            return fromInitiator ? Role.INITIATOR : Role.RESPONDER;
        }
        if (version == 2) {
            return h.initiator() ? Role.INITIATOR : Role.RESPONDER;
        }
        boolean fromI = src.address().equals(initiator.address());
        boolean fromR = src.address().equals(responder.address());
        if (fromI != fromR) {
            return fromI ? Role.INITIATOR : Role.RESPONDER;
        }
        // Both peers on one address (a host talking to itself) or neither known (address changed): ports decide.
        if (initiatorPorts.contains(src.port()) && !responderPorts.contains(src.port())) {
            return Role.INITIATOR;
        }
        if (responderPorts.contains(src.port()) && !initiatorPorts.contains(src.port())) {
            return Role.RESPONDER;
        }
        return dst.address().equals(responder.address()) ? Role.INITIATOR : Role.RESPONDER;
    }

    private boolean isInitialResponse(IkeHeader h) {
        return version == 2 ? h.response() && ExchangeNames.IKE_SA_INIT.equals(ExchangeNames.of(2, h.exchangeType()))
                : h.messageId() == 0;
    }

    // ---- phase facts ----------------------------------------------------------------------------------------

    private void phaseFacts(MessageRecord r, ExchangeState e, IkeHeader h, MessageContent content, IkeDatagram d) {
        String name = r.exchange();
        boolean v2 = version == 2;
        if (v2 ? name.equals(ExchangeNames.IKE_SA_INIT) : name.equals(ExchangeNames.MAIN_MODE)
                || name.equals(ExchangeNames.AGGRESSIVE)) {
            phase1Seen = true;
            if (exchangeMode == null) {
                exchangeMode = v2 ? "ikev2" : name.equals(ExchangeNames.MAIN_MODE) ? "main" : "aggressive";
            }
            SecurityAssociationPayload sa = content.first(SecurityAssociationPayload.class);
            if (sa != null && r.from() == Role.INITIATOR && e.requester == Role.INITIATOR) {
                KeyExchangePayload ke = content.first(KeyExchangePayload.class);
                attempts.add(new Phase1.Attempt(r.frame(), ProposalReader.ikeSa(version, sa),
                        v2 ? ProposalReader.ikev2Groups(sa) : v1Groups(sa),
                        v2 && ke != null ? ke.dhGroup() : null));
            } else if (sa != null && r.from() == Role.RESPONDER) {
                List<IkeProposal> answer = ProposalReader.ikeSa(version, sa);
                if (!answer.isEmpty()) {
                    chosen = answer.get(0);
                }
            }
        }
        if (v2 && name.equals(ExchangeNames.IKE_AUTH) && r.from() == Role.INITIATOR && r.decrypted()) {
            AuthenticationPayload auth = content.first(AuthenticationPayload.class);
            if (auth != null && ikev2AuthMethod == null) {
                ikev2AuthMethod = AuthMethodNames.name(2, auth.authMethod());
            }
        }
        nat.message(r, h, content.visible(), d, chosen == null ? null : chosen.hash());
        if (children.full()) {
            return;
        }
        if (v2 && name.equals(ExchangeNames.IKE_AUTH)) {
            ikeAuthChild(r, e, content);
        } else if (v2 && name.equals(ExchangeNames.CREATE_CHILD_SA)) {
            createChildSa(r, e, content);
        } else if (!v2 && name.equals(ExchangeNames.QUICK_MODE)) {
            quickMode(r, e, content);
        }
    }

    private static List<Integer> v1Groups(SecurityAssociationPayload sa) {
        List<Integer> groups = new ArrayList<>();
        for (IkeProposal p : ProposalReader.ikeSa(1, sa)) {
            if (p.dhGroup() != null && !groups.contains(p.dhGroup())) {
                groups.add(p.dhGroup());
            }
        }
        return groups;
    }

    private void ikeAuthChild(MessageRecord r, ExchangeState e, MessageContent content) {
        boolean request = r.from() == e.requester;
        if (request && !ikeAuthChildDecided) {
            ikeAuthChildDecided = true;
            SecurityAssociationPayload sa = content.first(SecurityAssociationPayload.class);
            if (r.decrypted() && sa == null) {
                return; // a childless IKE_AUTH (RFC 6023)
            }
            ikeAuthChild = children.open("ike_auth", e, r);
        }
        if (ikeAuthChild != null && r.decrypted()) {
            children.read(ikeAuthChild, request, content);
        }
    }

    private void createChildSa(MessageRecord r, ExchangeState e, MessageContent content) {
        boolean request = r.from() == e.requester;
        ChildState c = e.child;
        if (c == null) {
            // Also for a response whose request was not captured: still one negotiation.
            c = children.open("create_child_sa", e, r);
            e.child = c;
        }
        if (r.decrypted()) {
            SecurityAssociationPayload sa = content.first(SecurityAssociationPayload.class);
            if (sa != null && ProposalReader.negotiatesIkeSa(2, sa)) {
                c.ikeRekey = true;
                if (request) {
                    // The rekey's requester is the new IKE SA's initiator: its proposal SPI is the new SPIi.
                    String spi = ChildSas.firstSpi(sa);
                    if (spi != null) {
                        rekeyedTo.put(spi, e.index);
                    }
                }
            } else if (sa != null && c.ikeRekey == null) {
                c.ikeRekey = false;
            }
            children.read(c, request, content);
        }
    }

    private void quickMode(MessageRecord r, ExchangeState e, MessageContent content) {
        boolean request = r.from() == e.requester;
        if (e.child == null) {
            e.child = children.open("quick_mode", e, r);
        }
        if (r.decrypted()) {
            children.read(e.child, request, content);
        }
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
            to = senderOf(src, srcPort) == Role.INITIATOR ? Role.RESPONDER : Role.INITIATOR;
        }
        (isAh ? ah : esp).add(to, frame);
    }

    void lostFragments(long frame, long nanos, String src, int srcPort, int bytes, int fragments) {
        if (lost.size() >= options.maxMessagesPerNegotiation()) {
            return;
        }
        lost.add(new LostFragments(frame, nanos, senderOf(src, srcPort), bytes, fragments));
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
            Role refused = quoted != null ? quoted.from() : senderOf(src.address(), src.port());
            icmpErrors.add(new IcmpError(icmp, refused, quoted == null ? null : quoted.frame(), bySpi));
        } else {
            icmpOmitted++;
        }
        activeNanos = Math.max(activeNanos, icmp.epochNanos());
        return true;
    }

    private Role senderOf(String address, int port) {
        if (initiator.address().equals(responder.address())) {
            return responderPorts.contains(port) && !initiatorPorts.contains(port) ? Role.RESPONDER : Role.INITIATOR;
        }
        return address.equals(responder.address()) ? Role.RESPONDER : Role.INITIATOR;
    }

    /**
     * The older negotiation this IKEv2 SA came from: the one whose decrypted rekey named our SPI, else one whose
     * CREATE_CHILD_SA was answered at most {@code windowNanos} before our first message (inferred).
     */
    void linkRekey(Collection<NegotiationState> samePeers, long windowNanos) {
        NegotiationState best = null;
        long bestFrame = -1;
        String spi = spiI.hex(); // once: many negotiations between the same peers may be live
        for (NegotiationState older : samePeers) {
            if (older == this || older.version != 2 || !older.createChildSaSeen) {
                continue; // cheap test first: thousands of negotiations between the same peers may be live
            }
            Integer exact = older.rekeyedTo.isEmpty() ? null : older.rekeyedTo.get(spi);
            if (exact != null) {
                rekeyOf = new Negotiation.RekeyLink(older.id, older.exchanges.get(exact).frames(), false);
                return;
            }
            for (ExchangeState e : older.exchanges.all()) {
                if (e.name.equals(ExchangeNames.CREATE_CHILD_SA) && e.hasFrom(e.requester.other())
                        && !Boolean.FALSE.equals(e.child == null ? null : e.child.ikeRekey)) {
                    MessageRecord last = e.last();
                    if (startNanos - last.epochNanos() <= windowNanos && last.frame() > bestFrame) {
                        best = older;
                        bestFrame = last.frame();
                    }
                }
            }
        }
        if (best != null) {
            for (ExchangeState e : best.exchanges.all()) {
                if (e.name.equals(ExchangeNames.CREATE_CHILD_SA) && e.last().frame() == bestFrame) {
                    rekeyOf = new Negotiation.RekeyLink(best.id, e.frames(), true);
                }
            }
        }
    }

    boolean startedWithoutPhase1() {
        return !phase1Seen;
    }

    void note(String text) {
        if (!notes.contains(text)) {
            notes.add(text);
        }
    }

    // ---- result -----------------------------------------------------------------------------------------------

    Negotiation build(long watchedUntilNanos) {
        List<Exchange> finished = exchanges.finished();
        List<IkeProposal> offered = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).offered();
        IkeProposal finalChoice = chosen;
        if (finalChoice != null && ikev2AuthMethod != null) {
            finalChoice = finalChoice.withAuthMethod(ikev2AuthMethod);
        }
        Phase1 phase1 = new Phase1(phase1Seen, offered, finalChoice, attempts);
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
        return new Negotiation(id, input, version, version == 2 ? "ikev2" : exchangeMode, initiator, responder, spiI.hex(),
                spiR == null ? null : spiR.hex(), firstFrame, lastFrame, startNanos, lastNanos, natTraversalFrame,
                nat.natDetected(), decryptions.summary(fragments.all()), phase1, childList, finished, messages, omitted,
                esp.tally(), lost, Math.max(watchedUntilNanos, lastNanos), allNotes, rekeyOf, icmpErrors, ah.tally(),
                capturePoint, NatReasoning.assess(nat, capturePoint), fingerprints.build(Role.INITIATOR, messages),
                fingerprints.build(Role.RESPONDER, messages));
    }

    /** Both addresses, in either order; fixed by the first message (which names the initiator). */
    String pairKey() {
        if (pairKey == null) {
            pairKey = pairKey(initiator.address(), responder.address());
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
