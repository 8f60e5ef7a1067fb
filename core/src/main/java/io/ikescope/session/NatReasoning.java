package io.ikescope.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Weighs a negotiation's {@link NatEvidence} with the {@link CapturePoint} into a {@link NatAssessment}.
 *
 * <p>A peer's own hash that matches none of its captured addresses means a NAT between it and the capture point, or a
 * faked hash. When its datagrams reach the capture point untouched (TTL or hop limit at a starting value) no router,
 * hence no NAT, sits in between: the hash is faked. Elsewhere it stays open unless something else tells: the hash
 * fits its address with port 0 (libreswan), with another standard port or with the address its ID / NAT-OA states (a
 * NAT), a source port that is neither 500 nor 4500 (a NAT rewrote it), the other peer's destination hash naming
 * another address than the capture shows (a NAT on the far side of the capture point).
 */
final class NatReasoning {
    private NatReasoning() {
    }

    static NatAssessment assess(NatEvidence evidence, CapturePoint capturePoint) {
        NatAssessment.PeerNat initiator = peer(evidence, Role.INITIATOR, capturePoint);
        NatAssessment.PeerNat responder = peer(evidence, Role.RESPONDER, capturePoint);
        return new NatAssessment(
                NatAssessment.which(initiator == null ? null : initiator.forcesEncapsulation(),
                        responder == null ? null : responder.forcesEncapsulation()),
                NatAssessment.which(initiator == null ? null : initiator.behindNat(),
                        responder == null ? null : responder.behindNat()),
                initiator, responder);
    }

    private static NatAssessment.PeerNat peer(NatEvidence evidence, Role role, CapturePoint capturePoint) {
        NatEvidence.Peer p = evidence.peer(role);
        if (p.ownMatches == null && p.peerViewMatches == null) {
            return null;
        }
        String other = "the " + role.other().jsonName();
        String ownHash = evidence.version == 2 ? "its " + NatEvidence.NAT_SOURCE : "its own NAT-D hash";
        String viewHash = evidence.version == 2 ? NatEvidence.NAT_DESTINATION : "NAT-D hash of its destination";
        CapturePoint.PeerTtl ttl = capturePoint.of(role);
        List<String> reasons = new ArrayList<>();
        Boolean behind = null;
        Boolean forced = null;
        if (Boolean.FALSE.equals(p.peerViewMatches)) {
            behind = true;
            reasons.add(other + "'s " + viewHash + " (frame " + p.peerViewFrame + ") hashes another address or port"
                    + " than the capture shows for it: a NAT translates it beyond the capture point");
        }
        if (p.statedAddressPort != null) {
            behind = true;
            reasons.add(ownHash + " is of " + p.statedAddress + " port " + p.statedAddressPort + ", the address its ID"
                    + " or NAT-OA states, while the capture shows " + p.capturedAddress + ": a NAT translates it");
            if (p.statedAddressPort == NatEvidence.FAKED_PORT) {
                forced = true;
            }
        } else if (p.statedAddress != null && PrivateAddresses.isPrivate(p.statedAddress)
                && Boolean.FALSE.equals(p.ownMatches)) {
            behind = true;
            reasons.add("its ID or NAT-OA states the private address " + p.statedAddress + " while its datagrams come"
                    + " from " + p.capturedAddress + ": a NAT translates it");
        }
        if (p.otherPort != null) {
            behind = true;
            reasons.add(ownHash + " is of its captured address with port " + p.otherPort + ", but it arrives from port "
                    + p.capturedPort + ": a NAT changed its port");
        }
        if (Boolean.TRUE.equals(p.ownMatches)) {
            forced = false;
            reasons.add(ownHash + " (frame " + p.ownFrame + ") matches its address and port as captured");
            if (behind == null && Boolean.TRUE.equals(p.peerViewMatches)) {
                behind = false;
            }
        } else if (Boolean.FALSE.equals(p.ownMatches)) {
            if (p.portZero) {
                forced = true;
                reasons.add(ownHash + " (frame " + p.ownFrame + ") is of its own address with port 0: libreswan's"
                        + " encapsulation=yes forces UDP encapsulation this way");
                behind = behind == null && Boolean.TRUE.equals(p.peerViewMatches) ? Boolean.FALSE : behind;
            } else if (Boolean.TRUE.equals(behind)) {
                reasons.add(ownHash + " (frame " + p.ownFrame + ") matches none of its captured addresses");
            } else if (ttl != null && ttl.untouched()) {
                forced = true;
                reasons.add(ownHash + " (frame " + p.ownFrame + ") matches none of its addresses, and the capture was"
                        + " taken on its own segment (TTL " + ttl.first() + ", untouched): no NAT can sit between them,"
                        + " so it fakes the hash to force UDP encapsulation (strongSwan encap = yes or"
                        + " kernel-libipsec)");
                behind = Boolean.TRUE.equals(p.peerViewMatches) ? Boolean.FALSE : behind;
            } else if (p.oddPort != null) {
                behind = true;
                reasons.add(ownHash + " (frame " + p.ownFrame + ") matches none of its addresses and it sends from port "
                        + p.oddPort + ", neither 500 nor 4500: a NAT rewrote its port");
            } else {
                reasons.add(ownHash + " (frame " + p.ownFrame + ") matches none of its addresses as captured: a NAT"
                        + " between it and the capture point, or it forces UDP encapsulation ("
                        + (ttl == null ? "its TTL is not known" : ttl.describe() + ", so a router, perhaps a NAT,"
                        + " is in between") + ")");
            }
        }
        if (p.ownMatches == null) {
            if (Boolean.TRUE.equals(p.peerViewMatches)) {
                reasons.add(other + "'s " + viewHash + " (frame " + p.peerViewFrame + ") matches its address and port"
                        + " as captured");
            }
            reasons.add("it sent no hash of its own that could be recomputed (none captured, or encrypted)");
        }
        return new NatAssessment.PeerNat(p.ownMatches, behind, forced, String.join("; ", reasons),
                p.ownFrame != null ? p.ownFrame : p.peerViewFrame);
    }
}
