package io.ikescope.audit;

import java.util.List;

/**
 * One transform of a negotiation, rated.
 *
 * @param phase         1 (IKE SA) or 2 (child SA)
 * @param child         the child SA's index in the negotiation, null for phase 1
 * @param transformType "encryption", "prf", "integrity", "hash", "dhGroup" (a phase 2 one is the PFS group),
 *                      "authMethod", "ikeVersion" (IKEv1 itself, rated by RFC 9395)
 * @param name          the readable name reports use ("AES-CBC-256", "14 (modp2048)", "PSK")
 * @param keyLength     the key length the rating depended on, else null
 * @param chosen        the responder chose it
 * @param offered       the initiator offered it
 * @param rating        the strictest of the sources; NOT_RATED without any
 * @param sources       every document that rates it
 */
public record TransformRating(int phase, Integer child, String transformType, String name, Integer keyLength,
                              boolean chosen, boolean offered, Rating rating, List<Source> sources) {
    public TransformRating {
        sources = List.copyOf(sources);
    }

    /** Offered but not chosen although weak: a peer configured with it would negotiate it. */
    public boolean weakOfferOnly() {
        return offered && !chosen && rating.compareTo(Rating.SHOULD_NOT) >= 0;
    }
}
