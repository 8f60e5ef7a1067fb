package io.ikescope.probe.wire;

import io.ikescope.wire.IkeHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * One IKE message to send: the header and a payload chain. Next-payload fields and every length are filled in
 * from the payloads added, so a caller names payload types and bodies only.
 */
public final class MessageWriter {
    /** Generic payload header: next payload, critical/reserved, length. */
    private static final int PAYLOAD_HEADER_LENGTH = 4;
    private static final int NO_NEXT_PAYLOAD = 0;

    private record Part(int type, byte[] body) {
    }

    private final byte[] spiI;
    private final byte[] spiR;
    private final int version;
    private final int exchangeType;
    private final int flags;
    private final long messageId;
    private final List<Part> parts = new ArrayList<>();

    /**
     * @param version the version byte: major version in the high nibble (0x20 IKEv2, 0x10 IKEv1)
     */
    public MessageWriter(byte[] spiI, byte[] spiR, int version, int exchangeType, int flags, long messageId) {
        if (spiI.length != 8 || spiR.length != 8) {
            throw new IllegalArgumentException("IKE SPIs are 8 bytes");
        }
        this.spiI = spiI.clone();
        this.spiR = spiR.clone();
        this.version = version;
        this.exchangeType = exchangeType;
        this.flags = flags;
        this.messageId = messageId;
    }

    public MessageWriter add(int payloadType, byte[] body) {
        parts.add(new Part(payloadType, body.clone()));
        return this;
    }

    public byte[] toBytes() {
        WireWriter w = new WireWriter();
        w.bytes(spiI).bytes(spiR);
        w.u8(parts.isEmpty() ? NO_NEXT_PAYLOAD : parts.get(0).type());
        w.u8(version).u8(exchangeType).u8(flags).u32(messageId);
        w.u32(0); // length, written below
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            w.u8(i + 1 < parts.size() ? parts.get(i + 1).type() : NO_NEXT_PAYLOAD);
            w.u8(0);
            w.u16(PAYLOAD_HEADER_LENGTH + p.body().length);
            w.bytes(p.body());
        }
        w.putU32(IkeHeader.LENGTH - 4, w.size());
        return w.toArray();
    }
}
