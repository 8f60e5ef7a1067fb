package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code diagnose --annotate}: tshark, the reference reader, shows a comment on every IKE frame of the copy, the
 * verdicts on the section header, and the frames otherwise as in the input (timestamps, lengths, link type, the
 * bytes' MD5), for every sample, a merged pcapng of two captures and several inputs in one run; with -k the key
 * tables beside the copy make tshark decrypt it.
 */
class DiagnoseAnnotateTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), out, err, args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> tool(Path xdgConfigHome, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        Path home = xdgConfigHome != null ? xdgConfigHome : Files.createTempDirectory("no-profile");
        pb.environment().put("XDG_CONFIG_HOME", home.toString());
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return out.lines().toList();
    }

    private static boolean has(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Per frame as tshark reads it: timestamp, lengths, link type and the MD5 of its bytes, then the protocols and the
     * comment (empty when none).
     */
    private static List<String[]> frames(Path capture) throws IOException, InterruptedException {
        List<String[]> out = new ArrayList<>();
        for (String line : tool(null, "tshark", "-o", "frame.generate_md5_hash:TRUE", "-r", capture.toString(),
                "-T", "fields", "-e", "frame.time_epoch", "-e", "frame.len", "-e", "frame.cap_len",
                "-e", "frame.encap_type", "-e", "frame.md5_hash", "-e", "frame.protocols", "-e", "frame.comment")) {
            out.add(line.split("\t", -1));
        }
        return out;
    }

    private static String packet(String[] frame) {
        return String.join(" ", List.of(frame).subList(0, 5));
    }

    /** The copy's frames are the inputs' frames, and every frame tshark decodes as IKE has our comment. */
    private static List<String> assertAnnotated(String name, Path annotated, List<Path> inputs)
            throws IOException, InterruptedException {
        List<String> expected = new ArrayList<>();
        for (Path in : inputs) {
            frames(in).forEach(f -> expected.add(packet(f)));
        }
        List<String[]> copy = frames(annotated);
        assertThat(copy.stream().map(DiagnoseAnnotateTest::packet).toList()).as(name + ": frames as in the input")
                .isEqualTo(expected);
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < copy.size(); i++) {
            String[] f = copy.get(i);
            if (List.of(f[5].split(":")).contains("isakmp")) {
                assertThat(f[6]).as(name + " frame " + (i + 1)).startsWith("ikescope negotiation ")
                        .contains("; verdict ");
                comments.add(f[6]);
            }
        }
        assertThat(comments).as(name + ": IKE frames").isNotEmpty();
        return comments;
    }

    @Test
    void everySampleGetsACommentOnEveryIkeFrameAndItsVerdictsOnTheSection(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(has("tshark"), "tshark is not installed");
        Path samples = TestPaths.samples();
        JsonNode index = new ObjectMapper().readTree(samples.resolve("index.json").toFile());
        int checked = 0;
        for (JsonNode sample : index) {
            String name = sample.get("name").asString();
            Path capture = samples.resolve(sample.get("capture").asString());
            Path out = dir.resolve(name + ".pcapng");
            List<String> args = new ArrayList<>(List.of("diagnose", "--annotate", out.toString()));
            if (sample.hasNonNull("keys")) {
                args.addAll(List.of("-k", samples.resolve(sample.get("keys").asString()).toString()));
            }
            args.add(capture.toString());
            Run r = run(args.toArray(String[]::new));
            assertThat(r.exit()).as(name + ": " + r.err()).isIn(0, 1);
            assertThat(r.err()).as(name).contains(out + ": ").doesNotContain("Exception");
            assertAnnotated(name, out, List.of(capture));
            String section = String.join("\n", tool(null, "capinfos", out.toString()));
            assertThat(section).as(name + ": the section comment holds the expected verdict")
                    .contains("ikescope negotiation ").contains(sample.get("expected").asString());
            checked++;
        }
        assertThat(checked).isEqualTo(index.size()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void aMergedPcapngAndSeveralInputsAreAnnotatedWithEveryFrameKept(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(has("tshark") && has("mergecap"), "tshark or mergecap is not installed");
        Path a = TestPaths.sampleCapture("ikev1-main-psk-mismatch");
        Path b = TestPaths.sampleCapture("ikev2-psk-ok");
        Path merged = dir.resolve("merged.pcapng");
        tool(null, "mergecap", "-F", "pcapng", "-w", merged.toString(), a.toString(), b.toString());
        Path out = dir.resolve("merged.annotated.pcapng");
        Run r = run("diagnose", "--annotate", out.toString(), merged.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        // both negotiations are named on the frames of their own interface
        assertThat(assertAnnotated("merged", out, List.of(merged)))
                .extracting(c -> c.substring(0, "ikescope negotiation 1".length()))
                .contains("ikescope negotiation 1", "ikescope negotiation 2");

        Path both = dir.resolve("both.pcapng");
        r = run("diagnose", "--annotate", both.toString(), a.toString(), b.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertAnnotated("two inputs", both, List.of(a, b));
    }

    @Test
    void withKeysTheTablesBesideTheCopyMakeTsharkDecryptIt(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(has("tshark"), "tshark is not installed");
        Path out = dir.resolve("psk-ok.pcapng");
        Run r = run("diagnose", "--annotate", out.toString(), "-k",
                TestPaths.samples().resolve("ikev2-psk-ok.keys.log").toString(),
                TestPaths.sampleCapture("ikev2-psk-ok").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Path profile = dir.resolve("psk-ok.pcapng.keys");
        assertThat(profile.resolve("wireshark/ikev2_decryption_table")).exists();
        assertThat(r.err()).contains("XDG_CONFIG_HOME=" + profile);
        List<String> plain = tool(null, "tshark", "-r", out.toString(), "-Y", "isakmp.auth.data", "-T", "fields",
                "-e", "frame.number");
        List<String> decrypted = tool(profile, "tshark", "-r", out.toString(), "-Y", "isakmp.auth.data", "-T",
                "fields", "-e", "frame.number");
        assertThat(plain).isEmpty();
        assertThat(decrypted).hasSize(2);
    }

    @Test
    void standardInputAndOverwritingTheInputAreRefusedBeforeAnyOutput(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("in.pcap");
        Files.copy(TestPaths.sampleCapture("ikev2-psk-ok"), copy);
        Run stdin = run("diagnose", "--annotate", dir.resolve("x.pcapng").toString(), "-");
        assertThat(stdin.exit()).isEqualTo(2);
        assertThat(stdin.out()).isEmpty();
        assertThat(stdin.err().lines().toList()).hasSize(1).first().asString().contains("standard input");
        Run same = run("diagnose", "--annotate", copy.toString(), copy.toString());
        assertThat(same.exit()).isEqualTo(2);
        assertThat(same.out()).isEmpty();
        assertThat(same.err()).contains("is the input capture");
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(TestPaths.sampleCapture("ikev2-psk-ok")));
    }
}
