package io.ikescope.fuzz;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.CaptureRewriter;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;
import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderOptions;
import io.ikescope.net.IkeDatagram;
import io.ikescope.net.PacketSink;
import io.ikescope.testsupport.TestPaths;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.Payload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Where fuzz seeds come from, shared by every fuzz target (later ones too: decryption, diagnosis).
 *
 * <p>Layout. Jazzer replays, and starts fuzzing from, {@code src/test/resources/io/ikescope/fuzz/<Class>Inputs/<method>/}
 * (its saved corpus, committed). In it, {@code seed-*} files are derived here from the lab samples and the
 * committed capture fixtures, small by design; {@code crash-*}, {@code timeout-*} and {@code oom-*} files are
 * findings, kept so that {@code mvn test} replays them forever. Seeds from the public corpus are not committed:
 * {@link SeedCorpusTool} exports them into {@code .cifuzz-corpus/<package.Class>/<method>/}, the generated-corpus
 * directory Jazzer also reads when fuzzing (ignored by git).
 *
 * <p>Seed kinds, each a method here: whole captures ({@link #captureSeeds}), frame scripts for the packet
 * decoder ({@link #frameScriptSeeds}, format in {@link FrameScript}), single IKE messages ({@link #ikeMessageSeeds}).
 * A target of a later stage adds its kind here (for example an IKE message with its key-log lines) and a case
 * to {@link SeedCorpusTool}.
 */
final class FuzzSeeds {
    /** Committed seeds stay small: Jazzer mutates them thousands of times a second. */
    static final int MAX_COMMITTED_SEED = 10_240;

    private FuzzSeeds() {
    }

    static List<Path> samples() {
        return list(TestPaths.samples(), ".pcap");
    }

    static List<Path> fixtures() {
        return list(TestPaths.captureFixtures(), "");
    }

    /** The public corpus's captures; the caller is skipped when the shared folder is absent. */
    static List<Path> publicCaptures() {
        Path corpus = TestPaths.publicCorpusOrSkip();
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng|cap)(\\.gz)?"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng)(\\.gz)?"))
                    .filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every IKE message the decoder finds in a capture (empty when the capture cannot be read). */
    static List<IkeDatagram> ikeDatagrams(Path capture) {
        List<IkeDatagram> found = new ArrayList<>();
        try (CaptureReader reader = Captures.open(capture)) {
            CaptureScan.run(reader, DecoderOptions.defaults(), found::add);
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }

    /**
     * One message per distinct shape (IKE version, exchange, request or response, payload types), the smallest
     * of each, named after the capture and frame it came from.
     */
    static Map<String, byte[]> ikeMessageSeeds(List<Path> captures, int maxSize) {
        Map<String, String> nameByShape = new LinkedHashMap<>();
        Map<String, byte[]> bytesByShape = new LinkedHashMap<>();
        for (Path capture : captures) {
            for (IkeDatagram d : ikeDatagrams(capture)) {
                if (d.ike().length > maxSize) {
                    continue;
                }
                String shape = shape(IkeDecoder.decode(d.ike()));
                byte[] known = bytesByShape.get(shape);
                if (known == null || d.ike().length < known.length) {
                    bytesByShape.put(shape, d.ike());
                    nameByShape.put(shape, "seed-" + stem(capture) + "-frame" + d.frame());
                }
            }
        }
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        bytesByShape.forEach((shape, bytes) -> seeds.put(nameByShape.get(shape), bytes));
        return seeds;
    }

    private static String shape(IkeMessage m) {
        if (m.header() == null) {
            return "headerless";
        }
        StringBuilder s = new StringBuilder().append(m.ikeVersion()).append('/').append(m.header().exchangeType())
                .append('/').append(m.header().flags() & 0x20).append('/').append(m.encryptedBody() != null);
        for (Payload p : m.payloads()) {
            s.append(',').append(p.type());
        }
        return s.toString();
    }

    /** The first frames of a capture (those of its first link type) as a script of at most {@code maxSize} bytes. */
    static Optional<byte[]> frameScript(Path capture, int maxSize) {
        int linkType = -1;
        List<byte[]> frames = new ArrayList<>();
        int size = 1;
        try (CaptureReader reader = Captures.open(capture)) {
            for (Frame f = reader.next(); f != null; f = reader.next()) {
                if (linkType >= 0 && f.linkType() != linkType) {
                    continue;
                }
                byte[] bytes = Arrays.copyOfRange(f.data(), f.offset(), f.offset() + f.capturedLength());
                if (size + 3 + bytes.length > maxSize) {
                    break;
                }
                linkType = f.linkType();
                frames.add(bytes);
                size += 3 + bytes.length;
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        if (frames.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FrameScript.encode(linkType, frames));
        } catch (IllegalArgumentException unknownLinkType) {
            return Optional.empty();
        }
    }

    static Map<String, byte[]> frameScriptSeeds(List<Path> captures, int maxSize) {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (Path capture : captures) {
            frameScript(capture, maxSize).ifPresent(s -> seeds.put("seed-" + stem(capture), s));
        }
        return seeds;
    }

    /**
     * The Ethernet frames of a capture relinked as BSD loopback (NULL, host order) and OpenBSD LOOP (network
     * order), the link types no committed fixture has: the Ethernet header becomes the 4-byte address family.
     */
    static Map<String, byte[]> loopbackScriptSeeds(Path ethernetCapture, int maxSize) {
        List<byte[]> nullFrames = new ArrayList<>();
        List<byte[]> loopFrames = new ArrayList<>();
        int size = 1;
        try (CaptureReader reader = Captures.open(ethernetCapture)) {
            for (Frame f = reader.next(); f != null && f.linkType() == 1; f = reader.next()) {
                int ip = f.capturedLength() - 14;
                if (ip <= 0 || size + 3 + 4 + ip > maxSize) {
                    break;
                }
                boolean v6 = (f.data()[f.offset() + 14] & 0xF0) == 0x60;
                byte[] nul = new byte[4 + ip];
                nul[0] = (byte) (v6 ? 24 : 2); // AF_INET / AF_INET6 (BSD), little-endian host
                System.arraycopy(f.data(), f.offset() + 14, nul, 4, ip);
                byte[] loop = nul.clone();
                loop[0] = 0;
                loop[3] = (byte) (v6 ? 24 : 2);
                nullFrames.add(nul);
                loopFrames.add(loop);
                size += 3 + nul.length;
            }
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("seed-null-" + stem(ethernetCapture), FrameScript.encode(0, nullFrames));
        seeds.put("seed-loop-" + stem(ethernetCapture), FrameScript.encode(108, loopFrames));
        return seeds;
    }

    /**
     * Small captures in every container and link type the reader knows: the committed fixtures that are small
     * enough as they are, and the first records of a sample as big-endian pcap and as gzip.
     */
    static Map<String, byte[]> captureSeeds(int maxSize) {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (Path fixture : fixtures()) {
            byte[] bytes = read(fixture);
            if (bytes.length <= maxSize) {
                seeds.put("seed-fixture-" + fixture.getFileName(), bytes);
            }
        }
        byte[] first = pcapHead(read(samples().get(0)), 3, maxSize);
        seeds.put("seed-bigendian.pcap", CaptureRewriter.pcapToBigEndian(first));
        seeds.put("seed-head.pcap.gz", gzip(first));
        return seeds;
    }

    /** A little-endian pcap's file header and as many of its first records as fit. */
    static byte[] pcapHead(byte[] pcap, int records, int maxSize) {
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        int end = 24;
        for (int i = 0; i < records && end + 16 <= pcap.length; i++) {
            int next = end + 16 + b.getInt(end + 8);
            if (next > maxSize || next > pcap.length) {
                break;
            }
            end = next;
        }
        return Arrays.copyOf(pcap, end);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String stem(Path p) {
        return p.getFileName().toString().replaceAll("\\.(pcap|pcapng|cap)(\\.gz)?$", "");
    }
}
