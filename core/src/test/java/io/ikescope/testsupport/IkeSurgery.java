package io.ikescope.testsupport;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.Payload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Edits real IKE messages and the captures holding them, so that a test can corrupt one field of a message a
 * real peer sent (and keep everything else as the peer wrote it) instead of making bytes up.
 */
public final class IkeSurgery {
    private IkeSurgery() {
    }

    // ---- messages --------------------------------------------------------------------------------------------

    /** Offset of the {@code index}-th (0-based) top-level payload of a cleartext message. */
    public static int payloadOffset(byte[] message, int index) {
        return payload(message, index).header().offset();
    }

    public static Payload payload(byte[] message, int index) {
        return IkeDecoder.decode(message).payloads().get(index);
    }

    /**
     * The message with the body of payload {@code index} (after its 4-byte generic header) replaced, the payload
     * length and the header's message length adjusted.
     */
    public static byte[] replacePayloadBody(byte[] message, int index, byte[] body) {
        Payload p = payload(message, index);
        int at = p.header().offset();
        int oldEnd = at + p.header().length();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(message, 0, at + 4);
        out.writeBytes(body);
        out.write(message, oldEnd, message.length - oldEnd);
        byte[] edited = out.toByteArray();
        putU16(edited, at + 2, 4 + body.length);
        putU32(edited, 24, edited.length);
        return edited;
    }

    /** A copy of the message with the byte at {@code at} set. */
    public static byte[] withByte(byte[] message, int at, int value) {
        byte[] edited = message.clone();
        edited[at] = (byte) value;
        return edited;
    }

    /** A copy of the message with the big-endian 16-bit field at {@code at} set. */
    public static byte[] withU16(byte[] message, int at, int value) {
        byte[] edited = message.clone();
        putU16(edited, at, value);
        return edited;
    }

    /** The first {@code length} bytes, with the header's message length saying so. */
    public static byte[] truncated(byte[] message, int length) {
        byte[] edited = Arrays.copyOf(message, length);
        putU32(edited, 24, length);
        return edited;
    }

    public static void putU16(byte[] b, int at, int value) {
        b[at] = (byte) (value >> 8);
        b[at + 1] = (byte) value;
    }

    public static void putU32(byte[] b, int at, long value) {
        putU16(b, at, (int) (value >>> 16) & 0xFFFF);
        putU16(b, at + 2, (int) value & 0xFFFF);
    }

    // ---- captures --------------------------------------------------------------------------------------------

    /** The frames of a capture, copied. */
    public static List<byte[]> frames(Path capture) {
        List<byte[]> frames = new ArrayList<>();
        try (CaptureReader reader = Captures.open(capture)) {
            for (Frame f = reader.next(); f != null; f = reader.next()) {
                frames.add(Arrays.copyOfRange(f.data(), f.offset(), f.offset() + f.capturedLength()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frames;
    }

    /**
     * An Ethernet/IPv4/UDP frame (port 500, or 4500 with the non-ESP marker) carrying {@code ike} instead of its
     * IKE message: IPv4 total length and checksum, UDP length are fixed, the UDP checksum is zeroed (optional in IPv4).
     */
    public static byte[] withIke(byte[] frame, byte[] ike) {
        int ip = 14;
        if ((frame[12] & 0xFF) != 0x08 || frame[13] != 0 || (frame[ip] & 0xF0) != 0x40 || frame[ip + 9] != 17) {
            throw new IllegalArgumentException("not an Ethernet/IPv4/UDP frame");
        }
        int udp = ip + (frame[ip] & 0x0F) * 4;
        int dstPort = ((frame[udp + 2] & 0xFF) << 8) | (frame[udp + 3] & 0xFF);
        int srcPort = ((frame[udp] & 0xFF) << 8) | (frame[udp + 1] & 0xFF);
        int payload = udp + 8 + (srcPort == 4500 || dstPort == 4500 ? 4 : 0);
        byte[] edited = Arrays.copyOf(frame, payload + ike.length);
        System.arraycopy(ike, 0, edited, payload, ike.length);
        putU16(edited, ip + 2, edited.length - ip);
        putU16(edited, udp + 4, edited.length - udp);
        putU16(edited, udp + 6, 0);
        putU16(edited, ip + 10, 0);
        int sum = 0;
        for (int i = ip; i < udp; i += 2) {
            sum += ((edited[i] & 0xFF) << 8) | (edited[i + 1] & 0xFF);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        putU16(edited, ip + 10, ~sum & 0xFFFF);
        return edited;
    }

    /** A little-endian microsecond pcap of Ethernet frames, one second apart. */
    public static byte[] ethernetPcap(List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262_144).putInt(1);
        out.writeBytes(header.array());
        int second = 1_700_000_000;
        for (byte[] f : frames) {
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(second++).putInt(0).putInt(f.length).putInt(f.length);
            out.writeBytes(record.array());
            out.writeBytes(f);
        }
        return out.toByteArray();
    }
}
