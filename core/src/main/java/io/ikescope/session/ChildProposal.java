package io.ikescope.session;

/**
 * One IPsec SA (Phase 2) algorithm combination: IKEv1 one transform, IKEv2 one choice per transform type.
 *
 * @param protocol        "ESP" or "AH"
 * @param dhGroup         the PFS group (IKEv1 Group-Description, IKEv2 KE transform), null without PFS
 * @param esn             extended sequence numbers; null when not said
 * @param mode            IKEv1 encapsulation mode ("tunnel", "transport", "udp-tunnel", ...); null for IKEv2
 * @param spi             the proposal's SPI (hex)
 */
public record ChildProposal(int proposal, String protocol, String encryption, String integrity, Integer dhGroup,
                           Boolean esn, String mode, Long lifetimeSeconds, String spi) {
}
