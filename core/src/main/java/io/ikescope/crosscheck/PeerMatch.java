package io.ikescope.crosscheck;

import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.PeerConfig;
import io.ikescope.session.Role;

/**
 * One peer's configuration matched to a negotiation: the connection it belongs to and the role that peer plays.
 *
 * @param file         the configuration as the user named it ({@code --config})
 * @param roleInferred the addresses did not decide the role (NAT, %any on both ends): it is the only one left
 */
public record PeerMatch(String file, PeerConfig peer, ConnectionConfig connection, Role role, boolean roleInferred) {

    /** The peer's configuration narrowed to this one connection, so that a simulation pairs exactly it. */
    PeerConfig alone() {
        return new PeerConfig(peer.implementation(), peer.defaultsOf(), peer.files(), java.util.List.of(connection),
                peer.warnings());
    }
}
