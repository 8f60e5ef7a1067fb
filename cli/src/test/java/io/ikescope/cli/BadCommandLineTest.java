package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import io.ikescope.testsupport.UnreadableFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong use of the command line beyond what {@code CommandLineTest} covers (unknown option, unknown format,
 * missing command, missing file, directory, no capture magic): each gives exit status 2 and exactly one line on
 * standard error that names the culprit, and no stack trace unless {@code --debug} asks for one.
 * Key files given with {@code -k} are inputs too: missing, unreadable or malformed, the same one line (one that
 * holds no keys is a warning: {@code KeyFilesWithoutKeysCommandTest}).
 */
class BadCommandLineTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), out, err, args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path sample() {
        return TestPaths.sampleCapture("ikev2-psk-ok");
    }

    private static void assertOneLine(Run r, String expectedLine) {
        assertThat(r.exit()).as("exit status; stderr: " + r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly(expectedLine);
    }

    @Test
    void portOutOfRange() {
        assertOneLine(run("dissect", "--port", "70000", sample().toString()),
                "ikescope: --port 70000: not a UDP port (1-65535)");
    }

    @Test
    void portThatIsNotANumber() {
        Run r = run("dissect", "--port", "ike", sample().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("ikescope: ").contains("'ike'")
                .contains("--port").endsWith("(try 'ikescope dissect --help')");
    }

    @Test
    void noCapture() {
        assertOneLine(run("dissect"),
                "ikescope: Missing required parameter: 'CAPTURE' (try 'ikescope dissect --help')");
    }

    @Test
    void optionWithoutItsValue() {
        assertOneLine(run("dissect", sample().toString(), "--format"),
                "ikescope: Missing required parameter for option '--format' (FORMAT) (try 'ikescope dissect --help')");
    }

    @Test
    void unknownCommand() {
        Run r = run("frobnicate", sample().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("ikescope: ").contains("frobnicate")
                .endsWith("(try 'ikescope --help')");
    }

    @Test
    void captureBelowAFileIsOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a directory");
        String below = file.resolve("x.pcap").toString();
        assertOneLine(run("dissect", below), "ikescope: " + below + ": cannot open: Not a directory");
    }

    @Test
    void unreadableCaptureIsOneLine() throws Exception {
        Path p = UnreadableFiles.unreadable(Files.copy(sample(), dir.resolve("locked.pcap")));
        assertOneLine(run("dissect", p.toString()), "ikescope: " + p + ": permission denied");
    }

    @Test
    void outputIntoAMissingDirectoryIsOneLine() {
        Path out = dir.resolve("no/such/dir/report.json");
        Run r = run("dissect", "-o", out.toString(), sample().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("ikescope: " + out + ": cannot write: ");
    }

    @Test
    void captureCutInsideARecordKeepsItsFramesAndWarnsInOneLineNamingItOnce() throws Exception {
        byte[] whole = Files.readAllBytes(sample());
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 10));
        Run r = run("dissect", "-f", "json", cut.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).isNotEmpty();
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("ikescope: " + cut + ": warning: at byte ")
                .contains(": truncated packet record: needs ").endsWith(" remain")
                .doesNotContain(cut + ": at byte");
    }

    @Test
    void stackTraceOnlyWithDebug() throws Exception {
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(sample()), 10));
        String message = "ikescope: " + cut + ": at byte 0: truncated pcap file header: needs 24 bytes, 10 remain";
        assertOneLine(run("dissect", cut.toString()), message);

        Run debug = run("dissect", "--debug", cut.toString());
        assertThat(debug.exit()).isEqualTo(2);
        assertThat(debug.errLines().get(0)).isEqualTo(message);
        assertThat(debug.errLines()).hasSizeGreaterThan(2).anyMatch(l -> l.startsWith("\tat io.ikescope.capture."));
    }

    @Test
    void missingKeyFileIsOneLineForEveryCommand() {
        String missing = dir.resolve("charon.log").toString();
        for (String command : List.of("dissect", "diagnose")) {
            assertOneLine(run(command, "-k", missing, sample().toString()), "ikescope: " + missing + ": no such file");
        }
    }

    @Test
    void keyPathBelowAFileIsOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a directory");
        String below = file.resolve("charon.log").toString();
        Run r = run("dissect", "-k", below, sample().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).singleElement().asString().startsWith("ikescope: " + below + ": ");
    }

    @Test
    void unreadableKeyFileIsOneLine() throws Exception {
        Path keys = UnreadableFiles.unreadable(
                Files.writeString(dir.resolve("ikev1_decryption_table"), "fafaeb49382a763c,735be0cb62f82675\n"));
        Run r = run("dissect", "-k", keys.toString(), sample().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("ikescope: " + keys + ": ");
    }

    @Test
    void keyTableWithAWrongColumnCountNamesFileAndLine() throws Exception {
        Path table = Files.writeString(dir.resolve("ikev2_decryption_table"), "a,b,c\n");
        Run r = run("diagnose", "-k", table.toString(), sample().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("ikescope: " + table + ":1: 3 fields in a decryption table line");
    }

    @Test
    void keyDirectoryWithoutKeyMaterialIsOneLine() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        Files.writeString(keys.resolve("readme.txt"), "no keys here\n");
        Run r = run("dissect", "-k", keys.toString(), sample().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("ikescope: " + keys + ": no key material among its 1 file (");
    }
}
