package io.ikescope.cli.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The live page's data: a child {@code ikescope watch -f json} on a capture stream or an interface, each event
 * line passed on to every open page as a Server-Sent Event. The latest event of each negotiation is kept (at most
 * {@link #MAX_KEPT}, oldest dropped first) so that a page opened later starts with what is known.
 */
public final class LiveFeed implements AutoCloseable {
    static final int MAX_KEPT = 5_000;
    static final int MAX_PAGES = 8;
    private static final int QUEUE = 1_024;

    private final Map<String, String> latest = new LinkedHashMap<>(16, 0.75f, false);
    private final List<BlockingQueue<String>> pages = new CopyOnWriteArrayList<>();
    private final Process watch;
    private final String source;
    private volatile String status = "starting";

    private LiveFeed(Process watch, String source) {
        this.watch = watch;
        this.source = source;
    }

    /**
     * Starts {@code watch -f json} with {@code watchArgs} (e.g. {@code ["-"]} or {@code ["-i", "eth0"]}); '-'
     * reads this process's standard input. Its messages go to {@code err}.
     */
    public static LiveFeed start(List<String> watchArgs, PrintWriter err) throws IOException {
        List<String> args = new ArrayList<>(List.of("watch", "-f", "json"));
        args.addAll(watchArgs);
        boolean stdin = watchArgs.contains("-");
        Process p = ChildCli.ofThisJvm().start(Path.of("").toAbsolutePath(), args,
                stdin ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE, ProcessBuilder.Redirect.PIPE);
        if (!stdin) {
            p.getOutputStream().close();
        }
        LiveFeed feed = new LiveFeed(p, String.join(" ", watchArgs));
        Thread events = new Thread(feed::readEvents, "serve-live-events");
        events.setDaemon(true);
        events.start();
        Thread messages = new Thread(() -> feed.readMessages(err), "serve-live-messages");
        messages.setDaemon(true);
        messages.start();
        return feed;
    }

    private void readEvents() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String id = negotiationId(line);
                synchronized (latest) {
                    latest.remove(id);
                    latest.put(id, line);
                    if (latest.size() > MAX_KEPT) {
                        latest.remove(latest.keySet().iterator().next());
                    }
                }
                for (BlockingQueue<String> q : pages) {
                    if (!q.offer(line)) {
                        pages.remove(q); // a page that does not keep up is dropped; reloading it starts it again
                    }
                }
            }
        } catch (IOException e) {
            // the child ended; its exit is reported below
        }
        try {
            status = "ended (watch exit status " + watch.waitFor() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (BlockingQueue<String> q : pages) {
            q.offer(END);
        }
    }

    private void readMessages(PrintWriter err) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(watch.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("ikescope: watching ")) {
                    status = "watching " + line.substring("ikescope: watching ".length());
                }
                err.println(line);
                err.flush();
            }
        } catch (IOException e) {
            // the child ended
        }
    }

    /** The negotiation id of an event line: the first "id" property (inside "negotiation"). */
    static String negotiationId(String line) {
        int at = line.indexOf("\"negotiation\":{\"id\":\"");
        if (at < 0) {
            return line;
        }
        int start = at + "\"negotiation\":{\"id\":\"".length();
        int end = line.indexOf('"', start);
        return end < 0 ? line : line.substring(start, end);
    }

    private static final String END = "\u0000end";

    /** Streams the kept events, then every new one, until the page goes or watch ends. */
    void stream(HttpCall call) throws IOException {
        if (pages.size() >= MAX_PAGES) {
            call.error(503, "at most " + MAX_PAGES + " live pages at once");
            return;
        }
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
        List<String> kept;
        synchronized (latest) {
            kept = new ArrayList<>(latest.values());
            pages.add(queue);
        }
        try (OutputStream out = call.eventStream()) {
            send(out, "status", statusJson());
            for (String line : kept) {
                send(out, "watch", line);
            }
            while (true) {
                String line = queue.poll(15, TimeUnit.SECONDS);
                if (line == END) {
                    send(out, "status", statusJson());
                    return;
                }
                if (line == null) {
                    out.write(": still here\n\n".getBytes(StandardCharsets.UTF_8)); // a closed page shows as an error
                    out.flush();
                } else {
                    send(out, "watch", line);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pages.remove(queue);
        }
    }

    private static void send(OutputStream out, String event, String data) throws IOException {
        // each event is one JSON line from watch (no newline inside), so one data: line carries it
        out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String statusJson() throws IOException {
        String now = status;
        return HttpCall.jsonText(g -> {
            g.writeStartObject();
            g.writeStringProperty("source", source);
            g.writeStringProperty("status", now);
            g.writeEndObject();
        });
    }

    @Override
    public void close() {
        watch.destroy();
        try {
            if (!watch.waitFor(2, TimeUnit.SECONDS)) {
                watch.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watch.destroyForcibly();
        }
    }
}
