package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the progress bar shows: only on a terminal, for a regular capture file over 100 MB, without --no-progress. */
class CaptureProgressTest {
    @TempDir
    Path dir;

    @Test
    void showsOnlyOnATerminalForALargeRegularFile() throws Exception {
        Path large = dir.resolve("large.pcap");
        try (RandomAccessFile f = new RandomAccessFile(large.toFile(), "rw")) {
            f.setLength(CaptureProgress.MIN_BYTES + 1); // sparse: only its size matters here
        }
        Path small = dir.resolve("small.pcap");
        Files.write(small, new byte[1000]);

        assertThat(CaptureProgress.wanted(false, true, large.toString())).isTrue();
        assertThat(CaptureProgress.wanted(false, false, large.toString())).as("not a terminal").isFalse();
        assertThat(CaptureProgress.wanted(true, true, large.toString())).as("--no-progress").isFalse();
        assertThat(CaptureProgress.wanted(false, true, small.toString())).as("small file").isFalse();
        assertThat(CaptureProgress.wanted(false, true, "-")).as("standard input").isFalse();
        assertThat(CaptureProgress.wanted(false, true, dir.toString())).as("a directory").isFalse();
    }

    @Test
    void diagnoseOffATerminalWritesNothingToStandardErrorOnALargeCapture() throws Exception {
        Path sample = TestPaths.sampleCapture("ikev2-psk-ok");
        Path capture = dir.resolve("many.pcap");
        long passes = CaptureProgress.MIN_BYTES / RepeatedNegotiationsCapture.bytesPerPass(List.of(sample)) + 1;
        RepeatedNegotiationsCapture.write(capture, List.of(sample), passes);
        assertThat(Files.size(capture)).isGreaterThan(CaptureProgress.MIN_BYTES);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Main.run(System.in, out, err, "diagnose", "-f", "json", "-o", dir.resolve("out.json").toString(),
                    capture.toString());
        } finally {
            System.setErr(originalErr);
            Files.delete(capture);
        }
        assertThat(status).isEqualTo(ExitCodes.OK);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void progressLinesCountEachCapturesBytesAndMarkItsEnd() throws Exception {
        // what serve's diagnose child prints: while reading, then one "end" line per capture, in input order
        Path sample = TestPaths.sampleCapture("ikev2-psk-ok");
        Path big = dir.resolve("big.pcap");
        RepeatedNegotiationsCapture.write(big, List.of(sample), 2_000);
        Path small = TestPaths.sampleCapture("ikev1-main-psk-ok");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Main.run(System.in, new ByteArrayOutputStream(), err, "diagnose", "-f", "json", "--progress-lines", "-o",
                    dir.resolve("out.json").toString(), big.toString(), small.toString());
        } finally {
            System.setErr(originalErr);
        }
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).allMatch(l -> l.startsWith(io.ikescope.cli.serve.ProgressLine.PREFIX));
        List<String> ends = lines.stream().filter(l -> l.endsWith(" end")).toList();
        assertThat(ends).containsExactly(
                "ikescope: progress " + Files.size(big) + " " + Files.size(big) + " end",
                "ikescope: progress " + Files.size(small) + " " + Files.size(small) + " end");
        assertThat(lines.indexOf(ends.get(0))).as("lines while the large capture was read").isGreaterThan(0);
    }
}
