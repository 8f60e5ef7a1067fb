package io.ikescope.check;

import io.ikescope.config.Origin;

/** A connection of one side that no connection of the other side fits (addresses, identities, name). */
public record Unpaired(Side side, String connection, Origin origin, String reason) {
}
