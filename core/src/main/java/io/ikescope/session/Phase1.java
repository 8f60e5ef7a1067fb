package io.ikescope.session;

import java.util.List;

/**
 * The IKE SA (Phase 1) as captured.
 *
 * @param captured  false when the capture begins after Phase 1 (only later exchanges are seen)
 * @param offered   the initiator's combinations (of its last attempt), null when the offer was not seen
 * @param chosen    the responder's choice, null when not seen
 * @param attempts  IKEv2 IKE_SA_INIT attempts (a retry after INVALID_KE_PAYLOAD or COOKIE is another); IKEv1 one
 */
public record Phase1(boolean captured, List<IkeProposal> offered, IkeProposal chosen, List<Attempt> attempts) {
    public Phase1 {
        offered = offered == null ? null : List.copyOf(offered);
        attempts = List.copyOf(attempts);
    }

    /**
     * One initial request of the IKE SA.
     *
     * @param frame         the request's frame
     * @param offered       its combinations
     * @param offeredGroups the DH groups its SA offers, in order
     * @param keGroup       IKEv2: the group of its KE payload; null when it has none
     */
    public record Attempt(long frame, List<IkeProposal> offered, List<Integer> offeredGroups, Integer keGroup) {
        public Attempt {
            offered = List.copyOf(offered);
            offeredGroups = List.copyOf(offeredGroups);
        }
    }
}
