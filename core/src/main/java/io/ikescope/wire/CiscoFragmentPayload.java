package io.ikescope.wire;

/** Cisco IKEv1 fragmentation payload (type 132): a piece of a whole IKEv1 message. */
public record CiscoFragmentPayload(PayloadHeader header, int fragmentId, int fragmentNumber, int flags, Bytes data)
        implements Payload {
    /** The last-fragment flag. */
    public boolean last() {
        return (flags & 0x01) != 0;
    }
}
