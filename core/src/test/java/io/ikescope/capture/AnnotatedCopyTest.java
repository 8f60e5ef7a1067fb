package io.ikescope.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ikescope.testsupport.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The annotated copy keeps every frame as the reader sees it (number, timestamp, link type, bytes, original length)
 * for every committed capture (pcap of both precisions and byte orders, pcapng, gzip) and the public corpus, and its
 * comments are where tshark finds them.
 */
class AnnotatedCopyTest {

    static Stream<Path> repositoryCaptures() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(TestPaths.samples())) {
            s.filter(p -> p.toString().endsWith(".pcap")).sorted().forEach(out::add);
        }
        try (Stream<Path> s = Files.list(TestPaths.captureFixtures())) {
            s.filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng)(\\.gz)?")).sorted().forEach(out::add);
        }
        return out.stream();
    }

    static Stream<Path> corpusCaptures() {
        return TestCaptures.corpusCaptures().stream().filter(AnnotatedCopyTest::readable);
    }

    private static boolean readable(Path p) {
        try {
            FrameSnapshot.readAll(p);
            return true;
        } catch (IOException e) {
            return false; // a corpus file the reader refuses has no copy to compare
        }
    }

    /** A comment on every odd frame, naming it, and two section comments. */
    private static AnnotatedCopy.Comments oddFrames() {
        return new AnnotatedCopy.Comments() {
            @Override
            public String frame(long n) {
                return n % 2 == 1 ? "frame " + n + " é" : null;
            }

            @Override
            public List<String> section() {
                return List.of("first section comment", "second");
            }
        };
    }

    private static Path copy(Path input, Path dir) throws IOException {
        Path out = dir.resolve(input.getFileName() + ".annotated.pcapng");
        try (var stream = Files.newOutputStream(out)) {
            AnnotatedCopy.copy(input, stream, oddFrames());
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("repositoryCaptures")
    void everyFrameOfTheRepositoryCapturesIsCopiedUnchanged(Path input, @TempDir Path dir) throws IOException {
        Path out = copy(input, dir);
        assertThat(FrameSnapshot.readAll(out)).isEqualTo(FrameSnapshot.readAll(input));
    }

    @ParameterizedTest
    @MethodSource("corpusCaptures")
    void everyFrameOfThePublicCorpusIsCopiedUnchanged(Path input, @TempDir Path dir) throws IOException {
        Path out = copy(input, dir);
        assertThat(FrameSnapshot.readAll(out)).isEqualTo(FrameSnapshot.readAll(input));
    }

    @Test
    void tsharkFindsTheCommentsOnTheFramesTheyWereMeantFor(@TempDir Path dir) throws IOException {
        TestCaptures.assumeTshark();
        for (Path input : List.of(TestPaths.sampleCapture("ikev1-main-psk-mismatch"),
                TestPaths.captureFixture("main-mode.pcapng"), TestPaths.captureFixture("main-mode-nsec.pcap"))) {
            Path out = copy(input, dir);
            List<String> lines = TestCaptures.tshark("-r", out.toString(), "-T", "fields", "-e", "frame.number",
                    "-e", "frame.comment");
            assertThat(lines).isNotEmpty();
            for (String line : lines) {
                String[] f = line.split("\t", -1);
                long n = Long.parseLong(f[0]);
                assertThat(f[1]).as(input + " frame " + n).isEqualTo(n % 2 == 1 ? "frame " + n + " é" : "");
            }
            List<String> info = TestCaptures.tshark("-r", out.toString(), "-q", "-z", "io,stat,0");
            assertThat(String.join("\n", info)).as("tshark reads the whole copy").contains("Frames");
        }
    }

    @Test
    void thePcapngInputKeepsItsOtherBlocksAndTheCopyOfACopyGainsOnlyComments(@TempDir Path dir) throws IOException {
        Path input = TestPaths.captureFixture("custom-port-dumpcap.pcapng");
        byte[] original = Files.readAllBytes(input);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        AnnotatedCopy.copy(input, plain, new AnnotatedCopy.Comments() {
            @Override
            public String frame(long n) {
                return null;
            }

            @Override
            public List<String> section() {
                return List.of();
            }
        });
        // without comments only the section header's length field changes (to -1); dumpcap writes a section header
        // with options (hardware, OS, application), an interface description and statistics: all kept
        byte[] copy = plain.toByteArray();
        assertThat(copy).hasSameSizeAs(original);
        int differing = 0;
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] != original[i]) {
                assertThat(i).as("differing byte offset").isBetween(16, 23);
                differing++;
            }
        }
        assertThat(differing).isLessThanOrEqualTo(8);
    }

    @Test
    void aCommentTooLongForAnOptionIsCutAtACharacterBoundary(@TempDir Path dir) throws IOException {
        String longComment = "é".repeat(40_000); // 80,000 bytes of UTF-8
        Path out = dir.resolve("long.pcapng");
        try (var stream = Files.newOutputStream(out)) {
            AnnotatedCopy.copy(TestPaths.sampleCapture("ikev2-psk-ok"), stream, new AnnotatedCopy.Comments() {
                @Override
                public String frame(long n) {
                    return n == 1 ? longComment : null;
                }

                @Override
                public List<String> section() {
                    return List.of();
                }
            });
        }
        assertThat(FrameSnapshot.readAll(out)).isEqualTo(FrameSnapshot.readAll(TestPaths.sampleCapture("ikev2-psk-ok")));
        if (TestCaptures.hasTool("tshark")) {
            String comment = TestCaptures.tshark("-r", out.toString(), "-Y", "frame.number==1", "-T", "fields",
                    "-e", "frame.comment").get(0);
            assertThat(comment).isEqualTo("é".repeat(32_767));
        }
    }

    @Test
    void notACaptureIsAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Path junk = dir.resolve("junk.pcap");
        Files.writeString(junk, "this is not a capture at all");
        assertThatThrownBy(() -> AnnotatedCopy.copy(junk, new ByteArrayOutputStream(), oddFrames()))
                .isInstanceOf(CaptureException.class).hasMessageContaining("junk.pcap")
                .hasMessageContaining("not a pcap or pcapng capture");
    }
}
