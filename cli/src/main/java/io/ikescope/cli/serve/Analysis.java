package io.ikescope.cli.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One diagnosis of a session's uploads, run as child processes in the uploads directory: {@code diagnose -f json}
 * with {@code --annotate} (the report and the annotated pcapng), then {@code dissect -f json} per capture (the
 * payloads shown when a message is clicked); the HTML report when first asked for. Its files live in its own
 * directory beside the uploads and go with the session.
 */
final class Analysis {
    enum State { RUNNING, DONE, FAILED, CANCELLED }

    /** The diagnosis's inputs, as names relative to the uploads directory. */
    record Inputs(List<String> captures, List<String> keys, List<String> configs, long captureBytes) {
    }

    private final int id;
    private final ChildCli cli;
    private final Path uploads;
    private final Path dir;
    private final Inputs inputs;
    private final Map<String, FrameIndex> frames = new LinkedHashMap<>();
    private volatile State state = State.RUNNING;
    private volatile String error;
    private volatile long bytesBefore;
    private volatile long bytesNow;
    private volatile int exitCode = -1;
    private volatile String step = "reading";
    private Process running;

    Analysis(int id, ChildCli cli, Path uploads, Path dir, Inputs inputs) {
        this.id = id;
        this.cli = cli;
        this.uploads = uploads;
        this.dir = dir;
        this.inputs = inputs;
    }

    int id() {
        return id;
    }

    State state() {
        return state;
    }

    String error() {
        return error;
    }

    int exitCode() {
        return exitCode;
    }

    String step() {
        return step;
    }

    long bytesRead() {
        return Math.min(inputs.captureBytes(), bytesBefore + bytesNow);
    }

    long totalBytes() {
        return inputs.captureBytes();
    }

    Inputs inputs() {
        return inputs;
    }

    Path report() {
        return dir.resolve("report.json");
    }

    Path annotated() {
        return dir.resolve("annotated.pcapng");
    }

    /** Runs to the end on the calling thread; the state says how it ended. */
    void run() {
        try {
            Files.createDirectories(dir);
            List<String> args = new ArrayList<>(List.of("diagnose", "-f", "json", "--no-progress", "--progress-lines",
                    "-o", relative(report()), "--annotate", relative(annotated())));
            keysAndConfigs(args);
            args.add("--");
            args.addAll(inputs.captures());
            int exit = runChild(args, true);
            exitCode = exit;
            // 0: all established, 1: some not; 2 is unusable input, and its message is the user's answer
            if (exit > 1) {
                throw new Failure(error == null ? "diagnose stopped with exit status " + exit : error);
            }
            step = "decoding payloads";
            for (int i = 0; i < inputs.captures().size(); i++) {
                String capture = inputs.captures().get(i);
                Path out = dir.resolve("frames-" + i + ".jsonl");
                List<String> dissect = new ArrayList<>(List.of("dissect", "-f", "json", "-o", relative(out)));
                keys(dissect);
                dissect.add("--");
                dissect.add(capture);
                if (runChild(dissect, false) != 0) {
                    throw new Failure(error == null ? "dissect of " + capture + " failed" : error);
                }
                synchronized (frames) {
                    frames.put(capture, FrameIndex.of(out));
                }
            }
            state = State.DONE;
        } catch (Failure e) {
            error = e.getMessage();
            state = state == State.CANCELLED ? State.CANCELLED : State.FAILED;
        } catch (IOException e) {
            error = "could not run the diagnosis: " + e.getMessage();
            state = state == State.CANCELLED ? State.CANCELLED : State.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = State.CANCELLED;
        }
    }

    /** The HTML report, written by a run of {@code diagnose -f html} the first time it is asked for. */
    synchronized Path html() throws IOException, InterruptedException {
        Path html = dir.resolve("report.html");
        if (!Files.exists(html)) {
            List<String> args = new ArrayList<>(List.of("diagnose", "-f", "html", "--no-progress", "-o",
                    relative(html)));
            keysAndConfigs(args);
            args.add("--");
            args.addAll(inputs.captures());
            if (runChild(args, false) > 1) {
                throw new IOException(error == null ? "the HTML report could not be written" : error);
            }
        }
        return html;
    }

    /** What dissect decoded of {@code frame} of {@code capture} (JSON objects), or null for an unknown capture. */
    List<String> frame(String capture, int frame) throws IOException {
        FrameIndex index;
        synchronized (frames) {
            index = frames.get(capture);
        }
        return index == null ? null : index.lines(frame);
    }

    void cancel() {
        Process p;
        synchronized (this) {
            if (state == State.RUNNING) {
                state = State.CANCELLED;
            }
            p = running;
        }
        if (p != null) {
            p.destroyForcibly();
        }
    }

    private void keysAndConfigs(List<String> args) {
        keys(args);
        for (String config : inputs.configs()) {
            args.add("--config");
            args.add(config);
        }
    }

    private void keys(List<String> args) {
        for (String key : inputs.keys()) {
            args.add("-k");
            args.add(key);
        }
    }

    private String relative(Path p) {
        return uploads.relativize(p).toString();
    }

    /**
     * Runs one child to its end. Its standard error is read for progress lines (when {@code progress}) and for the
     * last "ikescope: " message, which becomes this analysis's error if the run fails.
     */
    private int runChild(List<String> args, boolean progress) throws IOException, InterruptedException {
        Process p;
        synchronized (this) {
            if (state == State.CANCELLED) {
                throw new Failure("cancelled");
            }
            p = cli.start(uploads, args, ProcessBuilder.Redirect.PIPE, ProcessBuilder.Redirect.DISCARD);
            running = p;
        }
        p.getOutputStream().close(); // nothing to read on standard input
        Deque<String> messages = new ArrayDeque<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                long bytes = ProgressLine.bytes(line);
                if (bytes >= 0) {
                    if (progress && ProgressLine.isEnd(line)) {
                        // a compressed capture's count is of the file's bytes, as the total is
                        bytesBefore += bytes;
                        bytesNow = 0;
                    } else if (progress) {
                        bytesNow = bytes;
                    }
                } else if (line.startsWith("ikescope: ")) {
                    messages.addLast(line.substring("ikescope: ".length()));
                    if (messages.size() > MAX_MESSAGES) {
                        messages.removeFirst();
                    }
                }
            }
        }
        int exit = p.waitFor();
        synchronized (this) {
            running = null;
            if (state == State.CANCELLED) {
                throw new Failure("cancelled");
            }
        }
        if (exit >= 2 && !messages.isEmpty()) {
            error = String.join("\n", messages);
        }
        return exit;
    }

    /** The last messages of a failed child kept for the user (its one-line error, warnings before it). */
    private static final int MAX_MESSAGES = 8;

    /** Ends a run with the message the user sees. */
    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }
}
