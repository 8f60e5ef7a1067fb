package io.ikescope.check;

import io.ikescope.config.ConnectionConfig;
import java.util.List;

/** One side's connection in a simulated negotiation, with the behaviour of its implementation. */
record End(Side side, ConnectionConfig connection, Behaviour behaviour) {

    static End of(Side side, ConnectionConfig connection) {
        return new End(side, connection, Behaviour.of(connection.implementation()));
    }

    String name() {
        return connection.name();
    }

    /** "A (strongSwan connection lab)" for messages. */
    String label() {
        return side + " (" + connection.implementation().displayName() + " connection " + connection.name() + ")";
    }

    /** The first remote address this end can send to; null when it has none (%any, a range). */
    String initiationTarget() {
        for (String a : values(connection.remoteAddrs().value())) {
            if (Addresses.isConcrete(a)) {
                return a;
            }
        }
        return null;
    }

    /**
     * The address this end is seen at by {@code other}: its own literal local address, else the literal address
     * the other end knows it by; null when neither file says.
     */
    String address(End other) {
        for (String a : values(connection.localAddrs().value())) {
            if (Addresses.isLiteral(a)) {
                return a;
            }
        }
        for (String a : values(other.connection.remoteAddrs().value())) {
            if (Addresses.isLiteral(a)) {
                return a;
            }
        }
        return null;
    }

    private static List<String> values(List<String> list) {
        return list == null ? List.of() : list;
    }
}
