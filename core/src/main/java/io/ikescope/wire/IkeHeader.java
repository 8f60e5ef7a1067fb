package io.ikescope.wire;

/**
 * The 28-byte IKE/ISAKMP header.
 *
 * @param flags     the raw flags byte; see the accessors for the bits each version defines
 * @param messageId unsigned 32-bit message ID
 * @param length    unsigned 32-bit declared message length
 */
public record IkeHeader(Bytes spiI, Bytes spiR, int nextPayload, int majorVersion, int minorVersion,
                        int exchangeType, int flags, long messageId, long length) {

    public static final int LENGTH = 28;

    /** IKEv1 E bit: the body after the header is encrypted. */
    public boolean encryption() {
        return (flags & 0x01) != 0;
    }

    /** IKEv1 C bit. */
    public boolean commit() {
        return (flags & 0x02) != 0;
    }

    /** IKEv1 A bit. */
    public boolean authOnly() {
        return (flags & 0x04) != 0;
    }

    /** IKEv2 I bit: sent by the original initiator. */
    public boolean initiator() {
        return (flags & 0x08) != 0;
    }

    /** IKEv2 V bit: the sender can speak a higher major version. */
    public boolean higherVersion() {
        return (flags & 0x10) != 0;
    }

    /** IKEv2 R bit: this message is a response. */
    public boolean response() {
        return (flags & 0x20) != 0;
    }
}
