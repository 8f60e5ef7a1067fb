package io.ikescope.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * tcpdump on every interface of the prober's namespace ({@code -i any}, no filter) while the probe runs, and what
 * the capture shows about where the prober's datagrams went (read with tshark's fields).
 */
final class ProberCapture implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(5);
    private final Process tcpdump;
    private final Path file;
    private final Path err;
    private boolean closed;

    private ProberCapture(Process tcpdump, Path file, Path err) {
        this.tcpdump = tcpdump;
        this.file = file;
        this.err = err;
    }

    /** Starts tcpdump and waits (bounded) until it says it is listening. */
    static ProberCapture start(Path file) {
        try {
            Files.deleteIfExists(file);
            Path err = Files.createTempFile("prober-tcpdump", ".err");
            // -Z root: tcpdump would otherwise drop to its own user, who cannot write into lab/out.
            Process p = new ProcessBuilder("ip", "netns", "exec", ProbeLab.PROBER_NAMESPACE, "tcpdump", "-i", "any",
                    "-n", "-U", "--immediate-mode", "-Z", "root", "-w", file.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
            ProberCapture capture = new ProberCapture(p, file, err);
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!Files.readString(err).contains("listening on")) {
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    capture.close();
                    fail("tcpdump in %s did not start: %s", ProbeLab.PROBER_NAMESPACE, Files.readString(err));
                }
                Thread.sleep(50);
            }
            return capture;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops tcpdump (SIGTERM: it closes the file), after a moment for the last packets to reach it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Thread.sleep(300);
            tcpdump.destroy();
            if (!tcpdump.waitFor(5, TimeUnit.SECONDS)) {
                tcpdump.destroyForcibly();
            }
            Files.deleteIfExists(err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One UDP datagram of the capture: source and destination address and port. */
    record Datagram(String source, int sourcePort, String destination, int destinationPort) {
    }

    List<Datagram> udpDatagrams() {
        ProbeLab.Run run = ProbeLab.run(Duration.ofSeconds(30), List.of("tshark", "-n", "-r", file.toString(), "-Y", "udp",
                "-T", "fields", "-E", "separator=|", "-e", "ip.src", "-e", "ipv6.src", "-e", "udp.srcport", "-e", "ip.dst",
                "-e", "ipv6.dst", "-e", "udp.dstport"));
        assertThat(run.exitCode()).as(run.describe()).isZero();
        List<Datagram> out = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            String[] f = line.split("\\|", -1);
            if (f.length < 6) {
                continue;
            }
            // ICMP errors quote a UDP header: tshark then lists two values per field; the first is the datagram's own
            out.add(new Datagram(first(f[0], f[1]), port(f[2]), first(f[3], f[4]), port(f[5])));
        }
        return out;
    }

    private static String first(String v4, String v6) {
        String v = v4.isEmpty() ? v6 : v4;
        int comma = v.indexOf(',');
        return comma < 0 ? v : v.substring(0, comma);
    }

    private static int port(String field) {
        int comma = field.indexOf(',');
        String v = comma < 0 ? field : field.substring(0, comma);
        return v.isEmpty() ? -1 : Integer.parseInt(v);
    }
}
