package io.ikescope.capture;

import io.ikescope.testsupport.UnreadableFiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static io.ikescope.testsupport.TestPaths.captureFixture;
import static io.ikescope.testsupport.TestPaths.publicCorpusOrSkip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Inputs that are not captures, or are damaged ones: each gives a {@link CaptureException} naming the file and
 * byte offset, except a capture cut off inside its last record, which keeps its earlier frames and says so in
 * the warnings (as tshark does: it shows those frames and then reports the cut).
 */
class CaptureErrorsTest {
    @TempDir
    Path temp;

    private static byte[] mainModePcap() throws IOException {
        return Files.readAllBytes(publicCorpusOrSkip().resolve("suricata-verify/ikev1-isakmp-main-mode.pcap"));
    }

    /** Offsets of the pcap records, read from the record headers. */
    private static List<Integer> recordOffsets(byte[] pcap) {
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> offsets = new java.util.ArrayList<>();
        for (int at = 24; at + 16 <= pcap.length; at += 16 + b.getInt(at + 8)) {
            offsets.add(at);
        }
        return offsets;
    }

    private CaptureException openFails(Path p) {
        return catchThrowableOfType(CaptureException.class, () -> {
            try (CaptureReader r = Captures.open(p)) {
                while (r.next() != null) {
                    // read to the end
                }
            }
        });
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = temp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void missingFile() {
        Path p = temp.resolve("nope.pcap");
        CaptureException e = openFails(p);
        assertThat(e).hasMessage(p + ": no such file");
        assertThat(e.source()).isEqualTo(p.toString());
        assertThat(e.offset()).isEqualTo(-1);
    }

    @Test
    void directory() {
        assertThat(openFails(temp)).hasMessage(temp + ": is a directory, not a capture file");
    }

    @Test
    void unreadableFile() throws IOException {
        Path p = UnreadableFiles.unreadable(write("secret.pcap", mainModePcap()));
        assertThat(openFails(p)).hasMessage(p + ": permission denied");
    }

    @Test
    void emptyFile() throws IOException {
        Path p = write("empty.pcap", new byte[0]);
        CaptureException e = openFails(p);
        assertThat(e).hasMessage(p + ": at byte 0: empty file: no capture header");
        assertThat(e.offset()).isZero();
    }

    @Test
    void wrongMagic() throws IOException {
        Path text = captureFixture("README.md"); // starts with "# Ca"
        assertThat(openFails(text)).hasMessage(text + ": at byte 0: not a pcap or pcapng capture (magic 0x23204361)");
    }

    @Test
    void gzipOfSomethingElse() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(Files.readAllBytes(captureFixture("README.md")));
        }
        Path p = write("readme.gz", out.toByteArray());
        assertThat(openFails(p)).hasMessage(p
                + ": at byte 0: not a pcap or pcapng capture inside the gzip stream (magic 0x23204361)");
    }

    @Test
    void gzipWithCorruptData() throws IOException {
        byte[] gz = Files.readAllBytes(captureFixture("main-mode.pcap.gz"));
        // Keep the 10-byte gzip header; the first deflate block then says block type 3, which does not exist.
        byte[] corrupt = Arrays.copyOf(gz, 40);
        Arrays.fill(corrupt, 10, 40, (byte) 0xFF);
        Path p = write("corrupt.pcap.gz", corrupt);
        assertThat(openFails(p)).hasMessage(p + ": at byte 0: corrupt gzip data: invalid block type");
    }

    @Test
    void gzipCutShortKeepsWhatWasDecompressed() throws IOException {
        byte[] gz = Files.readAllBytes(captureFixture("main-mode.pcap.gz"));
        Path p = write("cut.pcap.gz", Arrays.copyOf(gz, gz.length / 2));
        try (CaptureReader r = Captures.open(p)) {
            List<FrameSnapshot> frames = FrameSnapshot.readAll(r);
            assertThat(frames).isNotEmpty().hasSizeLessThan(9);
            assertThat(frames).containsExactlyElementsOf(
                    FrameSnapshot.readAll(publicCorpusOrSkip().resolve("suricata-verify/ikev1-isakmp-main-mode.pcap"))
                            .subList(0, frames.size()));
            assertThat(r.warnings()).singleElement().asString()
                    .startsWith(p + ": at byte ")
                    .contains("truncated packet record")
                    .endsWith("(compressed stream ends early (Unexpected end of ZLIB input stream))");
        }
        if (TestCaptures.hasTool("tshark")) {
            assertThat(FrameSnapshot.tsharkTimes(p)).hasSize(FrameSnapshot.readAll(p).size());
        }
    }

    @Test
    void pcapCutInsideTheFileHeaderIsAnError() throws IOException {
        Path p = write("cut.pcap", Arrays.copyOf(mainModePcap(), 10));
        assertThat(openFails(p)).hasMessage(p + ": at byte 0: truncated pcap file header: needs 24 bytes, 10 remain");
    }

    @Test
    void pcapCutInsideARecordHeaderEndsAfterTheWholeRecords() throws IOException {
        byte[] pcap = mainModePcap();
        int third = recordOffsets(pcap).get(2);
        Path p = write("cut.pcap", Arrays.copyOf(pcap, third + 5));
        try (CaptureReader r = Captures.open(p)) {
            assertThat(FrameSnapshot.readAll(r)).hasSize(2);
            assertThat(r.warnings()).containsExactly(
                    p + ": at byte " + third + ": truncated packet record: needs 16 bytes, 5 remain");
        }
        assertTsharkSeesAsManyFrames(p, 2);
    }

    @Test
    void pcapCutInsideRecordDataEndsAfterTheWholeRecords() throws IOException {
        byte[] pcap = mainModePcap();
        List<Integer> offsets = recordOffsets(pcap);
        int fourth = offsets.get(3);
        int fourthLength = offsets.get(4) - fourth;
        Path p = write("cut.pcap", Arrays.copyOf(pcap, fourth + 16 + 7));
        try (CaptureReader r = Captures.open(p)) {
            assertThat(FrameSnapshot.readAll(r)).extracting(FrameSnapshot::number).containsExactly(1L, 2L, 3L);
            assertThat(r.warnings()).containsExactly(p + ": at byte " + fourth + ": truncated packet record: needs "
                    + fourthLength + " bytes, 23 remain");
            assertThat(r.next()).isNull(); // stays ended
        }
        assertTsharkSeesAsManyFrames(p, 3);
    }

    @Test
    void pcapRecordLongerThanTheLimitIsAnError() throws IOException {
        byte[] pcap = mainModePcap();
        int second = recordOffsets(pcap).get(1);
        ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN).putInt(second + 8, 300_000);
        Path p = write("huge.pcap", pcap);
        assertThat(openFails(p)).hasMessage(p + ": at byte " + second
                + ": packet record claims 300000 captured bytes, more than the limit of 262144 (corrupt file?)");
    }

    @Test
    void pcapOfAnUnknownVersionIsAnError() throws IOException {
        byte[] pcap = mainModePcap();
        pcap[4] = 3;
        Path p = write("v3.pcap", pcap);
        assertThat(openFails(p)).hasMessage(p + ": at byte 4: unsupported pcap version 3.4 (only 2.x is defined)");
    }

    // ---- pcapng ---------------------------------------------------------------------------------------------

    /** Offsets of the blocks of a little-endian pcapng. */
    private static List<Integer> blockOffsets(byte[] pcapng) {
        ByteBuffer b = ByteBuffer.wrap(pcapng).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> offsets = new java.util.ArrayList<>();
        for (int at = 0; at + 12 <= pcapng.length; at += b.getInt(at + 4)) {
            offsets.add(at);
        }
        return offsets;
    }

    private static byte[] mainModePcapng() throws IOException {
        return Files.readAllBytes(captureFixture("main-mode.pcapng"));
    }

    /** Offset of the n-th (0-based) Enhanced Packet Block. */
    private static int packetBlock(byte[] pcapng, int n) {
        ByteBuffer b = ByteBuffer.wrap(pcapng).order(ByteOrder.LITTLE_ENDIAN);
        return blockOffsets(pcapng).stream().filter(at -> b.getInt(at) == 6).toList().get(n);
    }

    @Test
    void pcapngCutInsideTheSectionHeaderIsAnError() throws IOException {
        Path p = write("cut.pcapng", Arrays.copyOf(mainModePcapng(), 20));
        assertThat(openFails(p)).hasMessage(p + ": at byte 0: truncated pcapng section header block: needs 28 bytes,"
                + " 20 remain");
    }

    @Test
    void pcapngCutInsideAPacketBlockEndsAfterTheWholeBlocks() throws IOException {
        byte[] pcapng = mainModePcapng();
        int fifth = packetBlock(pcapng, 4);
        int length = ByteBuffer.wrap(pcapng).order(ByteOrder.LITTLE_ENDIAN).getInt(fifth + 4);
        Path p = write("cut.pcapng", Arrays.copyOf(pcapng, fifth + 40));
        try (CaptureReader r = Captures.open(p)) {
            assertThat(FrameSnapshot.readAll(r)).hasSize(4);
            assertThat(r.warnings()).containsExactly(p + ": at byte " + fifth + ": truncated pcapng block: needs "
                    + length + " bytes, 40 remain");
        }
        assertTsharkSeesAsManyFrames(p, 4);
    }

    @Test
    void pcapngBlockLengthNotAMultipleOfFour() throws IOException {
        byte[] pcapng = mainModePcapng();
        int second = packetBlock(pcapng, 1);
        ByteBuffer b = ByteBuffer.wrap(pcapng).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(second + 4, b.getInt(second + 4) + 2);
        Path p = write("len.pcapng", pcapng);
        assertThat(openFails(p)).hasMessage(p + ": at byte " + second + ": corrupt pcapng block length "
                + b.getInt(second + 4) + " (block type 0x6): must be a multiple of 4 and at least 12");
    }

    @Test
    void pcapngBlockLengthBelowTwelve() throws IOException {
        byte[] pcapng = mainModePcapng();
        int second = packetBlock(pcapng, 1);
        ByteBuffer.wrap(pcapng).order(ByteOrder.LITTLE_ENDIAN).putInt(second + 4, 8);
        Path p = write("len.pcapng", pcapng);
        assertThat(openFails(p)).hasMessage(p + ": at byte " + second
                + ": corrupt pcapng block length 8 (block type 0x6): must be a multiple of 4 and at least 12");
    }

    @Test
    void pcapngTrailingLengthMismatch() throws IOException {
        byte[] pcapng = mainModePcapng();
        int third = packetBlock(pcapng, 2);
        ByteBuffer b = ByteBuffer.wrap(pcapng).order(ByteOrder.LITTLE_ENDIAN);
        int length = b.getInt(third + 4);
        b.putInt(third + length - 4, length + 4);
        Path p = write("trailer.pcapng", pcapng);
        CaptureException e = openFails(p);
        assertThat(e).hasMessage(p + ": at byte " + third + ": corrupt pcapng block: leading length " + length
                + " but trailing length " + (length + 4) + " (block type 0x6)");
        assertThat(e.offset()).isEqualTo(third);
    }

    @Test
    void pcapngPacketOfAnUndescribedInterface() throws IOException {
        byte[] pcapng = mainModePcapng();
        int first = packetBlock(pcapng, 0);
        ByteBuffer.wrap(pcapng).order(ByteOrder.LITTLE_ENDIAN).putInt(first + 8, 5);
        Path p = write("iface.pcapng", pcapng);
        assertThat(openFails(p)).hasMessage(p + ": at byte " + first
                + ": packet block refers to interface 5 but the section describes 1 interface");
    }

    @Test
    void pcapngCapturedLengthBeyondTheBlock() throws IOException {
        byte[] pcapng = mainModePcapng();
        int first = packetBlock(pcapng, 0);
        ByteBuffer b = ByteBuffer.wrap(pcapng).order(ByteOrder.LITTLE_ENDIAN);
        int room = b.getInt(first + 4) - 32;
        b.putInt(first + 20, room + 100);
        Path p = write("caplen.pcapng", pcapng);
        assertThat(openFails(p)).hasMessage(p + ": at byte " + first + ": corrupt pcapng packet block: captured length "
                + (room + 100) + " exceeds the " + room + " bytes the block holds");
    }

    @Test
    void pcapngHugeBlockIsRefusedBeforeAnythingIsBuffered() throws IOException {
        byte[] pcapng = mainModePcapng();
        int first = packetBlock(pcapng, 0);
        ByteBuffer.wrap(pcapng).order(ByteOrder.LITTLE_ENDIAN).putInt(first + 4, 0x7FFF_FFFC);
        Path p = write("huge.pcapng", pcapng);
        assertThat(openFails(p)).hasMessage(p + ": at byte " + first + ": pcapng block of type 0x6 claims 2147483644"
                + " bytes, more than the limit of 327680 (corrupt file?)");
    }

    @Test
    void pcapngBadByteOrderMagic() throws IOException {
        byte[] pcapng = mainModePcapng();
        pcapng[8] = 0x11;
        Path p = write("bom.pcapng", pcapng);
        assertThatThrownBy(() -> Captures.open(p).next()).isInstanceOf(CaptureException.class)
                .hasMessage(p + ": at byte 8: corrupt pcapng section header: byte-order magic 0x1a2b3c11");
    }

    private static void assertTsharkSeesAsManyFrames(Path p, int frames) {
        if (TestCaptures.hasTool("tshark")) {
            assertThat(FrameSnapshot.tsharkTimes(p)).as("tshark frames of " + p).hasSize(frames);
        }
    }
}
