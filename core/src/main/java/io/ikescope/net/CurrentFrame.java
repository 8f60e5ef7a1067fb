package io.ikescope.net;

/**
 * The frame being decoded, shared by the decoder's layers: its number and time, the addresses of the innermost IP
 * header so far and that header's TTL. The addresses stay in the frame's bytes (only offsets are kept) until a
 * result needs them as text or a fragment or TCP stream needs them as a key. One instance per decoder, updated in
 * place for each frame.
 */
final class CurrentFrame {
    private final Diagnostics diagnostics;
    long number;
    long nanos;
    /** TTL / hop limit of that header (of the first fragment once a datagram is reassembled). */
    int ttl = IkeDatagram.UNKNOWN_TTL;
    private byte[] addressData;
    private int sourceAt;
    private int destinationAt;
    private int addressLength;

    CurrentFrame(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void start(long number, long nanos) {
        this.number = number;
        this.nanos = nanos;
    }

    void setAddresses(byte[] b, int source, int destination, int length) {
        addressData = b;
        sourceAt = source;
        destinationAt = destination;
        addressLength = length;
    }

    boolean isIpv4() {
        return addressLength == 4;
    }

    boolean isIpv6() {
        return addressLength == 16;
    }

    /** Source then destination address, as fragment reassembly and TCP streams key on them. */
    byte[] copyAddresses() {
        byte[] copy = new byte[addressLength * 2];
        System.arraycopy(addressData, sourceAt, copy, 0, addressLength);
        System.arraycopy(addressData, destinationAt, copy, addressLength, addressLength);
        return copy;
    }

    String source() {
        return text(sourceAt);
    }

    String destination() {
        return text(destinationAt);
    }

    private String text(int at) {
        return addressLength == 4 ? AddressText.ipv4(addressData, at) : AddressText.ipv6(addressData, at);
    }

    /** Counts a packet skipped for a bad header and warns once per kind. */
    void malformed(String kind, String what) {
        diagnostics.counters.malformed++;
        diagnostics.warnOnce(kind, "frame " + number + ": " + what + "; such packets are skipped");
    }
}
