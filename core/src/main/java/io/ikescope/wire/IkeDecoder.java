package io.ikescope.wire;

import io.ikescope.wire.registry.Ikev2Registry;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes IKEv1/ISAKMP and IKEv2 messages. Never throws on any input: every problem becomes an error text naming
 * the payload, its type and the offset, and the rest of the message is still returned.
 *
 * <p>Safety by construction: each length read off the wire is checked against the bytes that remain before
 * anything is sliced or copied; each payload consumes at least its 4-byte header, so a chain ends after at most
 * length/4 payloads; substructures (proposal, transform, attribute) are fixed levels, never recursion.
 */
public final class IkeDecoder {
    private IkeDecoder() {
    }

    /** Decodes a whole message starting at its IKE header (NAT-T marker and TCP framing already removed). */
    public static IkeMessage decode(byte[] data) {
        if (data == null) {
            data = new byte[0];
        }
        List<String> errors = new ArrayList<>();
        if (data.length < IkeHeader.LENGTH) {
            errors.add("IKE header truncated: " + data.length + " bytes, the header needs " + IkeHeader.LENGTH);
            return new IkeMessage(null, List.of(), errors, null);
        }
        WireReader r = new WireReader(data, 0, data.length);
        Bytes spiI = r.bytes(8, "initiator SPI");
        Bytes spiR = r.bytes(8, "responder SPI");
        int next = r.u8("next payload");
        int version = r.u8("version");
        int exchange = r.u8("exchange type");
        int flags = r.u8("flags");
        long messageId = r.u32("message ID");
        long length = r.u32("length");
        IkeHeader header = new IkeHeader(spiI, spiR, next, version >> 4, version & 0x0f, exchange, flags, messageId,
                length);

        int end = data.length;
        if (length < IkeHeader.LENGTH) {
            errors.add("header length " + length + " is shorter than the " + IkeHeader.LENGTH + "-byte header");
        } else if (length > data.length) {
            errors.add("header length " + length + " exceeds the " + data.length + " bytes of the message");
        } else {
            end = (int) length;
            if (length < data.length) {
                errors.add((data.length - length) + " bytes after the message length " + length + " ignored");
            }
        }

        int major = header.majorVersion();
        if (major != 1 && major != 2) {
            errors.add("unsupported IKE major version " + major + ": payloads not decoded");
            return new IkeMessage(header, List.of(), errors, null);
        }
        int bodyLength = end - IkeHeader.LENGTH;
        if (major == 1 && header.encryption()) {
            return new IkeMessage(header, List.of(), errors, Bytes.copyOf(data, IkeHeader.LENGTH, bodyLength));
        }
        PayloadChain chain = decodePayloadChain(major, next, data, IkeHeader.LENGTH, bodyLength);
        errors.addAll(chain.errors());
        if (chain.errors().isEmpty() && chain.end() < end && !isAlignmentPadding(data, chain.end(), end)) {
            errors.add((end - chain.end()) + " bytes after the last payload (offset " + chain.end() + ") ignored");
        }
        return new IkeMessage(header, chain.payloads(), errors, null);
    }

    /**
     * Decodes a chain of payloads in {@code data[offset, offset+length)}, the first of type {@code firstPayloadType}.
     * Used for message bodies and for decrypted SK / IKEv1 content; offsets in errors are positions in {@code data}.
     * The chain ends at next-payload 0, after an SK or SKF payload (always last), or at the first header that does
     * not fit; {@link PayloadChain#end()} tells where, so the caller decides what bytes left over mean.
     */
    public static PayloadChain decodePayloadChain(int version, int firstPayloadType, byte[] data, int offset,
                                                  int length) {
        List<Payload> payloads = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (data == null || offset < 0 || length < 0 || offset > data.length || length > data.length - offset) {
            errors.add("payload chain bounds " + offset + "+" + length + " lie outside the "
                    + (data == null ? 0 : data.length) + " bytes given");
            return new PayloadChain(payloads, errors, 0);
        }
        int end = offset + length;
        int pos = offset;
        int type = firstPayloadType;
        int index = 1;
        while (type != PayloadTypes.NONE) {
            String where = "payload " + index + " (type " + type + ") at offset " + pos + ": ";
            int remain = end - pos;
            if (remain < 4) {
                errors.add(where + "only " + remain + " bytes remain, a payload header needs 4");
                break;
            }
            int nextType = data[pos] & 0xff;
            boolean critical = (data[pos + 1] & 0x80) != 0 && version == 2;
            int declared = ((data[pos + 2] & 0xff) << 8) | (data[pos + 3] & 0xff);
            PayloadHeader header = new PayloadHeader(type, nextType, critical, declared, pos);
            if (declared < 4) {
                String error = where + "length " + declared + " is shorter than the 4-byte payload header";
                errors.add(error);
                payloads.add(new MalformedPayload(header, error, Bytes.EMPTY, null));
                break;
            }
            if (declared > remain) {
                String error = where + "length " + declared + " exceeds the " + remain + " bytes that remain";
                errors.add(error);
                payloads.add(new MalformedPayload(header, error, Bytes.copyOf(data, pos + 4, remain - 4), null));
                break;
            }
            Payload payload;
            try {
                payload = PayloadBodyDecoder.decode(version, header, new WireReader(data, pos + 4, declared - 4));
            } catch (MalformedException e) {
                String error = where + e.getMessage() + " (at offset " + e.offset() + ")";
                errors.add(error);
                payload = new MalformedPayload(header, error, Bytes.copyOf(data, pos + 4, declared - 4), e.partial());
            }
            if (header.critical() && payload instanceof UnknownPayload
                    && !Ikev2Registry.PAYLOAD_TYPE.isAssigned(type)) {
                // RFC 7296 2.5: a receiver must reject the message (UNSUPPORTED_CRITICAL_PAYLOAD); its bytes are kept.
                errors.add(where + "unknown payload type " + type + " has the critical bit set: a peer must reject"
                        + " the message (UNSUPPORTED_CRITICAL_PAYLOAD)");
            }
            payloads.add(payload);
            pos += declared;
            index++;
            if (payload instanceof EncryptedPayload || payload instanceof EncryptedFragmentPayload) {
                break; // its next-payload field names the first inner payload; nothing may follow it
            }
            type = nextType;
        }
        return new PayloadChain(payloads, errors, Math.min(pos, end));
    }

    /**
     * libreswan pads cleartext IKEv1 messages to a multiple of four bytes with zeros (seen in the lab's
     * libreswan Aggressive Mode sample): up to three zero bytes that align the end are padding, not an error.
     */
    private static boolean isAlignmentPadding(byte[] data, int from, int end) {
        if (end - from > 3 || end % 4 != 0) {
            return false;
        }
        for (int i = from; i < end; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
