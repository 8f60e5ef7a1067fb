package io.ikescope.cli;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a pcap that replays the frames of real captures pass after pass, each pass with its IKE SPIs xored with
 * the pass number, so every pass holds new negotiations: a large capture with as many negotiations as wanted.
 * (The same SPI rewrite as bench's IkeSpiRewriter; tests cannot depend on the bench module.)
 */
final class RepeatedNegotiationsCapture {
    private static final int ETHERNET = 1;

    private RepeatedNegotiationsCapture() {
    }

    /**
     * Writes {@code passes} passes over the sources' frames, 5 ms apart, to {@code out}: a busy gateway (a new
     * negotiation every ~50 ms), denser than the tracker's live cap but not all inside one rekey window.
     */
    static void write(Path out, List<Path> sources, long passes) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        for (Path source : sources) {
            frames.addAll(ethernetFrames(source));
        }
        byte[] record = new byte[16];
        byte[] copy = new byte[70_000];
        long micros = 1_764_201_600_000_000L;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            os.write(globalHeader());
            for (long pass = 0; pass < passes; pass++) {
                for (byte[] frame : frames) {
                    System.arraycopy(frame, 0, copy, 0, frame.length);
                    rewriteSpis(copy, frame.length, pass);
                    micros += 5000;
                    putLe32(record, 0, (int) (micros / 1_000_000L));
                    putLe32(record, 4, (int) (micros % 1_000_000L));
                    putLe32(record, 8, frame.length);
                    putLe32(record, 12, frame.length);
                    os.write(record);
                    os.write(copy, 0, frame.length);
                }
            }
        }
    }

    /** Bytes one pass adds to the file. */
    static long bytesPerPass(List<Path> sources) throws IOException {
        long bytes = 0;
        for (Path source : sources) {
            for (byte[] f : ethernetFrames(source)) {
                bytes += 16 + f.length;
            }
        }
        return bytes;
    }

    static List<byte[]> ethernetFrames(Path source) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        try (CaptureReader reader = Captures.open(source)) {
            for (Frame f = reader.next(); f != null; f = reader.next()) {
                if (f.linkType() != ETHERNET) {
                    throw new IOException(source + ": frame " + f.number() + " is not Ethernet");
                }
                frames.add(Arrays.copyOfRange(f.data(), f.offset(), f.offset() + f.capturedLength()));
            }
        }
        return frames;
    }

    /**
     * Xors {@code pass} into the initiator SPI and a non-zero responder SPI of an IPv4/UDP 500 or 4500 (non-ESP
     * marker) IKE frame, and zeroes its UDP checksum (allowed in IPv4). Other frames are left alone.
     */
    private static void rewriteSpis(byte[] f, int length, long pass) {
        if (pass == 0 || length < 34 || u16(f, 12) != 0x0800 || f[23] != 17 || (u16(f, 20) & 0x1FFF) != 0) {
            return;
        }
        int udp = 14 + (f[14] & 0x0F) * 4;
        if (udp + 8 > length) {
            return;
        }
        int ike = udp + 8;
        boolean natT = u16(f, udp) == 4500 || u16(f, udp + 2) == 4500;
        if (natT) {
            if (ike + 4 > length || u16(f, ike) != 0 || u16(f, ike + 2) != 0) {
                return;
            }
            ike += 4;
        } else if (u16(f, udp) != 500 && u16(f, udp + 2) != 500) {
            return;
        }
        if (ike + 28 > length) {
            return;
        }
        boolean responderChosen = false;
        for (int i = 8; i < 16; i++) {
            responderChosen |= f[ike + i] != 0;
        }
        for (int i = 0; i < 8; i++) {
            f[ike + 7 - i] ^= (byte) (pass >>> (8 * i));
            if (responderChosen) {
                f[ike + 15 - i] ^= (byte) (pass >>> (8 * i));
            }
        }
        f[udp + 6] = 0;
        f[udp + 7] = 0;
    }

    static byte[] globalHeader() {
        byte[] h = new byte[24];
        putLe32(h, 0, 0xa1b2c3d4);
        h[4] = 2;
        h[6] = 4;
        putLe32(h, 16, 65535);
        putLe32(h, 20, ETHERNET);
        return h;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static void putLe32(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
        b[at + 2] = (byte) (v >> 16);
        b[at + 3] = (byte) (v >> 24);
    }
}
