package io.ikescope.psk;

/**
 * The pre-shared key check of one negotiation (one IKE SA attempt).
 *
 * @param id           the negotiation's id, as diagnose numbers it (null if the session tracker did not report it)
 * @param input        the capture it came from
 * @param spiI         the initiator's SPI / IKEv1 cookie, hex
 * @param ikeVersion   1 or 2
 * @param exchangeMode "aggressive" or "ikev2"
 * @param prf          the PRF used for the proof ("HMAC-SHA2-256", "PRF_HMAC_SHA2_256"), or null when unknown
 * @param initiator    what the initiator's message proves
 * @param responder    what the responder's message proves
 */
public record PskVerdict(String id, String input, String spiI, int ikeVersion, String exchangeMode, String prf,
                         PeerResult initiator, PeerResult responder) {
}
