package io.ikescope.session;

import java.util.Objects;

/** An address and UDP/TCP port as the capture saw them (after any NAT on the capture's side). */
public record Endpoint(String address, int port) {
    // equals and hashCode written out with the generated ones' results: those are linked through invokedynamic
    // at their first call, milliseconds of a short run (RecordMethodsTest)
    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && Objects.equals(e.address, address) && e.port == port;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(address) * 31 + port;
    }

    @Override
    public String toString() {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
