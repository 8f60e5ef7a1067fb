package io.ikescope.net;

import java.nio.ByteBuffer;

/**
 * Builds IP packets for the few unit tests that need a situation no capture at hand shows (overlapping
 * fragments with different bytes, malformed lengths). Each such test also asks tshark about the same bytes.
 */
final class Packets {
    private Packets() {
    }

    static byte[] ipv4(int[] src, int[] dst, int protocol, int id, int flagsAndOffset, byte[] payload) {
        return ipv4(src, dst, protocol, id, flagsAndOffset, payload, 20 + payload.length);
    }

    static byte[] ipv4(int[] src, int[] dst, int protocol, int id, int flagsAndOffset, byte[] payload, int totalLength) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) totalLength).putShort((short) id)
                .putShort((short) flagsAndOffset).put((byte) 64).put((byte) protocol).putShort((short) 0);
        for (int x : src) {
            b.put((byte) x);
        }
        for (int x : dst) {
            b.put((byte) x);
        }
        byte[] a = b.put(payload).array();
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += ((a[i] & 0xFF) << 8) | (a[i + 1] & 0xFF);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        a[10] = (byte) (~sum >> 8);
        a[11] = (byte) ~sum;
        return a;
    }

    static byte[] udp(int sourcePort, int destinationPort, byte[] payload) {
        return udp(sourcePort, destinationPort, payload, 8 + payload.length);
    }

    static byte[] udp(int sourcePort, int destinationPort, byte[] payload, int length) {
        return ByteBuffer.allocate(8 + payload.length).putShort((short) sourcePort).putShort((short) destinationPort)
                .putShort((short) length).putShort((short) 0).put(payload).array();
    }

    static byte[] ethernet(int etherType, byte[] payload) {
        return ByteBuffer.allocate(14 + payload.length).put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1})
                .putShort((short) etherType).put(payload).array();
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
