package io.ikescope.session;

import io.ikescope.wire.IkeHeader;
import java.util.HashSet;
import java.util.Set;

/**
 * Who is who in one negotiation: the initiator's and responder's endpoints, fixed by the first message, and the
 * ports each side used; tells the sender of a message, an IPsec packet or a datagram that never reassembled.
 */
final class PeerRoles {
    private final int version;
    private Endpoint initiator;
    private Endpoint responder;
    private final Set<Integer> initiatorPorts = new HashSet<>();
    private final Set<Integer> responderPorts = new HashSet<>();

    PeerRoles(int version) {
        this.version = version;
    }

    Endpoint initiator() {
        return initiator;
    }

    Endpoint responder() {
        return responder;
    }

    /** The sender of an IKE message from {@code src} to {@code dst}; its ports are remembered for that side. */
    Role sender(IkeHeader h, Endpoint src, Endpoint dst) {
        Role from = roleOf(h, src, dst);
        (from == Role.INITIATOR ? initiatorPorts : responderPorts).add(src.port());
        (from == Role.INITIATOR ? responderPorts : initiatorPorts).add(dst.port());
        return from;
    }

    /** The side a packet from {@code address} and {@code port} came from; ports decide for a host talking to itself. */
    Role senderOf(String address, int port) {
        if (initiator.address().equals(responder.address())) {
            return responderPorts.contains(port) && !initiatorPorts.contains(port) ? Role.RESPONDER : Role.INITIATOR;
        }
        return address.equals(responder.address()) ? Role.RESPONDER : Role.INITIATOR;
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
}
