package io.ikescope.config;

import java.util.List;

/**
 * One connection (strongSwan "connections.NAME" or "conn NAME", a vendor's tunnel/peer) from the local end's view,
 * every value traced, the implementation's defaults filled in.
 *
 * @param ikeVersion    1, 2, or 0 for "either" (strongSwan version = 0)
 * @param aggressive    IKEv1 Aggressive Mode instead of Main Mode
 * @param localAddrs    addresses this end uses ("%any", a literal, a host name as written)
 * @param remoteAddrs   addresses of the peer ("%any" for a responder that accepts anyone)
 * @param ikeProposals  in preference order
 * @param strictProposals true when this end accepts only what it offers in its own order (libreswan, strongSwan's
 *                      "!" suffix), false when it may also accept what its defaults allow
 * @param forceEncap    forced UDP encapsulation (strongSwan encap=yes, libreswan encapsulation=yes)
 * @param rekeySeconds  IKE SA rekey time; null when never
 * @param lifeSeconds   IKE SA lifetime (IKEv1 proposes it)
 */
public record ConnectionConfig(String name, Origin origin, Implementation implementation, Setting<Integer> ikeVersion,
                               Setting<Boolean> aggressive, Setting<List<String>> localAddrs,
                               Setting<List<String>> remoteAddrs, Setting<List<IkeProposalConfig>> ikeProposals,
                               Setting<Boolean> strictProposals, Authentication local, Authentication remote,
                               List<ChildConfig> children, Setting<Boolean> forceEncap, Setting<Long> rekeySeconds,
                               Setting<Long> lifeSeconds) {

    public ConnectionConfig {
        children = List.copyOf(children);
    }
}
