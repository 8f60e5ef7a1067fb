package io.ikescope.check;

import java.util.List;

/**
 * The traffic selectors of one child as proposed by the initiator and as they would be installed.
 *
 * @param proposedInitiator TSi as the initiator proposes it (its local side)
 * @param proposedResponder TSr as the initiator proposes it (its remote side)
 * @param installedInitiator TSi after the responder's selection (empty when refused)
 * @param narrowed          true when the installed selectors are narrower than proposed
 */
public record TrafficResult(List<String> proposedInitiator, List<String> proposedResponder,
                            List<String> installedInitiator, List<String> installedResponder, boolean narrowed) {

    public TrafficResult {
        proposedInitiator = List.copyOf(proposedInitiator);
        proposedResponder = List.copyOf(proposedResponder);
        installedInitiator = List.copyOf(installedInitiator);
        installedResponder = List.copyOf(installedResponder);
    }
}
