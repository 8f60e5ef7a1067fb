package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * {@code watch} on live lab runs: for each scenario a watch reads the capture tcpdump is writing ({@code tcpdump -U
 * --immediate-mode -w FILE}, followed with {@code tail -F}, the same stream as {@code tcpdump -U -w -}) while the
 * daemons negotiate, one scenario after another. Each negotiation's first event comes within a second of its last
 * message as the capture timestamps it (the capture runs on this machine's clock), and the last event carries the
 * verdict diagnose gives on the saved capture. Root and the lab only; skips otherwise.
 */
class WatchLabTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SCENARIOS = List.of("ikev2-psk-ok", "ikev1-main-psk-mismatch",
            "ikev2-proposal-mismatch");

    /** The events of one watch: JSON and the wall-clock time each line arrived. */
    private record Event(JsonNode json, long arrivedMillis) {
    }

    @Test
    void eachVerdictComesWithinASecondOfTheNegotiationsLastMessageAndEndsAsDiagnoseSaysOnTheSavedCapture(
            @TempDir Path labOut) throws Exception {
        Path script = LabScript.orSkip();

        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, List<Process>> pipelines = new LinkedHashMap<>();
        Map<String, List<Event>> events = new ConcurrentHashMap<>();
        List<Thread> readers = new ArrayList<>();
        for (String scenario : SCENARIOS) {
            Path capture = labOut.resolve(scenario).resolve("capture.pcap");
            ProcessBuilder tail = new ProcessBuilder("tail", "-s", "0.1", "-c", "+1", "-F", capture.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            ProcessBuilder watch = new ProcessBuilder(javaBin, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "watch", "-f", "json", "--stall-timeout", "5", "-");
            List<Process> p = ProcessBuilder.startPipeline(List.of(tail, watch));
            pipelines.put(scenario, p);
            Process w = p.get(1);
            BufferedReader err = new BufferedReader(new InputStreamReader(w.getErrorStream(), StandardCharsets.UTF_8));
            String ready = err.readLine();
            assertThat(ready).as(scenario).startsWith("ikescope: watching");
            List<Event> list = new ArrayList<>();
            events.put(scenario, list);
            Thread t = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(w.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        long now = System.currentTimeMillis();
                        synchronized (list) {
                            list.add(new Event(JSON.readTree(line), now));
                        }
                    }
                    err.transferTo(java.io.Writer.nullWriter());
                } catch (java.io.IOException e) {
                    // the pipeline was stopped
                }
            });
            t.start();
            readers.add(t);
        }

        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(SCENARIOS);
        ProcessBuilder lab = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(labOut.resolve("run.txt").toFile());
        lab.environment().put("LAB_OUT_DIR", labOut.toString());
        Process run = lab.start();
        try {
            assertThat(run.waitFor(300, TimeUnit.SECONDS)).as("lab/run.sh finished").isTrue();
            String output = Files.readString(labOut.resolve("run.txt"));
            assertThat(run.exitValue()).as(output).isZero();
            Thread.sleep(7000); // the stall timeout and a margin: what waits for silence is out too
        } finally {
            for (List<Process> p : pipelines.values()) {
                p.get(0).destroy(); // tail: the watch sees the end of its input and emits its final verdicts
            }
            for (List<Process> p : pipelines.values()) {
                p.get(1).waitFor(30, TimeUnit.SECONDS);
            }
            for (Thread t : readers) {
                t.join(10_000);
            }
        }

        List<String> figures = new ArrayList<>();
        for (String scenario : SCENARIOS) {
            Path capture = labOut.resolve(scenario).resolve("capture.pcap");
            DiagnoseCommandTest.Run diagnose = DiagnoseCommandTest.run(labOut.resolve(scenario + ".json"),
                    "diagnose", "-f", "json", capture.toString());
            JsonNode negotiations = JSON.readTree(diagnose.output()).get("negotiations");
            assertThat(negotiations).as(scenario).isNotEmpty();
            List<Event> list;
            synchronized (events.get(scenario)) {
                list = List.copyOf(events.get(scenario));
            }
            for (JsonNode n : negotiations) {
                String id = n.get("id").asString();
                List<Event> mine = list.stream()
                        .filter(e -> e.json().get("negotiation").get("id").asString().equals(id)).toList();
                assertThat(mine).as(scenario + " negotiation " + id + ": events " + list).isNotEmpty();
                assertThat(mine.get(mine.size() - 1).json().get("verdict").get("code").asString())
                        .as(scenario + " negotiation " + id + ": the last event's verdict")
                        .isEqualTo(n.get("verdict").get("code").asString());
                JsonNode messages = n.get("messages");
                long lastMessage = Instant.parse(messages.get(messages.size() - 1).get("time").asString())
                        .toEpochMilli();
                Event first = mine.get(0);
                long waited = first.json().get("event").asString().equals("stalled") ? 5000 : 0;
                double seconds = (first.arrivedMillis() - lastMessage - waited) / 1000.0;
                figures.add(String.format("%s #%s %s %.3f s", scenario, id,
                        first.json().get("verdict").get("code").asString(), seconds));
                assertThat(seconds).as(scenario + " negotiation " + id
                        + ": seconds from its last message (plus the stall timeout) to its first event; last message "
                        + messages.get(messages.size() - 1) + "; events " + mine.stream()
                        .map(e -> e.arrivedMillis() + " " + e.json().get("event").asString() + " "
                                + e.json().get("time").asString() + " "
                                + e.json().get("verdict").get("code").asString()).toList())
                        .isLessThan(1.0);
            }
        }
        System.out.println("watch on live lab runs, first event after the last message: " + String.join(", ", figures));
    }
}
