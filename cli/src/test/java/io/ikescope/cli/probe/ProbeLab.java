package io.ikescope.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ikescope.cli.Main;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The probe lab ({@code lab/probe.sh}) from a test: its prerequisites, one responder set up and down, commands in
 * the prober's namespace, each bounded by a timeout after which it is killed with its descendants.
 */
final class ProbeLab {
    /** The prober's network namespace made by {@code lab/probe.sh up}. */
    static final String PROBER_NAMESPACE = "ikp-i";
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(40);
    static final String COMMAND_PROPERTY = "ikescope.probe.command";
    private static final Path CHARON = Path.of("/usr/lib/ipsec/charon");
    private static String probeHelp;
    /** Set by {@link #up}: {@link #down} after a skipped test has nothing to stop (and may not be root). */
    private static boolean started;

    private ProbeLab() {
    }

    /** One command's outcome; {@code timedOut} when it was killed at its bound. */
    record Run(List<String> command, int exitCode, String out, String err, boolean timedOut) {
        String describe() {
            String classPath = System.getProperty("java.class.path");
            return String.join(" ", command).replace(classPath, "<the test class path>") + " -> exit " + exitCode + (timedOut ? " (killed at its timeout)" : "")
                    + "\nstdout: " + tail(out) + "\nstderr: " + tail(err);
        }

        private static String tail(String s) {
            return s.length() <= 2000 ? s : "..." + s.substring(s.length() - 2000);
        }
    }

    /** A responder that {@code lab/probe.sh up} started: its address and the truth file it wrote. */
    record Responder(String set, String address, JsonNode expected, Path dir) {
        String implementation() {
            return expected.get("implementation").asString();
        }

        JsonNode ikev1() {
            return expected.get("ikev1");
        }

        JsonNode ikev2() {
            return expected.get("ikev2");
        }
    }

    static Path script() {
        return TestPaths.repositoryRoot().resolve("lab/probe.sh");
    }

    /** Skips the calling test unless root and every program the lab needs are present. */
    /** Debian's python3, where lab/install-deps.sh installs python3-cryptography (not a pyenv one on PATH). */
    static String python() {
        return Files.isExecutable(java.nio.file.Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    static void assumeLab() {
        assumeTrue(isRoot(), "the probe lab needs root (network namespaces, mounts); skipping");
        Path pluto = TestPaths.repositoryRoot().resolve("lab/.cache/libreswan/usr/libexec/ipsec/pluto");
        for (Path needed : List.of(script(), CHARON, pluto, Path.of("/usr/bin/ike-scan"), Path.of("/usr/bin/tshark"))) {
            assumeTrue(Files.isExecutable(needed), () -> needed + " is missing (lab/install-deps.sh --libreswan, "
                    + "apt-get install ike-scan); skipping the probe lab");
        }
        assumeTrue(onPath("tcpdump"), "tcpdump is missing (lab/install-deps.sh); skipping the probe lab");
    }

    /**
     * True when {@code ikescope probe --help} succeeds with the probe's own usage: without the subcommand picocli
     * prints the top-level usage for "--help" and exits 0 too, so the usage must name the probe's --max-time.
     */
    static boolean probeAvailable() {
        return probeHelp().contains("--max-time");
    }

    /** True when the probe's usage lists OPTION (the tests pass --aggressive, --fingerprint only when it does). */
    static boolean probeSupports(String option) {
        return probeHelp().matches("(?s).*" + java.util.regex.Pattern.quote(option) + "\\b.*");
    }

    private static synchronized String probeHelp() {
        if (probeHelp == null) {
            Run help = run(Duration.ofSeconds(30), javaCommand("probe", "--help"));
            probeHelp = help.exitCode() == 0 && !help.timedOut() ? help.out() : "";
        }
        return probeHelp;
    }

    /** The set names {@code lab/probe.sh list} prints. */
    static List<String> sets() {
        Run list = run(SCRIPT_TIMEOUT, List.of(script().toString(), "list"));
        assertThat(list.exitCode()).as(list.describe()).isZero();
        return list.out().lines().map(l -> l.split("\\s+")[0]).filter(s -> !s.isBlank()).toList();
    }

    static Responder up(String set) {
        started = true;
        Run up = run(SCRIPT_TIMEOUT, List.of(script().toString(), "up", set));
        assertThat(up.exitCode()).as("lab/probe.sh up %s: %s", set, up.describe()).isZero();
        List<String> lines = up.out().lines().filter(l -> !l.isBlank()).toList();
        String address = lines.get(lines.size() - 1).trim();
        Path dir = TestPaths.repositoryRoot().resolve("lab/out/probe").resolve(set);
        JsonNode expected = readJson(dir.resolve("expected.json"));
        assertThat(expected.get("address").asString()).isEqualTo(address);
        return new Responder(set, address, expected, dir);
    }

    static void down() {
        if (!started) {
            return;
        }
        started = false;
        Run down = run(SCRIPT_TIMEOUT, List.of(script().toString(), "down"));
        assertThat(down.exitCode()).as(down.describe()).isZero();
    }

    static Run inProber(Duration timeout, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", PROBER_NAMESPACE));
        full.addAll(command);
        return run(timeout, full);
    }

    /** {@code ikescope probe ARGS} in the prober's namespace, on this test's class path. */
    static Run probe(Duration timeout, String... args) {
        String[] probeArgs = new String[args.length + 1];
        probeArgs[0] = "probe";
        System.arraycopy(args, 0, probeArgs, 1, args.length);
        return inProber(timeout, javaCommand(probeArgs));
    }

    static JsonNode readJson(Path file) {
        try {
            return new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * ikescope on this test's class path, or the command in the system property {@value #COMMAND_PROPERTY}
     * (words split at spaces, e.g. "java -jar /path/to/ikescope.jar"): the same tests against a built jar.
     */
    private static List<String> javaCommand(String... args) {
        String configured = System.getProperty(COMMAND_PROPERTY, "").trim();
        List<String> command = new ArrayList<>();
        if (configured.isEmpty()) {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), Main.class.getName()));
        } else {
            command.addAll(Arrays.asList(configured.split(" +")));
        }
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** Runs a command with its output in files (no pipe to fill), killed with its descendants at the timeout. */
    static Run run(Duration timeout, List<String> command) {
        try {
            Path out = Files.createTempFile("probe-lab", ".out");
            Path err = Files.createTempFile("probe-lab", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!done) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
                return new Run(command, done ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8), !done);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    private static boolean isRoot() {
        Run id = run(Duration.ofSeconds(5), List.of("id", "-u"));
        return id.exitCode() == 0 && id.out().trim().equals("0");
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        return Arrays.stream(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
