package io.ikescope.session;

/** An address and UDP/TCP port as the capture saw them (after any NAT on the capture's side). */
public record Endpoint(String address, int port) {
    @Override
    public String toString() {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
