package io.ikescope.session;

import java.util.ArrayList;
import java.util.List;

/**
 * What the NAT discovery hashes say once the capture point and the peers' other evidence are weighed.
 *
 * <p>{@link Negotiation#natDetected()} keeps the contract's meaning: a hash that differs from the addresses and ports
 * in the capture marks that peer. Such a difference has two causes that look alike: a NAT translated the peer, or
 * the peer faked its own hash to make both sides use UDP encapsulation (strongSwan with {@code encap = yes}, and
 * always with its kernel-libipsec backend, sends a random source hash; libreswan with {@code encapsulation=yes}
 * hashes its address with port 0). This tells them apart where the capture can.
 *
 * @param forcedEncapsulation the peers shown to fake their hash to force UDP encapsulation: "initiator",
 *                            "responder", "both", "none" (both shown not to), or null when a peer's case stays open
 * @param natPlacement        the peers shown behind a NAT (their datagrams reach the other peer from another
 *                            address or port than their own): "initiator", "responder", "both", "none", or null
 *                            when a peer's case stays open
 * @param initiator           the initiator's case, or null when no hash about it could be recomputed
 * @param responder           the responder's case, or null
 */
public record NatAssessment(String forcedEncapsulation, String natPlacement, PeerNat initiator, PeerNat responder) {
    public static final NatAssessment UNKNOWN = new NatAssessment(null, null, null, null);

    /**
     * One peer's case.
     *
     * @param sourceHashMatches   its own hash (IKEv2 NAT_DETECTION_SOURCE_IP, IKEv1 its NAT-D) matches its address
     *                            and port as captured; null when it sent none that could be recomputed
     * @param behindNat           true when the capture shows a NAT translating it, false when it shows none, null
     *                            when it cannot tell (a mismatch that NAT and forced encapsulation both explain)
     * @param forcesEncapsulation true when it fakes its hash to force UDP encapsulation, false when its hash is
     *                            genuine, null when it cannot tell
     * @param explanation         the reasons in words, naming the evidence ("its NAT_DETECTION_SOURCE_IP matches
     *                            none of its addresses, and the capture was taken on its own segment (TTL 64) ...")
     * @param frame               the message whose hash decided it, or null
     */
    public record PeerNat(Boolean sourceHashMatches, Boolean behindNat, Boolean forcesEncapsulation,
                          String explanation, Long frame) {
    }

    /** One peer's case, or null. */
    public PeerNat of(Role role) {
        return role == Role.INITIATOR ? initiator : responder;
    }

    /**
     * What the hashes mean in words, or null when nothing needs saying: "both peers force UDP encapsulation; no NAT
     * between them", "the responder forces UDP encapsulation; the initiator is behind a NAT or forces it".
     */
    public String summary() {
        if ("both".equals(forcedEncapsulation) && "none".equals(natPlacement)) {
            return "both peers force UDP encapsulation; no NAT between them";
        }
        List<String> parts = new ArrayList<>();
        for (Role role : Role.values()) {
            PeerNat p = of(role);
            if (p == null) {
                continue;
            }
            String who = "the " + role.jsonName();
            boolean forced = Boolean.TRUE.equals(p.forcesEncapsulation());
            boolean behind = Boolean.TRUE.equals(p.behindNat());
            if (forced && behind) {
                parts.add(who + " is behind a NAT and forces UDP encapsulation");
            } else if (forced) {
                parts.add(who + " forces UDP encapsulation");
            } else if (behind) {
                parts.add(who + " is behind a NAT");
            } else if (Boolean.FALSE.equals(p.sourceHashMatches()) && p.behindNat() == null) {
                parts.add(who + " is behind a NAT or forces UDP encapsulation");
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** The peers for which {@code value} is true: "initiator", "responder", "both"; "none" when false for both. */
    static String which(Boolean initiatorValue, Boolean responderValue) {
        boolean i = Boolean.TRUE.equals(initiatorValue);
        boolean r = Boolean.TRUE.equals(responderValue);
        if (i || r) {
            return i && r ? "both" : i ? "initiator" : "responder";
        }
        return Boolean.FALSE.equals(initiatorValue) && Boolean.FALSE.equals(responderValue) ? "none" : null;
    }
}
