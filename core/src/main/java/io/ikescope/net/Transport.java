package io.ikescope.net;

/** How an IKE message travelled; {@link #jsonName()} is the contract's {@code transport} value. */
public enum Transport {
    /** UDP, port 500 or a port given with --port. */
    UDP("udp"),
    /** UDP 4500 behind the 4-byte non-ESP marker (RFC 3948). */
    UDP_NATT("udp-natt"),
    /** TCP encapsulation (RFC 8229). */
    TCP("tcp");

    private final String jsonName;

    Transport(String jsonName) { this.jsonName = jsonName; }

    public String jsonName() { return jsonName; }
}
