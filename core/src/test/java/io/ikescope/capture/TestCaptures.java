package io.ikescope.capture;

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

/** Locates the shared corpus and the committed fixtures, and runs tshark for reference answers. */
public final class TestCaptures {
    private TestCaptures() {
    }

    /** The public corpus, or the test is skipped when the shared folder is absent. */
    public static Path corpus() {
        String root = System.getProperty("ikescope.root");
        Assumptions.assumeTrue(root != null, "system property ikescope.root is not set (run through Maven)");
        Path corpus = Path.of(root).resolve("../shared/corpus/public").normalize();
        Assumptions.assumeTrue(Files.isDirectory(corpus), "shared corpus not found at " + corpus);
        return corpus;
    }

    /** Every capture file of the corpus (pcap, pcapng, cap, and their .gz), sorted by path. */
    public static List<Path> corpusCaptures() {
        Path corpus = corpus();
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

    /** A committed fixture under src/test/resources/captures. */
    public static Path fixture(String name) {
        Path p = Path.of("src/test/resources/captures").resolve(name);
        if (!Files.exists(p)) {
            throw new IllegalStateException("fixture missing: " + p.toAbsolutePath());
        }
        return p;
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
