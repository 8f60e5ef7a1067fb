package io.ikescope.cli;

import static io.ikescope.testsupport.TestPaths.captureFixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.PdmlReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The command line as a user meets it, through {@link Main#run(java.io.InputStream, java.io.OutputStream,
 * java.io.OutputStream, String...)}: exit statuses, the one-line messages of the contract, standard input,
 * {@code -o}, {@code --port}, {@code --version} and {@code --help}. Inputs are the committed real captures of
 * core/src/test/resources/captures (see the README there).
 */
class CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One run: the exit status and everything written to standard output and standard error. */
    private record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new ByteArrayInputStream(stdin), out, err, args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(new byte[0], args);
    }

    /** Exit 2, nothing on standard output, exactly one line on standard error that names {@code subject}. */
    private static void assertOneLineError(Run r, String subject, String problem) {
        assertThat(r.exit()).as("exit status; stderr: " + r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).as("standard error").hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("ikescope: ").contains(subject).contains(problem)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void missingFileIsOneLineNamingIt(@TempDir Path dir) {
        String missing = dir.resolve("absent.pcap").toString();
        assertOneLineError(run("dissect", missing), missing, "no such file");
    }

    @Test
    void directoryIsOneLineNamingIt(@TempDir Path dir) {
        assertOneLineError(run("dissect", "--format", "json", dir.toString()), dir.toString(), "is a directory");
    }

    @Test
    void truncatedCaptureHeaderIsOneLineNamingIt(@TempDir Path dir) throws Exception {
        Path pcap = dir.resolve("cut.pcap");
        Files.write(pcap, Arrays.copyOf(Files.readAllBytes(captureFixture("main-mode-nsec.pcap")), 10));
        assertOneLineError(run("dissect", pcap.toString()), pcap.toString(), "truncated pcap file header");
        Path pcapng = dir.resolve("cut.pcapng");
        Files.write(pcapng, Arrays.copyOf(Files.readAllBytes(captureFixture("main-mode.pcapng")), 10));
        assertOneLineError(run("dissect", pcapng.toString()), pcapng.toString(), "truncated");
    }

    @Test
    void fileWithoutCaptureMagicIsOneLineNamingIt() {
        String readme = captureFixture("README.md").toString();
        assertOneLineError(run("dissect", "--format", "json", readme), readme, "not a pcap or pcapng capture");
    }

    @Test
    void unknownOptionIsOneLine() {
        assertOneLineError(run("dissect", "--frobnicate", captureFixture("main-mode.pcapng").toString()),
                "'--frobnicate'", "Unknown option");
    }

    @Test
    void unknownFormatIsOneLine() {
        assertOneLineError(run("dissect", "--format", "xml", captureFixture("main-mode.pcapng").toString()),
                "'xml'", "not a format");
    }

    @Test
    void missingCommandIsOneLine() {
        assertOneLineError(run(), "dissect", "a command is required");
    }

    @Test
    void dashReadsTheCaptureFromStandardInput() throws Exception {
        Path capture = captureFixture("main-mode.pcapng");
        Run fromFile = run("dissect", "--format", "json", capture.toString());
        Run fromStdin = run(Files.readAllBytes(capture), "dissect", "--format", "json", "-");

        assertThat(fromStdin.exit()).as(fromStdin.err()).isZero();
        assertThat(fromStdin.err()).isEmpty();
        assertThat(fromStdin.out().lines()).hasSize(9); // the README's IKE frames 1-9
        assertThat(fromStdin.out()).isEqualTo(fromFile.out());
        // gzip on standard input too (the same capture, compressed)
        Run gzipped = run(Files.readAllBytes(captureFixture("main-mode.pcapng.gz")),
                "dissect", "--format", "json", "-");
        assertThat(gzipped.out()).isEqualTo(fromFile.out());
    }

    @Test
    void outputOptionWritesTheReportToTheFile(@TempDir Path dir) throws Exception {
        Path capture = captureFixture("main-mode.pcapng");
        Path report = dir.resolve("report.jsonl");
        Run toFile = run("dissect", "--format", "json", "-o", report.toString(), capture.toString());

        assertThat(toFile.exit()).as(toFile.err()).isZero();
        assertThat(toFile.out()).isEmpty();
        assertThat(Files.readString(report)).isEqualTo(run("dissect", "--format", "json", capture.toString()).out())
                .isNotEmpty();
        Run text = run("dissect", "--output", dir.resolve("report.txt").toString(), capture.toString());
        assertThat(text.exit()).isZero();
        assertThat(Files.readString(dir.resolve("report.txt"))).startsWith("Frame 1 ");
    }

    @Test
    void portOptionDecodesIkeOnAnotherUdpPort(@TempDir Path dir) throws Exception {
        Path capture = captureFixture("custom-port-dumpcap.pcapng"); // IKEv2 from UDP 5000 to 5001 (README)
        Run without = run("dissect", "--format", "json", capture.toString());
        assertThat(without.exit()).isZero();
        assertThat(without.out()).isEmpty();

        Run with = run("dissect", "--format", "json", "--port", "5001", capture.toString());
        assertThat(with.exit()).as(with.err()).isZero();
        List<JsonNode> messages = with.out().lines().map(JSON::readTree).toList();
        assertThat(messages).extracting(m -> m.get("frame").asLong()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.get("transport").asString()).isEqualTo("udp");
            assertThat(m.get("ikeVersion").asInt()).isEqualTo(2);
            assertThat(List.of(m.get("srcPort").asInt(), m.get("dstPort").asInt())).containsExactlyInAnyOrder(5000, 5001);
        });

        if (PdmlReader.tsharkAvailable()) { // and field by field what tshark shows when told the port is IKE
            DissectVersusTshark.Outcome o = DissectVersusTshark.compare("custom-port-dumpcap.pcapng", capture,
                    dir.resolve("tshark"), List.of("--port", "5001"), "-d", "udp.port==5001,isakmp");
            assertThat(o.differences()).isEmpty();
            assertThat(o.messages()).isEqualTo(4);
            assertThat(o.fields()).isGreaterThan(100);
        }
    }

    @Test
    void versionAndHelpExitZero() {
        Run version = run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("ikescope ");
        assertThat(version.err()).isEmpty();

        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: ikescope").contains("dissect").contains("Exit status");
        Run dissectHelp = run("dissect", "--help");
        assertThat(dissectHelp.exit()).isZero();
        assertThat(dissectHelp.out()).contains("--format").contains("--output").contains("--port").contains("CAPTURE");
    }
}
