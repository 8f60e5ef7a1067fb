package io.ikescope.net;

import io.ikescope.capture.Bytes;

import java.util.Arrays;

/**
 * Finds IKE messages and ESP packets in UDP (port 500, extra IKE ports, NAT-T 4500), in RFC 8229 TCP (through
 * {@link TcpStreams}) and in plain ESP, and hands them to the {@link PacketSink}.
 *
 * <p>What counts as IKE mirrors tshark 4.0 so both find the same frames: a UDP payload on port 500 (or an extra
 * port) or behind the non-ESP marker on port 4500 is IKE when at least 28 bytes are captured, the datagram holds
 * at least 28 bytes, and the header's length field is at least 28 (tshark's ISAKMP dissector declines anything
 * else, showing it as data). Which port decides when a datagram has both kinds is {@link IkePorts}' choice.
 * Messages cut short by the snapshot length are handed on as captured; the IKE codec sees that the header length
 * exceeds the bytes.
 */
final class TransportLayer {
    private static final int IKE_HEADER = 28;

    private final PacketSink sink;
    private final Diagnostics diagnostics;
    private final CurrentFrame frame;
    private final IkePorts ikePorts;
    /** Looked up per packet: a bit set avoids boxing. */
    private final boolean[] tcpPorts = new boolean[65_536];
    private final TcpStreams tcp;

    TransportLayer(PacketSink sink, DecoderOptions options, Diagnostics diagnostics, CurrentFrame frame,
                   IkePorts ikePorts) {
        this.sink = sink;
        this.diagnostics = diagnostics;
        this.frame = frame;
        this.ikePorts = ikePorts;
        for (int port : options.tcpPorts()) {
            tcpPorts[port] = true;
        }
        this.tcp = new TcpStreams(options, diagnostics, new TcpMessages());
    }

    /** Reports the TCP streams still incomplete at the end of the capture. */
    void finish() {
        tcp.finish();
    }

    /** No RFC 8229 stream holds part of a message. */
    boolean tcpIdle() {
        return tcp.isIdle();
    }

    void udp(byte[] b, int at, int capturedEnd, long datagramEnd) {
        if (at + 8 > capturedEnd) {
            frame.malformed("udp", "a UDP header is cut short");
            return;
        }
        int sourcePort = Bytes.u16(b, at);
        int destinationPort = Bytes.u16(b, at + 2);
        int reading = ikePorts.reading(sourcePort, destinationPort);
        if (reading == IkePorts.NONE) {
            return;
        }
        int udpLength = Bytes.u16(b, at + 4);
        if (udpLength < 8) {
            frame.malformed("udp-length", "a UDP length of " + udpLength + " is less than its header");
            return;
        }
        // A length beyond the IP payload is ignored (tshark keeps dissecting); a shorter one bounds the payload.
        long payloadEnd = Math.min(datagramEnd, at + (long) udpLength);
        int payload = at + 8;
        int wireLength = (int) (payloadEnd - payload);
        int capturedLength = (int) Math.min(capturedEnd, payloadEnd) - payload;
        switch (reading) {
            case IkePorts.IKE -> {
                if (isIke(b, payload, capturedLength, wireLength)) {
                    emitIke(b, payload, capturedLength, sourcePort, destinationPort, Transport.UDP);
                } else {
                    notIke(sourcePort, destinationPort, wireLength);
                }
            }
            case IkePorts.IKE_THEN_NAT_T -> {
                if (isIke(b, payload, capturedLength, wireLength)) {
                    emitIke(b, payload, capturedLength, sourcePort, destinationPort, Transport.UDP);
                } else {
                    natT(b, payload, capturedLength, wireLength, sourcePort, destinationPort);
                }
            }
            default -> natT(b, payload, capturedLength, wireLength, sourcePort, destinationPort);
        }
    }

    /** UDP 4500 (RFC 3948): keepalive, non-ESP marker + IKE, or ESP. */
    private void natT(byte[] b, int at, int capturedLength, int wireLength, int sourcePort, int destinationPort) {
        if (capturedLength == 1 && b[at] == (byte) 0xFF) {
            diagnostics.counters.natKeepalives++;
            return;
        }
        if (capturedLength < 4) {
            frame.malformed("natt-short", "a UDP 4500 payload of " + capturedLength + " bytes is neither IKE nor ESP");
            return;
        }
        if (Bytes.i32(b, at) == 0) {
            if (isIke(b, at + 4, capturedLength - 4, wireLength - 4)) {
                emitIke(b, at + 4, capturedLength - 4, sourcePort, destinationPort, Transport.UDP_NATT);
            } else {
                notIke(sourcePort, destinationPort, wireLength - 4);
            }
            return;
        }
        esp(b, at, at + capturedLength, wireLength, sourcePort, destinationPort, true);
    }

    void tcp(byte[] b, int at, int capturedEnd, long datagramEnd) {
        if (at + 20 > capturedEnd) {
            frame.malformed("tcp", "a TCP header is cut short");
            return;
        }
        int sourcePort = Bytes.u16(b, at);
        int destinationPort = Bytes.u16(b, at + 2);
        if (!tcpPorts[sourcePort] && !tcpPorts[destinationPort]) {
            return;
        }
        int headerLength = ((b[at + 12] & 0xFF) >> 4) * 4;
        if (headerLength < 20 || at + headerLength > capturedEnd) {
            frame.malformed("tcp-header", "a TCP header length of " + headerLength + " is invalid or cut short");
            return;
        }
        long seq = Bytes.u32(b, at + 4);
        int flags = b[at + 13] & 0x3F;
        int payload = at + headerLength;
        int wireLength = (int) Math.max(0, datagramEnd - payload);
        int capturedLength = capturedEnd - payload;
        tcp.segment(frame.copyAddresses(), frame.source(), sourcePort, frame.destination(), destinationPort, seq, flags,
                b, payload, wireLength, capturedLength >= wireLength, frame.number, frame.nanos);
    }

    private final class TcpMessages implements TcpStreams.Messages {
        @Override
        public void ike(TcpStreams.Direction d, byte[] b, int at, int length, long frameNumber, long nanos) {
            if (isIke(b, at, length, length)) {
                // Called while the segment that completed the message is decoded: its TTL is the current one.
                deliverIke(new IkeDatagram(frameNumber, nanos, d.src, d.srcPort, d.dst, d.dstPort, Transport.TCP,
                        Arrays.copyOfRange(b, at, at + length), frame.ttl));
            } else {
                notIke(d.srcPort, d.dstPort, length);
            }
        }

        @Override
        public void esp(TcpStreams.Direction d, byte[] b, int at, int length, long frameNumber, long nanos) {
            if (length < 8) {
                frame.malformed("esp-short", "an ESP packet of " + length + " bytes has no room for SPI and sequence");
                return;
            }
            // ESP in TCP: udpEncapsulated false but the TCP ports are given.
            deliverEsp(new EspPacket(frameNumber, nanos, d.src, d.srcPort, d.dst, d.dstPort, false, Bytes.u32(b, at),
                    Bytes.u32(b, at + 4), length));
        }
    }

    /** tshark's ISAKMP acceptance test (see the class comment). */
    private static boolean isIke(byte[] b, int at, int capturedLength, int wireLength) {
        return capturedLength >= IKE_HEADER && wireLength >= IKE_HEADER
                && Bytes.u32(b, at + IKE_HEADER - 4) >= IKE_HEADER;
    }

    /** ESP on its own (ports 0) or inside UDP 4500. */
    void esp(byte[] b, int at, int capturedEnd, int wireLength, int sourcePort, int destinationPort, boolean udp) {
        if (capturedEnd - at < 8) {
            frame.malformed("esp-short", "an ESP packet with fewer than 8 bytes captured (no SPI and sequence number)");
            return;
        }
        deliverEsp(new EspPacket(frame.number, frame.nanos, frame.source(), sourcePort, frame.destination(),
                destinationPort, udp, Bytes.u32(b, at), Bytes.u32(b, at + 4), wireLength));
    }

    private void emitIke(byte[] b, int at, int length, int sourcePort, int destinationPort, Transport transport) {
        deliverIke(new IkeDatagram(frame.number, frame.nanos, frame.source(), sourcePort, frame.destination(),
                destinationPort, transport, Arrays.copyOfRange(b, at, at + length), frame.ttl));
    }

    private void deliverIke(IkeDatagram message) {
        diagnostics.counters.ikeMessages++;
        sink.onIke(message);
    }

    private void deliverEsp(EspPacket packet) {
        diagnostics.counters.espPackets++;
        sink.onEsp(packet);
    }

    private void notIke(int sourcePort, int destinationPort, int length) {
        diagnostics.counters.notIke++;
        diagnostics.warnOnce("not-ike", "frame " + frame.number + ": a " + length + "-byte payload on UDP/TCP port "
                + sourcePort + " -> " + destinationPort + " is too short for an IKE header or declares a length below"
                + " 28; not IKE (tshark shows such payloads as data)");
    }
}
