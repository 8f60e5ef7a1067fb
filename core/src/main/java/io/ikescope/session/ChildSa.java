package io.ikescope.session;

import java.util.List;

/**
 * One IPsec SA negotiation (Phase 2): a Quick Mode, the child of IKE_AUTH, or a CREATE_CHILD_SA exchange. Sides are
 * the negotiation's peers ({@code Initiator} = the negotiation's initiator), whoever started this exchange.
 *
 * @param exchange        "quick_mode", "ike_auth" or "create_child_sa"
 * @param exchangeIndex   the {@link Exchange} that negotiated it (the first one for IKE_AUTH)
 * @param initiatedBy     who sent the request
 * @param contentHidden   its SA/TS payloads were encrypted and not decrypted: proposals, selectors and SPIs unknown
 * @param ikeRekey        IKEv2 CREATE_CHILD_SA that rekeys the IKE SA (decrypted SA for protocol IKE): true; false
 *                        for a child; null when hidden
 * @param offered         null when hidden
 * @param chosen          null when hidden or refused
 * @param requestHasKe    the request carried a KE payload (PFS); null when hidden
 * @param espToResponder  ESP packets seen on the responder's SPI; null when the SPI is unknown
 * @param espToInitiator  ESP packets seen on the initiator's SPI; null when the SPI is unknown
 * @param ahToResponder   AH packets seen on the responder's SPI; null when the SPI is unknown
 * @param ahToInitiator   AH packets seen on the initiator's SPI; null when the SPI is unknown
 */
public record ChildSa(int index, String exchange, int exchangeIndex, Role initiatedBy, long messageId,
                      boolean contentHidden, Boolean ikeRekey, String protocol, String mode,
                      List<ChildProposal> offered, ChildProposal chosen, Integer pfsGroup, Boolean requestHasKe,
                      List<String> trafficSelectorsInitiator, List<String> trafficSelectorsResponder,
                      String spiInitiator, String spiResponder, Long espToResponder, Long espToInitiator,
                      Long ahToResponder, Long ahToInitiator) {
    public ChildSa {
        offered = offered == null ? null : List.copyOf(offered);
        trafficSelectorsInitiator = trafficSelectorsInitiator == null ? null : List.copyOf(trafficSelectorsInitiator);
        trafficSelectorsResponder = trafficSelectorsResponder == null ? null : List.copyOf(trafficSelectorsResponder);
    }

    /** Both SPIs known and IPsec traffic (ESP or AH) seen on each: the child SA was in use both ways. */
    public boolean trafficBothWays() {
        return espToResponder != null && espToInitiator != null
                && espToResponder + orZero(ahToResponder) > 0 && espToInitiator + orZero(ahToInitiator) > 0;
    }

    /** Both SPIs known, so the counts say whether traffic used them. */
    public boolean spisKnown() {
        return espToResponder != null && espToInitiator != null;
    }

    /** AH was seen on its SPIs; reports mention AH only then, as most tunnels carry ESP alone. */
    public boolean ahSeen() {
        return orZero(ahToResponder) + orZero(ahToInitiator) > 0;
    }

    private static long orZero(Long n) {
        return n == null ? 0 : n;
    }
}
