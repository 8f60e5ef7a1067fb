package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code ikescope watch}: each negotiation's last event carries the verdict diagnose gives on the same capture (every
 * sample, replayed through standard input); on a stream written in real time each verdict comes within a second of
 * the message that decided it, a silent negotiation's at its stall timeout; memory stays bounded over more than
 * 10,000 negotiations through a pipe.
 */
class WatchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String out, String err) {
    }

    private static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new ByteArrayInputStream(stdin), out, err, args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The events of a JSON Lines output, by negotiation id, in order. */
    private static Map<String, List<JsonNode>> events(String jsonLines) {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        for (String line : jsonLines.lines().toList()) {
            JsonNode e = JSON.readTree(line);
            assertThat(e.get("schema").asString()).isEqualTo("ikescope.watch/1");
            out.computeIfAbsent(e.get("negotiation").get("id").asString(), k -> new ArrayList<>()).add(e);
        }
        return out;
    }

    @Test
    void everySampleReplayedThroughStandardInputEndsOnTheVerdictsOfDiagnose() throws Exception {
        Path samples = TestPaths.samples();
        JsonNode index = JSON.readTree(samples.resolve("index.json").toFile());
        int negotiations = 0;
        for (JsonNode sample : index) {
            String name = sample.get("name").asString();
            Path capture = samples.resolve(sample.get("capture").asString());
            List<String> keys = sample.hasNonNull("keys")
                    ? List.of("-k", samples.resolve(sample.get("keys").asString()).toString()) : List.of();
            List<String> diagnoseArgs = new ArrayList<>(List.of("diagnose", "-f", "json"));
            diagnoseArgs.addAll(keys);
            diagnoseArgs.add(capture.toString());
            Run diagnose = run(new byte[0], diagnoseArgs.toArray(String[]::new));
            Map<String, String> expected = new LinkedHashMap<>();
            for (JsonNode n : JSON.readTree(diagnose.out()).get("negotiations")) {
                expected.put(n.get("id").asString(), n.get("verdict").get("code").asString());
            }
            List<String> watchArgs = new ArrayList<>(List.of("watch", "-f", "json"));
            watchArgs.addAll(keys);
            watchArgs.add("-");
            Run watch = run(Files.readAllBytes(capture), watchArgs.toArray(String[]::new));
            assertThat(watch.exit()).as(name + ": " + watch.err()).isEqualTo(diagnose.exit());
            Map<String, List<JsonNode>> events = events(watch.out());
            Map<String, String> last = new LinkedHashMap<>();
            events.forEach((id, list) -> {
                assertThat(list.get(0).get("event").asString()).as(name).isIn("verdict", "stalled");
                assertThat(list.get(0).get("previous").isNull()).isTrue();
                for (int i = 1; i < list.size(); i++) {
                    assertThat(list.get(i).get("event").asString()).as(name).isEqualTo("update");
                    assertThat(list.get(i).get("previous").asString())
                            .isEqualTo(list.get(i - 1).get("verdict").get("code").asString());
                }
                last.put(id, list.get(list.size() - 1).get("verdict").get("code").asString());
            });
            assertThat(last).as(name).isEqualTo(expected);
            negotiations += expected.size();
        }
        assertThat(negotiations).isGreaterThanOrEqualTo(index.size());
    }

    /** Starts {@code ikescope watch -f json ARGS -} (no '-' with -i) in a child JVM, its standard output read line by line. */
    private static Process watchInChild(Path dir, String heap, File stdin, String... args) throws Exception {
        return watchInChild(dir, heap, stdin, ProcessBuilder.Redirect.to(dir.resolve("child.err").toFile()), args);
    }

    private static Process watchInChild(Path dir, String heap, File stdin, ProcessBuilder.Redirect err,
                                        String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, heap, "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "watch", "-f", "json"));
        command.addAll(List.of(args));
        if (!command.contains("-i")) {
            command.add("-");
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(err);
        if (stdin != null) {
            pb.redirectInput(stdin);
        }
        return pb.start();
    }

    private static void putLe32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    @Test
    void onAStreamWrittenInRealTimeEachVerdictComesWithinASecondOfItsLastMessage(@TempDir Path dir)
            throws Exception {
        // a decided negotiation (settle 0.3 s), a PSK mismatch and a silent one (stall timeout 2 s), written as tcpdump
        // -U writes them: each frame when it "happens", stamped with the wall clock; 4 s apart
        List<String> names = List.of("ikev2-nat-ok", "ikev1-main-psk-mismatch", "ikev2-proposal-mismatch",
                "ikev2-no-response");
        Process watch = watchInChild(dir, "-Xmx128m", null, ProcessBuilder.Redirect.PIPE, "--settle", "0.3",
                "--stall-timeout", "2");
        // as with tcpdump, the negotiations begin once watch is reading: it says so on standard error
        BufferedReader err = new BufferedReader(new InputStreamReader(watch.getErrorStream(), StandardCharsets.UTF_8));
        String ready = err.readLine();
        assertThat(ready).startsWith("ikescope: watching (standard input)");
        Thread drainErr = new Thread(() -> {
            try {
                err.transferTo(java.io.Writer.nullWriter());
            } catch (java.io.IOException ignored) {
                // the child is gone
            }
        });
        drainErr.start();
        Map<String, Long> lastFrameWritten = new ConcurrentHashMap<>();
        Map<String, Long> eventArrived = new ConcurrentHashMap<>();
        List<JsonNode> events = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(watch.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    long now = System.nanoTime();
                    JsonNode e = JSON.readTree(line);
                    synchronized (events) {
                        events.add(e);
                    }
                    eventArrived.putIfAbsent(e.get("negotiation").get("id").asString(), now);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        try (OutputStream in = watch.getOutputStream()) {
            in.write(RepeatedNegotiationsCapture.globalHeader());
            in.flush();
            int id = 0;
            for (String name : names) {
                id++;
                for (byte[] frame : RepeatedNegotiationsCapture.ethernetFrames(TestPaths.sampleCapture(name))) {
                    long micros = System.currentTimeMillis() * 1000;
                    byte[] record = new byte[16];
                    putLe32(record, 0, micros / 1_000_000);
                    putLe32(record, 4, micros % 1_000_000);
                    putLe32(record, 8, frame.length);
                    putLe32(record, 12, frame.length);
                    in.write(record);
                    in.write(frame);
                    in.flush();
                    lastFrameWritten.put(String.valueOf(id), System.nanoTime());
                    Thread.sleep(20);
                }
                Thread.sleep(4000);
            }
        }
        assertThat(watch.waitFor(60, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        assertThat(eventArrived.keySet()).as("events: " + events)
                .containsExactlyInAnyOrder("1", "2", "3", "4");
        List<String> figures = new ArrayList<>();
        for (String id : List.of("1", "2", "3")) {
            double seconds = (eventArrived.get(id) - lastFrameWritten.get(id)) / 1e9;
            figures.add(String.format("%s %.3f s", names.get(Integer.parseInt(id) - 1), seconds));
            assertThat(seconds).as("negotiation " + id + " (" + names.get(Integer.parseInt(id) - 1)
                    + "): seconds from its last frame to its verdict").isLessThan(1.0);
        }
        double silent = (eventArrived.get("4") - lastFrameWritten.get("4")) / 1e9;
        figures.add(String.format("%s (stall 2 s) %.3f s", names.get(3), silent));
        System.out.println("watch, seconds from a negotiation's last frame to its first event: "
                + String.join(", ", figures));
        assertThat(silent).as("the silent negotiation's stall: seconds after its last frame").isBetween(2.0, 3.0);
        synchronized (events) {
            assertThat(events).extracting(e -> e.get("verdict").get("code").asString())
                    .startsWith("ESTABLISHED", "AUTH_FAILED", "PROPOSAL_MISMATCH", "NO_RESPONSE");
            assertThat(events.get(3).get("event").asString()).isEqualTo("stalled");
        }
    }

    @Test
    void moreThanTenThousandNegotiationsThroughAPipeInABoundedHeap(@TempDir Path dir) throws Exception {
        List<Path> sources = List.of(TestPaths.sampleCapture("ikev2-psk-ok"), TestPaths.sampleCapture("ikev1-main-psk-ok"),
                TestPaths.sampleCapture("ikev2-nat-ok"), TestPaths.sampleCapture("ikev2-no-response"));
        Path capture = dir.resolve("many.pcap");
        RepeatedNegotiationsCapture.write(capture, sources, 2600);
        Process watch = watchInChild(dir, "-Xmx96m", capture.toFile(), "--stall-timeout", "30");
        long lines = 0;
        java.util.Set<String> ids = new java.util.HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(watch.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines++;
                int at = line.indexOf("\"negotiation\":{\"id\":\"");
                ids.add(line.substring(at + 21, line.indexOf('"', at + 21)));
            }
        }
        assertThat(watch.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(watch.exitValue()).as(Files.readString(dir.resolve("child.err")))
                .isEqualTo(ExitCodes.NEGOTIATION_FAILED);
        assertThat(ids.size()).isGreaterThan(10_000);
        System.out.println("watch through a pipe in a 96 MB heap: " + ids.size() + " negotiations, " + lines
                + " events, capture " + Files.size(capture) / 1_000_000 + " MB");
        assertThat(lines).isGreaterThanOrEqualTo(ids.size());
    }

    @Test
    void onALiveInterfaceTcpdumpFeedsTheVerdict(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "watch -i needs root for tcpdump; skipping");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tcpdump"))
                || Files.isExecutable(Path.of("/usr/sbin/tcpdump")), "tcpdump is not installed; skipping");
        // the IKE_SA_INIT request of a lab run, sent to a port on loopback where nobody listens: the kernel answers
        // port unreachable, and watch reports NO_RESPONSE once the stall timeout has passed
        byte[] frame = RepeatedNegotiationsCapture.ethernetFrames(TestPaths.sampleCapture("ikev2-no-response")).get(0);
        int udp = 14 + (frame[14] & 0x0F) * 4;
        byte[] ike = java.util.Arrays.copyOfRange(frame, udp + 8, frame.length);
        int port;
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // free now, closed below: nobody listens there
        }
        Process watch = watchInChild(dir, "-Xmx128m", null, ProcessBuilder.Redirect.PIPE, "-i", "lo", "--port",
                String.valueOf(port), "--stall-timeout", "1");
        BufferedReader err = new BufferedReader(new InputStreamReader(watch.getErrorStream(), StandardCharsets.UTF_8));
        List<String> errLines = new ArrayList<>();
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            errLines.add(line);
            // tcpdump's own line (it captures now) and watch's (it reads now), in either order; the two processes
            // share standard error, so one may land inside the other ("tcpdump: ikescope: watching ...", seen in CI)
            if (errLines.stream().anyMatch(l -> l.contains("listening on lo"))
                    && errLines.stream().anyMatch(l -> l.contains("ikescope: watching"))) {
                break;
            }
        }
        assertThat(errLines).as("watch and tcpdump started").anyMatch(l -> l.contains("ikescope: watching tcpdump -i lo"));
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            socket.send(new java.net.DatagramPacket(ike, ike.length, java.net.InetAddress.getLoopbackAddress(), port));
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8));
        java.util.concurrent.CompletableFuture<String> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = first.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            line = null;
        } finally {
            watch.destroy();
        }
        assertThat(watch.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(line).as("the first event").isNotNull();
        JsonNode event = JSON.readTree(line);
        assertThat(event.get("event").asString()).isEqualTo("stalled");
        assertThat(event.get("verdict").get("code").asString()).isEqualTo("NO_RESPONSE");
        assertThat(event.get("negotiation").get("responder").get("port").asInt()).isEqualTo(port);
    }
}
