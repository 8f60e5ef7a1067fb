package io.ikescope.crypto.keys;

import io.ikescope.capture.TestCaptures;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Lists the key inputs the tests use (shared corpus, committed samples, charon fixtures) and runs tshark. */
final class KeyTestFiles {
    private KeyTestFiles() {
    }

    /** Every samples/*.keys.log, sorted. */
    static List<Path> sampleKeyLogs() {
        return list(TestPaths.samples(), "glob:**.keys.log");
    }

    /** Every file under the corpus's {@code keys} folders, sorted. */
    static List<Path> corpusKeyFiles() {
        Path corpus = TestPaths.publicCorpusOrSkip();
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getParent().getFileName().toString().equals("keys"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A full charon log or capture of a lab run, committed under src/test/resources/charon/SCENARIO/. */
    static Path charon(String scenario, String file) {
        Path p = Path.of("src/test/resources/charon", scenario, file);
        if (!Files.exists(p)) {
            throw new IllegalStateException("fixture missing: " + p.toAbsolutePath());
        }
        return p;
    }

    static List<Path> list(Path dir, String glob) {
        var matcher = dir.getFileSystem().getPathMatcher(glob);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(matcher::matches).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assumeTshark() {
        Assumptions.assumeTrue(TestCaptures.hasTool("tshark"), "tshark not installed");
    }

    /** tshark's standard output for these arguments, with XDG_CONFIG_HOME set to {@code profileHome} (or not). */
    static String tshark(Path profileHome, String... args) {
        List<String> command = new ArrayList<>(List.of("tshark"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (profileHome != null) {
            pb.environment().put("XDG_CONFIG_HOME", profileHome.toString());
        }
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("tshark timed out: " + command);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** tshark's standard error when it loads the tables of {@code profileHome} and reads {@code capture}. */
    static String tsharkErrors(Path profileHome, Path capture) {
        ProcessBuilder pb = new ProcessBuilder("tshark", "-r", capture.toString(), "-c", "1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("XDG_CONFIG_HOME", profileHome.toString());
        try {
            Process p = pb.start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(120, TimeUnit.SECONDS);
            return err.replace("Running as user \"root\" and group \"root\". This could be dangerous.\n", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Wireshark profile home holding these tables (XDG_CONFIG_HOME=home: files in home/wireshark/). */
    static Path profile(Path home, WiresharkTables.Tables tables) throws IOException {
        Path dir = Files.createDirectories(home.resolve("wireshark"));
        Files.writeString(dir.resolve(WiresharkTables.IKEV1_FILE), tables.ikev1());
        Files.writeString(dir.resolve(WiresharkTables.IKEV2_FILE), tables.ikev2());
        return home;
    }

    /** The distinct "ispi_rspi" pairs of the capture's IKE headers (responder SPI not zero), as tshark reads them. */
    static Set<String> spiPairs(Path capture, String filter) {
        Set<String> pairs = new LinkedHashSet<>();
        for (String line : tshark(null, "-r", capture.toString(), "-Y", filter, "-T", "fields", "-e", "isakmp.ispi",
                "-e", "isakmp.rspi").split("\n")) {
            String[] f = line.strip().split("\t");
            if (f.length != 2) {
                continue;
            }
            String[] spiI = f[0].split(","); // a frame may hold several IKE messages: lists, in order
            String[] spiR = f[1].split(",");
            for (int i = 0; i < Math.min(spiI.length, spiR.length); i++) {
                if (!spiR[i].matches("0+")) {
                    pairs.add(spiI[i] + "_" + spiR[i]);
                }
            }
        }
        return pairs;
    }

    /** Counts of encrypted IKE messages in a capture and of those tshark decrypted with the profile's tables. */
    record Decrypted(int total, int ok) {
    }

    /**
     * IKEv2: SK/SKF payloads, and how many of them tshark both verified (integrity checksum correct: SK_ai/SK_ar
     * right) and decrypted into content that parses (no malformed mark: SK_ei/SK_er right; the checksum alone
     * does not show wrong encryption keys). IKEv1: messages with the encryption flag, and those whose decrypted
     * payload chain tshark parsed without a malformed mark.
     */
    static Decrypted decrypted(Path capture, Path profileHome, int ikeVersion) {
        String pcap = capture.toString();
        if (ikeVersion == 2) {
            String encrypted = "isakmp.nextpayload == 46 or isakmp.nextpayload == 53";
            int total = lines(tshark(null, "-r", pcap, "-Y", encrypted));
            int verified = (int) tshark(profileHome, "-r", pcap, "-V").lines()
                    .filter(l -> l.matches(".*Integrity Checksum Data: .*\\[correct\\].*")).count();
            int parsed = lines(tshark(profileHome, "-r", pcap, "-Y", "(" + encrypted + ") and not _ws.malformed"));
            return new Decrypted(total, Math.min(verified, parsed));
        }
        int total = lines(tshark(null, "-r", pcap, "-Y", "isakmp.flag_e == 1"));
        int ok = lines(tshark(profileHome, "-r", pcap, "-Y", "isakmp.flag_e == 1 and isakmp.typepayload and not _ws.malformed"));
        return new Decrypted(total, ok);
    }

    private static int lines(String s) {
        return (int) s.lines().filter(l -> !l.isBlank()).count();
    }
}
