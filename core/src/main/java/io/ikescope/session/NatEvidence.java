package io.ikescope.session;

import io.ikescope.net.IkeDatagram;
import io.ikescope.wire.Addresses;
import io.ikescope.wire.Bytes;
import io.ikescope.wire.IdentificationPayload;
import io.ikescope.wire.IkeHeader;
import io.ikescope.wire.NatDiscoveryPayload;
import io.ikescope.wire.NatOriginalAddressPayload;
import io.ikescope.wire.NotifyDetail;
import io.ikescope.wire.Payload;
import java.util.ArrayList;
import java.util.List;

/**
 * NAT discovery while a negotiation is read: each NAT discovery hash recomputed from the addresses and ports in the
 * capture (the contract's {@code natDetected}), and what else tells a NAT from a peer that fakes its hash to force UDP
 * encapsulation: the port 0 libreswan hashes, another standard port (a NAT changed only the port), the peer's own
 * address learnt from its ID or NAT-OA, a source port that is neither 500 nor 4500. Constant memory per negotiation.
 */
final class NatEvidence {
    static final String NAT_SOURCE = "NAT_DETECTION_SOURCE_IP";
    static final String NAT_DESTINATION = "NAT_DETECTION_DESTINATION_IP";
    static final int IKE_PORT = 500;
    static final int NAT_T_PORT = 4500;
    /** libreswan's {@code encapsulation=yes} hashes its own address with this port (v4.10 ikev2_nat.c, ikev1_nat.c). */
    static final int FAKED_PORT = 0;
    /** Ports a peer's own hash is tried with besides the one captured. */
    private static final int[] OTHER_PORTS = {FAKED_PORT, IKE_PORT, NAT_T_PORT};
    /** ID_IPV4_ADDR / ID_IPV6_ADDR: the same numbers in IKEv1 and IKEv2. */
    private static final int ID_IPV4_ADDR = 1;
    private static final int ID_IPV6_ADDR = 5;
    private static final String IKEV2_DIGEST = "SHA-1";

    final int version;
    final Peer[] peers = {new Peer(), new Peer()};

    /** What one peer's hashes showed. */
    static final class Peer {
        /** The contract's verdict for this peer: some hash about it differed. */
        Boolean natted;
        /** Its own (source) hash matched its captured address and port in some message. */
        Boolean ownMatches;
        Long ownFrame;
        /** Its own hash is its captured address with port 0. */
        boolean portZero;
        /** Its own hash is its captured address with this other standard port. */
        Integer otherPort;
        int capturedPort;
        String capturedAddress;
        /** A source port on the wire that is neither 500 nor 4500, or null. */
        Integer oddPort;
        /** The other peer's destination hash about it matched its captured address and port. */
        Boolean peerViewMatches;
        Long peerViewFrame;
        /** Its first own hash that matched nothing, kept to try against addresses learnt later. */
        PendingHash unmatched;
        /** Its own address from an ID or NAT-OA payload, when it differs from the captured one. */
        String statedAddress;
        /** The port its own hash matched with {@link #statedAddress}, or null when it matched none. */
        Integer statedAddressPort;
    }

    private record PendingHash(String digest, Bytes spiI, Bytes spiR, Bytes hash, int capturedPort) {
    }

    NatEvidence(int version) {
        this.version = version;
    }

    Peer peer(Role role) {
        return peers[role.ordinal()];
    }

    /**
     * One message's NAT discovery hashes and address payloads.
     *
     * @param ikev1Hash the Phase 1 hash in readable form ("SHA2-256"), or null; IKEv2 always uses SHA-1
     */
    void message(MessageRecord r, IkeHeader h, List<Payload> visible, IkeDatagram d, String ikev1Hash) {
        Role sender = r.from();
        Peer own = peer(sender);
        if (d.srcPort() != IKE_PORT && d.srcPort() != NAT_T_PORT && own.oddPort == null) {
            own.oddPort = d.srcPort();
        }
        statedAddresses(r, visible);
        Boolean sourceMatches = null;
        Boolean destinationMatches = null;
        if (version == 2) {
            for (NotifySeen n : r.notifies()) {
                if (n.detail() instanceof NotifyDetail.NatDetectionHash nat) {
                    if (n.is(NAT_SOURCE)) {
                        sourceMatches = or(sourceMatches, ownHash(own, r, IKEV2_DIGEST, h, d, nat.hash()));
                    } else if (n.is(NAT_DESTINATION)) {
                        destinationMatches = or(destinationMatches, viewHash(sender, r, IKEV2_DIGEST, h, d, nat.hash()));
                    }
                }
            }
        } else {
            List<NatDiscoveryPayload> hashes = new ArrayList<>();
            for (Payload p : visible) {
                if (p instanceof NatDiscoveryPayload nd) {
                    hashes.add(nd);
                }
            }
            String digest = NatDetection.jcaName(ikev1Hash);
            if (hashes.isEmpty() || digest == null || NatDetection.literal(d.src()) == null
                    || NatDetection.literal(d.dst()) == null) {
                return;
            }
            // RFC 3947: the first NAT-D hashes the remote (destination) address, the others the sender's own.
            destinationMatches = viewHash(sender, r, digest, h, d, hashes.get(0).hash());
            for (int i = 1; i < hashes.size(); i++) {
                sourceMatches = or(sourceMatches, ownHash(own, r, digest, h, d, hashes.get(i).hash()));
            }
        }
        // The sender's own address differs from what it put in the hash: the sender is behind a NAT; the
        // destination differs: the receiver is.
        if (sourceMatches != null) {
            own.natted = Boolean.TRUE.equals(own.natted) || !sourceMatches;
        }
        if (destinationMatches != null) {
            Peer receiver = peer(sender.other());
            receiver.natted = Boolean.TRUE.equals(receiver.natted) || !destinationMatches;
        }
    }

    /** The contract's {@code natDetected}: "none", "initiator", "responder", "both", or null. */
    String natDetected() {
        Peer i = peer(Role.INITIATOR);
        Peer r = peer(Role.RESPONDER);
        if (i.natted == null && r.natted == null) {
            return null;
        }
        return NatAssessment.which(Boolean.TRUE.equals(i.natted), Boolean.TRUE.equals(r.natted));
    }

    /** Whether the sender's own hash matches its captured address and port; the other ports it fits are noted. */
    private Boolean ownHash(Peer own, MessageRecord r, String digest, IkeHeader h, IkeDatagram d, Bytes hash) {
        Bytes expected = NatDetection.hash(digest, h.spiI(), h.spiR(), d.src(), d.srcPort());
        if (expected == null) {
            return null;
        }
        own.capturedAddress = d.src();
        own.capturedPort = d.srcPort();
        boolean match = expected.equals(hash);
        if (match) {
            own.ownMatches = true;
            own.ownFrame = r.frame();
            return true;
        }
        for (int port : OTHER_PORTS) {
            if (port != d.srcPort() && hash.equals(NatDetection.hash(digest, h.spiI(), h.spiR(), d.src(), port))) {
                if (port == FAKED_PORT) {
                    own.portZero = true;
                } else {
                    own.otherPort = port;
                }
            }
        }
        if (own.ownMatches == null) {
            own.ownMatches = false;
            own.ownFrame = r.frame();
        }
        if (own.unmatched == null) {
            own.unmatched = new PendingHash(digest, h.spiI(), h.spiR(), hash, d.srcPort());
            tryStatedAddress(own);
        }
        return false;
    }

    /** Whether the sender's hash of its destination matches the receiver's captured address and port. */
    private Boolean viewHash(Role sender, MessageRecord r, String digest, IkeHeader h, IkeDatagram d, Bytes hash) {
        Bytes expected = NatDetection.hash(digest, h.spiI(), h.spiR(), d.dst(), d.dstPort());
        if (expected == null) {
            return null;
        }
        boolean genuine = expected.equals(hash);
        boolean fits = genuine;
        if (!genuine && hash.equals(NatDetection.hash(digest, h.spiI(), h.spiR(), d.dst(), FAKED_PORT))) {
            // libreswan's IKEv1 encapsulation=yes zeroes the port of both hashes: the sender forces, the address fits
            peer(sender).portZero = true;
            fits = true;
        }
        Peer receiver = peer(sender.other());
        if (receiver.peerViewMatches == null || receiver.peerViewMatches && !fits) {
            receiver.peerViewMatches = fits;
            receiver.peerViewFrame = r.frame();
        }
        return genuine;
    }

    /** The peer's own address as its ID (Phase 1 / IKE_AUTH) or NAT-OA (Quick Mode) states it. */
    private void statedAddresses(MessageRecord r, List<Payload> visible) {
        boolean identity = r.exchange().equals(ExchangeNames.IKE_AUTH) || r.exchange().equals(ExchangeNames.MAIN_MODE)
                || r.exchange().equals(ExchangeNames.AGGRESSIVE);
        int natOa = 0;
        for (Payload p : visible) {
            if (identity && p instanceof IdentificationPayload id
                    && (id.idType() == ID_IPV4_ADDR || id.idType() == ID_IPV6_ADDR)) {
                stated(peer(r.from()), Addresses.format(id.data()));
            } else if (p instanceof NatOriginalAddressPayload oa && r.exchange().equals(ExchangeNames.QUICK_MODE)) {
                // RFC 3947 5.2: NAT-OAi is the initiator's original address, NAT-OAr the responder's.
                stated(peer(natOa++ == 0 ? Role.INITIATOR : Role.RESPONDER), Addresses.format(oa.address()));
            }
        }
    }

    private void stated(Peer peer, String address) {
        if (address == null || peer.statedAddress != null || address.equals(peer.capturedAddress)) {
            return;
        }
        peer.statedAddress = address;
        tryStatedAddress(peer);
    }

    /** Whether the peer's unmatched own hash is of the address it states, with the captured or a standard port. */
    private static void tryStatedAddress(Peer peer) {
        PendingHash u = peer.unmatched;
        if (u == null || peer.statedAddress == null || peer.statedAddressPort != null) {
            return;
        }
        int[] ports = {u.capturedPort(), IKE_PORT, NAT_T_PORT, FAKED_PORT};
        for (int port : ports) {
            if (u.hash().equals(NatDetection.hash(u.digest(), u.spiI(), u.spiR(), peer.statedAddress, port))) {
                peer.statedAddressPort = port;
                return;
            }
        }
    }

    private static Boolean or(Boolean sofar, Boolean next) {
        if (next == null) {
            return sofar;
        }
        return Boolean.TRUE.equals(sofar) || next;
    }
}
