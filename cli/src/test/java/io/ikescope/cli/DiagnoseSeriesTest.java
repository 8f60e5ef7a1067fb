package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code diagnose DIR/} and rotated series: every sample cut by {@code editcap -c} (Wireshark's own splitter, as a
 * rotating capture leaves its files) gives the negotiations of the whole file, frames numbered across the files;
 * names differing in digits are ordered by their packets; files that overlap in time are two capture points.
 */
class DiagnoseSeriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    record Run(int status, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out);
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new ByteArrayInputStream(new byte[0]), out, err, args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void editcapOrSkip() {
        boolean present = Stream.of("/usr/bin/editcap", "/usr/local/bin/editcap").anyMatch(p -> Files.isExecutable(
                Path.of(p)));
        Assumptions.assumeTrue(present, "editcap (package wireshark-common) is not installed: lab/install-deps.sh"
                + " installs it; skipping");
    }

    private static void editcap(Path capture, int packetsPerFile, Path out) throws Exception {
        Process p = new ProcessBuilder("editcap", "-c", String.valueOf(packetsPerFile), capture.toString(),
                out.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(said).isZero();
    }

    /** The negotiations without what names the file (the series names its first file, the whole file itself). */
    private static List<JsonNode> negotiations(JsonNode doc) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : doc.get("negotiations")) {
            ObjectNode copy = (ObjectNode) n.deepCopy();
            copy.remove(List.of("input", "seenIn"));
            for (JsonNode m : copy.get("messages")) {
                ((ObjectNode) m).remove("seenAt");
            }
            out.add(copy);
        }
        return out;
    }

    @Test
    void everySampleCutIntoFilesGivesTheNegotiationsOfTheWholeFile() throws Exception {
        editcapOrSkip();
        List<Path> samples;
        try (Stream<Path> list = Files.list(TestPaths.samples())) {
            samples = list.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThan(50);
        int crossing = 0;
        for (Path sample : samples) {
            Path keys = sample.resolveSibling(sample.getFileName().toString().replace(".pcap", ".keys.log"));
            List<String> keyArgs = Files.exists(keys) ? List.of("-k", keys.toString()) : List.of();
            Run whole = run(args(keyArgs, sample.toString()));
            for (int perFile : new int[] {1, 3}) {
                Path dir = Files.createDirectories(temp.resolve(sample.getFileName() + "-" + perFile));
                editcap(sample, perFile, dir.resolve("part.pcap"));
                Run series = run(args(keyArgs, dir + "/"));
                assertThat(series.status()).as("%s by %d: %s", sample, perFile, series.err())
                        .isEqualTo(whole.status());
                assertThat(negotiations(series.json())).as("%s cut every %d packets", sample, perFile)
                        .containsExactlyElementsOf(negotiations(whole.json()));
                JsonNode inputs = series.json().get("inputs");
                long packets = 0;
                for (JsonNode input : inputs) {
                    if (inputs.size() == 1) {
                        assertThat(input.has("series")).as("a series of one file is a capture").isFalse();
                        packets += input.get("packets").asLong();
                        continue;
                    }
                    assertThat(input.get("seriesFirstFrame").asLong()).isEqualTo(packets + 1);
                    assertThat(input.get("series").asString()).isEqualTo(inputs.get(0).get("path").asString());
                    packets += input.get("packets").asLong();
                }
                assertThat(packets).isEqualTo(whole.json().get("inputs").get(0).get("packets").asLong());
                for (JsonNode n : whole.json().get("negotiations")) {
                    long firstFile = (n.get("firstFrame").asLong() - 1) / perFile;
                    crossing += (n.get("lastFrame").asLong() - 1) / perFile != firstFile ? 1 : 0;
                }
            }
        }
        assertThat(crossing).as("negotiations that cross a file boundary").isGreaterThan(100);
    }

    @Test
    void tcpdumpRotationNamesGivenInAnyOrderAreReadInTheOrderOfTheirPackets() throws Exception {
        editcapOrSkip();
        Path sample = TestPaths.sampleCapture("ikev2-psk-ok");
        Path split = Files.createDirectories(temp.resolve("split"));
        editcap(sample, 2, split.resolve("x.pcap"));
        List<Path> parts;
        try (Stream<Path> list = Files.list(split)) {
            parts = list.sorted().toList();
        }
        assertThat(parts).hasSizeGreaterThan(10);
        // tcpdump -C -w cap.pcap names its files cap.pcap, cap.pcap1, ... cap.pcap11
        Path rotated = Files.createDirectories(temp.resolve("rotated"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Path target = rotated.resolve(i == 0 ? "cap.pcap" : "cap.pcap" + i);
            Files.copy(parts.get(i), target);
            names.add(target.toString());
        }
        Collections.shuffle(names, new Random(7));
        Run whole = run("diagnose", "-f", "json", sample.toString());
        Run shuffled = run(args(List.of(), names.toArray(new String[0])));
        assertThat(negotiations(shuffled.json())).containsExactlyElementsOf(negotiations(whole.json()));
        assertThat(shuffled.json().get("negotiations").get(0).get("input").asString())
                .isEqualTo(rotated.resolve("cap.pcap").toString());
        Run text = run("diagnose", rotated.toString());
        assertThat(text.out()).contains("Capture " + rotated.resolve("cap.pcap11") + " (pcapng): 2 packets, 2 IKE"
                + " messages, frames 23..24 of the series " + rotated.resolve("cap.pcap"));
        Run html = run("diagnose", "-f", "html", rotated.toString());
        assertThat(html.out()).contains(rotated.resolve("cap.pcap11") + "<br><span class=\"note\">frames 23..24 of the"
                + " rotated series beginning with " + rotated.resolve("cap.pcap") + "</span>");
    }

    @Test
    void filesThatOverlapInTimeAreTwoCapturePointsEvenWhenTheirNamesDifferInDigitsOnly() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("points"));
        Path gw1 = Files.copy(TestPaths.sampleCapture("ikev2-nat-encap-ok.at-initiator"), dir.resolve("gw1.pcap"));
        Path gw2 = Files.copy(TestPaths.sampleCapture("ikev2-nat-encap-ok"), dir.resolve("gw2.pcap"));
        JsonNode doc = run("diagnose", "-f", "json", dir.toString()).json();
        assertThat(doc.get("inputs")).hasSize(2);
        assertThat(doc.get("inputs").get(0).has("series")).isFalse();
        assertThat(doc.get("negotiations")).hasSize(1);
        assertThat(doc.get("negotiations").get(0).get("seenIn")).hasSize(2);
        assertThat(JSON.writeValueAsString(doc)).isEqualTo(JSON.writeValueAsString(
                run("diagnose", "-f", "json", gw1.toString(), gw2.toString()).json()));
    }

    @Test
    void aDirectoryReadsItsCapturesAndSaysWhatItSkipped() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("mixed"));
        Files.copy(TestPaths.sampleCapture("ikev2-psk-mismatch"), dir.resolve("a.pcap"));
        Files.copy(TestPaths.sampleCapture("ikev1-main-psk-ok"), dir.resolve("b.pcap"));
        Files.writeString(dir.resolve("notes.txt"), "not a capture\n");
        Files.writeString(dir.resolve(".hidden"), "ignored\n");
        Files.createDirectories(dir.resolve("sub"));
        Run r = run("diagnose", "-f", "json", dir.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.json().get("inputs")).hasSize(2);
        assertThat(r.err()).contains(dir.resolve("notes.txt") + ": at byte 0: not a pcap or pcapng capture")
                .contains(dir.resolve("sub") + ": not a regular file, skipped").doesNotContain(".hidden");
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Run none = run("diagnose", empty.toString());
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err().strip()).isEqualTo("ikescope: " + empty + ": no pcap or pcapng capture in this"
                + " directory");
    }

    private static String[] args(List<String> keys, String... captures) {
        List<String> all = new ArrayList<>(List.of("diagnose", "-f", "json"));
        all.addAll(keys);
        all.addAll(List.of(captures));
        return all.toArray(new String[0]);
    }
}
