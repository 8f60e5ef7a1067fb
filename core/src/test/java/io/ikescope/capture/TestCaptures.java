package io.ikescope.capture;

import io.ikescope.testsupport.TestPaths;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Lists the public corpus's captures, and runs tshark for reference answers. */
public final class TestCaptures {
    private TestCaptures() {
    }

    /** Every capture file of the corpus (pcap, pcapng, cap, and their .gz), sorted by path. */
    public static List<Path> corpusCaptures() {
        Path corpus = TestPaths.publicCorpusOrSkip();
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/expected/") && !p.toString().contains("/keys/"))
                    .filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng|cap)(\\.gz)?"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean hasTool(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static void assumeTshark() {
        Assumptions.assumeTrue(hasTool("tshark"), "tshark is not installed");
    }

    /**
     * Runs tshark with an empty configuration (so no user preference changes its answers) and returns its
     * standard output lines.
     */
    public static List<String> tshark(String... args) {
        try {
            Path profile = Files.createTempDirectory("tshark-profile");
            List<String> command = new ArrayList<>();
            command.add("tshark");
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().put("XDG_CONFIG_HOME", profile.toString());
            pb.environment().put("HOME", profile.toString());
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("tshark timed out: " + command);
            }
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
