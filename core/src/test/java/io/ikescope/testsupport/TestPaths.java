package io.ikescope.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the tests' inputs are: the repository (its samples and committed capture fixtures) and the shared
 * folder next to it (the public capture corpus).
 *
 * <p>What the repository holds is in every clone, so a missing sample or fixture fails the test. The shared folder
 * exists only on the project's own machines, so a test that needs it is skipped, naming the path it looked at.
 */
public final class TestPaths {
    /** Set by surefire (the root pom) to the repository root. */
    public static final String ROOT_PROPERTY = "ikescope.root";

    private TestPaths() {
    }

    /**
     * The repository root: {@value #ROOT_PROPERTY} when set, else the nearest ancestor of the working directory
     * holding both {@code samples/} and {@code pom.xml} (a test run from an IDE).
     */
    public static Path repositoryRoot() {
        String property = System.getProperty(ROOT_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("samples")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return Assertions.fail("repository root not found: system property " + ROOT_PROPERTY
                + " is not set and no ancestor of " + start + " holds samples/ and pom.xml");
    }

    /** The committed lab samples ({@code samples/}, with index.json, NAME.pcap and NAME.keys.log). */
    public static Path samples() {
        return existing(repositoryRoot().resolve("samples"), "the samples folder");
    }

    /** One file of {@code samples/}, by its file name ({@code ikev2-psk-ok.keys.log}). */
    public static Path sample(String fileName) {
        return existing(samples().resolve(fileName), "sample");
    }

    /** The capture of a sample, by the name samples/index.json gives it ({@code ikev2-psk-ok}). */
    public static Path sampleCapture(String name) {
        return sample(name + ".pcap");
    }

    /** The committed capture fixtures (core/src/test/resources/captures). */
    public static Path captureFixtures() {
        return existing(repositoryRoot().resolve("core/src/test/resources/captures"), "the capture fixtures folder");
    }

    /** One committed capture fixture, by file name. */
    public static Path captureFixture(String fileName) {
        return existing(captureFixtures().resolve(fileName), "capture fixture");
    }

    /** The public capture corpus ({@code ../shared/corpus/public} beside the repository), or the test is skipped. */
    public static Path publicCorpusOrSkip() {
        Path corpus = repositoryRoot().resolve("../shared/corpus/public").normalize();
        Assumptions.assumeTrue(Files.isDirectory(corpus), () -> "public corpus not found at " + corpus
                + ": the shared folder sits beside the repository only on the project's machines; skipping");
        return corpus;
    }

    private static Path existing(Path path, String what) {
        if (!Files.exists(path)) {
            Assertions.fail(what + " " + path + " is missing: it is part of the repository");
        }
        return path;
    }
}
