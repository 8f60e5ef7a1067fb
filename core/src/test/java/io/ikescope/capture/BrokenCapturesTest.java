package io.ikescope.capture;

import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderOptions;
import io.ikescope.net.IkeDatagram;
import io.ikescope.net.PacketSink;
import io.ikescope.wire.IkeDecoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.ikescope.testsupport.TestPaths.captureFixture;
import static io.ikescope.testsupport.TestPaths.sample;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken captures, each derived at test time from a real one, with the exact outcome each must give: frames
 * (and the IKE in them) plus a warning, or a {@link CaptureException} naming the input and the byte offset;
 * never another exception. Also covered elsewhere, not repeated here: wrong magic, corrupt and cut gzip,
 * bad pcapng block lengths and trailers, undescribed interfaces, huge blocks ({@link CaptureErrorsTest}); IP
 * fragments out of order, repeated and overlapping with different bytes ({@code FragmentReassemblyTest});
 * TCP segments out of order, duplicated and missing ({@code TcpEncapsulationTest}); caps ({@code DecoderLimitsTest}).
 */
class BrokenCapturesTest {
    private static final String NAME = "broken.pcap";

    @TempDir
    Path temp;

    /** What reading a capture to its end gave. */
    record Outcome(List<byte[]> frames, List<String> warnings, List<IkeDatagram> ike, CaptureException error) {
    }

    /** Reads through the reader and the decoding loop; any exception but a CaptureException fails the test. */
    static Outcome read(byte[] capture) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<IkeDatagram> ike = new ArrayList<>();
        try (CaptureReader reader = Captures.open(new ByteArrayInputStream(capture), NAME)) {
            CaptureReader recording = new CaptureReader() {
                @Override
                public Frame next() throws IOException {
                    Frame f = reader.next();
                    if (f != null) {
                        frames.add(Arrays.copyOfRange(f.data(), f.offset(), f.offset() + f.capturedLength()));
                    }
                    return f;
                }

                @Override
                public String format() {
                    return reader.format();
                }

                @Override
                public List<String> warnings() {
                    return reader.warnings();
                }

                @Override
                public long bytesRead() {
                    return reader.bytesRead();
                }

                @Override
                public void close() {
                }
            };
            CaptureScan.run(recording, DecoderOptions.defaults(), new PacketSink() {
                @Override
                public void onIke(IkeDatagram message) {
                    ike.add(message);
                    IkeDecoder.decode(message.ike());
                }

                @Override
                public void onWarning(String warning) {
                    warnings.add(warning);
                }
            });
            return new Outcome(frames, warnings, ike, null);
        } catch (CaptureException e) {
            return new Outcome(frames, warnings, ike, e);
        }
    }

    /** Start and end offsets of the records of a little-endian pcap, from its record headers. */
    private static List<int[]> pcapRecords(byte[] pcap) {
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        List<int[]> records = new ArrayList<>();
        for (int at = 24; at < pcap.length; at += 16 + b.getInt(at + 8)) {
            records.add(new int[] {at, at + 16 + b.getInt(at + 8)});
        }
        return records;
    }

    /** Start, end and type of the blocks of a little-endian pcapng. */
    private static List<int[]> pcapngBlocks(byte[] pcapng) {
        ByteBuffer b = ByteBuffer.wrap(pcapng).order(ByteOrder.LITTLE_ENDIAN);
        List<int[]> blocks = new ArrayList<>();
        for (int at = 0; at < pcapng.length; at += b.getInt(at + 4)) {
            blocks.add(new int[] {at, at + b.getInt(at + 4), b.getInt(at)});
        }
        return blocks;
    }

    private static byte[] realPcap() throws IOException {
        return Files.readAllBytes(sample("ikev2-psk-mismatch.pcap"));
    }

    // ---- cut at every byte ---------------------------------------------------------------------------------

    @Test
    void pcapCutAtEveryByte() throws IOException {
        byte[] whole = realPcap();
        List<int[]> records = pcapRecords(whole);
        Outcome full = read(whole);
        assertThat(full.error()).isNull();
        assertThat(full.warnings()).isEmpty();
        assertThat(full.frames()).hasSize(records.size()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(full.ike()).hasSize(records.size());

        for (int cut = 0; cut <= whole.length; cut++) {
            Outcome o = read(Arrays.copyOf(whole, cut));
            String at = "cut at " + cut;
            if (cut == 0) {
                assertThat(o.error()).as(at).hasMessage(NAME + ": at byte 0: empty file: no capture header");
                continue;
            }
            if (cut < 4) {
                assertThat(o.error()).as(at).hasMessage(NAME + ": at byte 0: truncated capture header: needs 4 bytes, "
                        + cut + " remain");
                continue;
            }
            if (cut < 24) {
                assertThat(o.error()).as(at).hasMessage(NAME + ": at byte 0: truncated pcap file header: needs 24"
                        + " bytes, " + cut + " remain");
                continue;
            }
            assertThat(o.error()).as(at).isNull();
            int whole_records = 0;
            String warning = null;
            for (int[] r : records) {
                if (r[1] <= cut) {
                    whole_records++;
                } else if (r[0] < cut) {
                    int need = cut - r[0] < 16 ? 16 : r[1] - r[0];
                    warning = NAME + ": at byte " + r[0] + ": truncated packet record: needs " + need + " bytes, "
                            + (cut - r[0]) + " remain";
                }
            }
            assertThat(o.frames()).as(at).hasSize(whole_records);
            for (int i = 0; i < whole_records; i++) {
                assertThat(o.frames().get(i)).as(at + ", frame " + (i + 1)).isEqualTo(full.frames().get(i));
            }
            assertThat(o.ike()).as(at).hasSize(whole_records);
            if (warning == null) {
                assertThat(o.warnings()).as(at).isEmpty();
            } else {
                assertThat(o.warnings()).as(at).containsExactly(warning);
            }
        }
    }

    /** The committed pcapng fixture, with an unknown block and a custom (frame-numbered) block after each packet. */
    private static byte[] pcapngWithExtraBlocks() throws IOException {
        byte[] unknown = CaptureRewriter.pcapngBlock(0x12345678, new byte[] {1, 2, 3, 4, 5});
        byte[] custom = CaptureRewriter.pcapngBlock(0x00000BAD, new byte[] {0x59, 0x7e, 0, 0, 'h', 'i'});
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        extra.writeBytes(unknown);
        extra.writeBytes(custom);
        return CaptureRewriter.pcapngInsertAfterPackets(Files.readAllBytes(captureFixture("main-mode.pcapng")),
                extra.toByteArray());
    }

    @Test
    void pcapngCutAtEveryByte() throws IOException {
        cutPcapngAtEveryByte(Files.readAllBytes(captureFixture("main-mode.pcapng")), false);
    }

    @Test
    void pcapngWithUnknownAndCustomBlocksCutAtEveryByte() throws IOException {
        cutPcapngAtEveryByte(pcapngWithExtraBlocks(), true);
    }

    private void cutPcapngAtEveryByte(byte[] whole, boolean hasUnknownBlocks) throws IOException {
        List<int[]> blocks = pcapngBlocks(whole);
        Outcome full = read(whole);
        assertThat(full.error()).isNull();
        int packets = (int) blocks.stream().filter(b -> b[2] == 6).count();
        assertThat(full.frames()).hasSize(packets);
        String unknownWarning = NAME + ": pcapng block type 0x12345678 is not known; such blocks are skipped"
                + " (first at byte " + blocks.stream().filter(b -> b[2] == 0x12345678).mapToInt(b -> b[0]).min().orElse(-1)
                + ")";
        assertThat(full.warnings()).isEqualTo(hasUnknownBlocks ? List.of(unknownWarning) : List.of());
        int sectionHeader = blocks.get(0)[1];

        for (int cut = 0; cut <= whole.length; cut++) {
            Outcome o = read(Arrays.copyOf(whole, cut));
            String at = "cut at " + cut;
            if (cut == 0) {
                assertThat(o.error()).as(at).hasMessage(NAME + ": at byte 0: empty file: no capture header");
                continue;
            }
            if (cut < 4) {
                assertThat(o.error()).as(at).hasMessage(NAME + ": at byte 0: truncated capture header: needs 4 bytes, "
                        + cut + " remain");
                continue;
            }
            if (cut < sectionHeader) {
                int need = cut < 28 ? 28 : sectionHeader;
                assertThat(o.error()).as(at).hasMessage(NAME + ": at byte 0: truncated pcapng section header block:"
                        + " needs " + need + " bytes, " + cut + " remain");
                continue;
            }
            assertThat(o.error()).as(at).isNull();
            int wholePackets = 0;
            boolean unknownSeen = false;
            String warning = null;
            for (int[] b : blocks) {
                if (b[1] <= cut) {
                    wholePackets += b[2] == 6 ? 1 : 0;
                    unknownSeen |= b[2] == 0x12345678;
                } else if (b[0] < cut) {
                    int need = cut - b[0] < 12 ? 12 : b[1] - b[0];
                    warning = NAME + ": at byte " + b[0] + ": truncated pcapng block: needs " + need + " bytes, "
                            + (cut - b[0]) + " remain";
                    unknownSeen |= b[2] == 0x12345678 && cut - b[0] >= 12;
                }
            }
            assertThat(o.frames()).as(at).hasSize(wholePackets);
            for (int i = 0; i < wholePackets; i++) {
                assertThat(o.frames().get(i)).as(at + ", packet " + (i + 1)).isEqualTo(full.frames().get(i));
            }
            List<String> expected = new ArrayList<>();
            if (unknownSeen) {
                expected.add(unknownWarning);
            }
            if (warning != null) {
                expected.add(warning);
            }
            assertThat(o.warnings()).as(at).isEqualTo(expected);
        }
    }

    /** How many bytes the JDK's own gzip reader gets out of {@code gz} before it fails; -1 if the header fails. */
    private static int decompressedPrefix(byte[] gz) {
        java.util.zip.GZIPInputStream in;
        try {
            in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz));
        } catch (IOException e) {
            return -1;
        }
        int total = 0;
        byte[] buf = new byte[4096];
        try (in) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                total += n;
            }
        } catch (IOException e) {
            // cut short: what was read so far is the answer
        }
        return total;
    }

    @Test
    void gzipCutAtEveryByteGivesFramesAndAWarningOrAnError() throws IOException {
        byte[] pcap = realPcap();
        List<int[]> records = pcapRecords(pcap);
        Outcome full = read(pcap);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(pcap);
        }
        byte[] whole = gz.toByteArray();
        assertThat(read(whole).frames()).hasSameSizeAs(full.frames());
        int withFrames = 0;
        for (int cut = 0; cut < whole.length; cut++) {
            Outcome o = read(Arrays.copyOf(whole, cut));
            String at = "cut at " + cut;
            int plain = cut < 2 ? cut : decompressedPrefix(Arrays.copyOf(whole, cut));
            if (plain < 24) {
                // Nothing (or not even a file header) came out: an error at the start, naming the input.
                assertThat(o.error()).as(at).isNotNull();
                assertThat(o.error().getMessage()).as(at).startsWith(NAME + ": at byte 0: ");
                continue;
            }
            assertThat(o.error()).as(at).isNull();
            int wholeRecords = (int) records.stream().filter(r -> r[1] <= plain).count();
            assertThat(o.frames()).as(at).hasSize(wholeRecords);
            for (int i = 0; i < wholeRecords; i++) {
                assertThat(o.frames().get(i)).as(at).isEqualTo(full.frames().get(i));
            }
            // A cut gzip always says so: the compressed stream ends before its end-of-stream marker.
            assertThat(o.warnings()).as(at).isNotEmpty().allMatch(w -> w.startsWith(NAME + ": ")
                    && w.contains("compressed stream ends early"));
            withFrames += wholeRecords > 0 ? 1 : 0;
        }
        assertThat(withFrames).as("cuts that keep some frames").isPositive();
    }

    /** The pcapng fixture with a 4 MiB unknown block after its first packet, gzip-compressed (to a few KB). */
    private static byte[] gzipWithLargeUnknownBlock() throws IOException {
        byte[] ng = Files.readAllBytes(captureFixture("main-mode.pcapng"));
        int[] firstPacket = pcapngBlocks(ng).stream().filter(b -> b[2] == 6).findFirst().orElseThrow();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        plain.write(ng, 0, firstPacket[1]);
        plain.writeBytes(CaptureRewriter.pcapngBlock(0x12345678, new byte[4 << 20]));
        plain.write(ng, firstPacket[1], ng.length - firstPacket[1]);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(plain.toByteArray());
        }
        return gz.toByteArray();
    }

    @Test
    void gzipCutInsideALargeSkippedBlockKeepsTheFramesBeforeIt() throws IOException {
        byte[] whole = gzipWithLargeUnknownBlock();
        Outcome all = read(whole);
        assertThat(all.error()).isNull();
        assertThat(all.frames()).hasSize(9);
        // Cut where the compressed zeros of the big block are: the block is being skipped, not buffered.
        Outcome o = read(Arrays.copyOf(whole, whole.length / 2));
        assertThat(o.error()).isNull();
        assertThat(o.frames()).hasSize(1);
        assertThat(o.warnings()).hasSize(2);
        assertThat(o.warnings().get(0)).startsWith(NAME + ": pcapng block type 0x12345678 is not known");
        assertThat(o.warnings().get(1)).startsWith(NAME + ": at byte ").contains(": truncated pcapng block: needs "
                + (12 + (4 << 20)) + " bytes, ").endsWith(" (compressed stream ends early (Unexpected end of ZLIB"
                + " input stream))");
    }

    @Test
    void gzipCorruptInsideALargeSkippedBlockIsAnErrorNamingTheInput() throws IOException {
        byte[] corrupt = gzipWithLargeUnknownBlock();
        for (int i = corrupt.length / 2; i < corrupt.length / 2 + 8; i++) {
            corrupt[i] = (byte) 0xFF;
        }
        Outcome o = read(corrupt);
        assertThat(o.error()).isNotNull();
        assertThat(o.error().getMessage()).startsWith(NAME + ": at byte ").contains(": corrupt gzip data: ");
        assertThat(o.frames()).hasSize(1);
    }

    // ---- snaplen, wrong magic, zero and maximum length ------------------------------------------------------

    @Test
    void snaplenCutPacketsGiveTheirIkeCutShortWithAnError() throws Exception {
        Assumptions.assumeTrue(TestCaptures.hasTool("editcap"), "editcap (wireshark-common) is not installed");
        Path original = sample("ikev2-psk-ok.pcap");
        Path cut = temp.resolve("snap100.pcap");
        Process p = new ProcessBuilder("editcap", "-s", "100", original.toString(), cut.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("editcap -s 100").isTrue();

        Outcome full = read(Files.readAllBytes(original));
        Outcome o = read(Files.readAllBytes(cut));
        assertThat(o.error()).isNull();
        assertThat(o.warnings()).isEmpty(); // no record exceeds the file's (new) snapshot length
        assertThat(o.frames()).hasSameSizeAs(full.frames());
        assertThat(o.ike()).hasSameSizeAs(full.ike());
        for (int i = 0; i < full.ike().size(); i++) {
            byte[] sent = full.ike().get(i).ike();
            int header = 14 + 20 + 8 + (full.ike().get(i).transport().jsonName().equals("udp-natt") ? 4 : 0);
            int kept = Math.min(sent.length, 100 - header);
            byte[] got = o.ike().get(i).ike();
            assertThat(got).as("message " + (i + 1)).isEqualTo(Arrays.copyOf(sent, kept));
            List<String> errors = IkeDecoder.decode(got).errors();
            if (kept < sent.length) {
                assertThat(errors).as("message " + (i + 1)).first().asString()
                        .isEqualTo("header length " + sent.length + " exceeds the " + kept + " bytes of the message");
            }
        }
    }

    @Test
    void wrongMagicNamesWhatWasFound() throws IOException {
        byte[] pcap = realPcap();
        pcap[0] = 'M';
        pcap[1] = 'Z';
        Outcome o = read(pcap);
        // The first four bytes as they stand in the file: "MZ" and the rest of the pcap magic.
        assertThat(o.error()).hasMessage(NAME + ": at byte 0: not a pcap or pcapng capture (magic 0x4d5ab2a1)");
    }

    @Test
    void zeroLengthRecordIsAnEmptyFrameThatTheDecoderSkipsWithAWarning() throws IOException {
        byte[] pcap = realPcap();
        List<int[]> records = pcapRecords(pcap);
        int second = records.get(1)[0];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(pcap, 0, second);
        ByteBuffer empty = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(1_700_000_000).putInt(0)
                .putInt(0).putInt(0);
        out.writeBytes(empty.array());
        out.write(pcap, second, pcap.length - second);
        Outcome o = read(out.toByteArray());
        assertThat(o.error()).isNull();
        assertThat(o.frames()).hasSize(records.size() + 1);
        assertThat(o.frames().get(1)).isEmpty();
        assertThat(o.ike()).hasSize(records.size()).extracting(IkeDatagram::frame).doesNotContain(2L);
        assertThat(o.warnings()).containsExactly(
                "frame 2: an Ethernet header is cut short; such packets are skipped");
    }

    /** The first record of the real capture padded (Ethernet trailer) to {@code length} captured bytes. */
    private static byte[] firstRecordPaddedTo(int length) throws IOException {
        byte[] pcap = realPcap();
        int[] first = pcapRecords(pcap).get(0);
        byte[] frame = Arrays.copyOfRange(pcap, first[0] + 16, first[1]);
        ByteBuffer out = ByteBuffer.allocate(24 + 16 + length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(pcap, 0, 24).putInt(16, 262_144); // snaplen: the largest
        out.putInt(1_700_000_000).putInt(0).putInt(length).putInt(length).put(frame);
        return out.array();
    }

    @Test
    void recordOfTheMaximumLengthIsRead() throws IOException {
        Outcome o = read(firstRecordPaddedTo(CaptureLimits.MAX_PACKET));
        assertThat(o.error()).isNull();
        assertThat(o.warnings()).isEmpty();
        assertThat(o.frames()).singleElement().satisfies(f -> assertThat(f).hasSize(CaptureLimits.MAX_PACKET));
        assertThat(o.ike()).singleElement()
                .satisfies(d -> assertThat(d.ike()).isEqualTo(read(realPcap()).ike().get(0).ike()));
    }

    @Test
    void recordOneByteOverTheMaximumIsAnError() throws IOException {
        Outcome o = read(firstRecordPaddedTo(CaptureLimits.MAX_PACKET + 1));
        assertThat(o.error()).hasMessage(NAME + ": at byte 24: packet record claims 262145 captured bytes, more than"
                + " the limit of 262144 (corrupt file?)");
        assertThat(o.frames()).isEmpty();
    }

    // ---- corrupted pcapng blocks ---------------------------------------------------------------------------

    @Test
    void unknownBlockWithACorruptTrailerIsAnError() throws IOException {
        byte[] ng = pcapngWithExtraBlocks();
        int[] unknown = pcapngBlocks(ng).stream().filter(b -> b[2] == 0x12345678).findFirst().orElseThrow();
        ByteBuffer.wrap(ng).order(ByteOrder.LITTLE_ENDIAN).putInt(unknown[1] - 4, 999);
        Outcome o = read(ng);
        assertThat(o.error()).hasMessage(NAME + ": at byte " + unknown[0] + ": corrupt pcapng block: leading length 20"
                + " but trailing length 999 (block type 0x12345678)");
        assertThat(o.frames()).hasSize(1); // the packet before it
    }

    @Test
    void interfaceOptionRunningPastItsBlockIsAnError() throws IOException {
        byte[] ng = Files.readAllBytes(captureFixture("main-mode.pcapng"));
        int[] idb = pcapngBlocks(ng).stream().filter(b -> b[2] == 1).findFirst().orElseThrow();
        // The fixture's interface block, given an if_tsresol option (code 9) whose length runs past the block.
        ByteBuffer fields = ByteBuffer.wrap(ng, idb[0] + 8, 8).slice().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer bad = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        bad.putInt(1).putInt(32).putLong(fields.getLong(0)).putShort((short) 9).putShort((short) 0x7FFF)
                .putInt(6).putInt(0).putInt(32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ng, 0, idb[0]);
        out.writeBytes(bad.array());
        out.write(ng, idb[1], ng.length - idb[1]);
        Outcome o = read(out.toByteArray());
        assertThat(o.error()).hasMessage(NAME + ": at byte " + (idb[0] + 16) + ": corrupt pcapng interface option 9:"
                + " length 32767 runs past the end of the block");
        assertThat(o.frames()).isEmpty();
    }

    @Test
    void moreInterfacesThanTheLimitIsAnError() throws IOException {
        byte[] ng = Files.readAllBytes(captureFixture("main-mode.pcapng"));
        int sectionHeader = pcapngBlocks(ng).get(0)[1];
        ByteBuffer out = ByteBuffer.allocate(sectionHeader + 20 * (CaptureLimits.MAX_INTERFACES + 1))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(ng, 0, sectionHeader);
        for (int i = 0; i <= CaptureLimits.MAX_INTERFACES; i++) {
            out.putInt(1).putInt(20).putShort((short) 1).putShort((short) 0).putInt(0).putInt(20);
        }
        Outcome o = read(out.array());
        assertThat(o.error()).hasMessage(NAME + ": at byte " + (sectionHeader + 20 * CaptureLimits.MAX_INTERFACES)
                + ": more than 65536 interface description blocks in one section (corrupt file?)");
    }

    @Test
    void zeroLengthEnhancedPacketIsAnEmptyFrame() throws IOException {
        byte[] ng = Files.readAllBytes(captureFixture("main-mode.pcapng"));
        int[] firstPacket = pcapngBlocks(ng).stream().filter(b -> b[2] == 6).findFirst().orElseThrow();
        ByteBuffer empty = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        empty.putInt(6).putInt(32).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0).putInt(32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ng, 0, firstPacket[0]);
        out.writeBytes(empty.array());
        out.write(ng, firstPacket[0], ng.length - firstPacket[0]);
        Outcome o = read(out.toByteArray());
        assertThat(o.error()).isNull();
        assertThat(o.frames()).hasSize(10);
        assertThat(o.frames().get(0)).isEmpty();
        assertThat(o.warnings()).containsExactly("frame 1: an Ethernet header is cut short; such packets are skipped");
        assertThat(o.ike()).hasSize(9);
    }
}
