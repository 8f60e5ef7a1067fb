package io.ikescope.config;

import java.util.List;

/**
 * One child SA (IKEv1 Quick Mode / IKEv2 child) of a connection, from the local end's view.
 *
 * @param localTs     traffic selectors this end proposes for itself
 * @param remoteTs    traffic selectors this end proposes for the peer
 * @param proposals   ESP/AH proposals in preference order, defaults filled in
 * @param mode        "tunnel", "transport", "beet", "pass", "drop"
 * @param startAction "none", "trap" (on traffic), "start" (at load), as the implementation means it
 * @param rekeySeconds when this end rekeys the child; null when it never does
 * @param lifeSeconds  hard lifetime
 */
public record ChildConfig(String name, Origin origin, Setting<List<TrafficSelectorConfig>> localTs,
                          Setting<List<TrafficSelectorConfig>> remoteTs,
                          Setting<List<ChildProposalConfig>> proposals, Setting<String> mode,
                          Setting<String> startAction, Setting<Long> rekeySeconds, Setting<Long> lifeSeconds) {
}
