package io.ikescope.cli.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import tools.jackson.core.JsonGenerator;

/**
 * The JSON API under {@code /api/}, every route within the caller's own session (its cookie):
 * {@code GET session}, {@code POST files?kind=capture|keys|config-a|config-b&name=NAME} (the body is the file),
 * {@code DELETE files/ID}, {@code POST analysis}, {@code GET analysis} (state and progress), the downloads
 * {@code GET analysis/report.json|report.html|annotated.pcapng}, {@code GET analysis/frame?input=NAME&frame=N}
 * (what dissect decoded of one frame) and {@code GET live} (Server-Sent Events of {@code watch}).
 */
final class ApiRoutes {
    private final Sessions sessions;
    private final ServeLimits limits;
    private final ExecutorService analyses;
    private final LiveFeed live;

    ApiRoutes(Sessions sessions, ServeLimits limits, ExecutorService analyses, LiveFeed live) {
        this.sessions = sessions;
        this.limits = limits;
        this.analyses = analyses;
        this.live = live;
    }

    void handle(HttpCall call, String route) throws IOException {
        Workspace w = sessions.find(call.sessionToken());
        if (w == null) {
            call.error(401, "no session (it expired, or the server was restarted): reload the page");
            return;
        }
        String method = call.method();
        boolean changes = !method.equals("GET") && !method.equals("HEAD");
        if (changes && !"1".equals(call.header("X-Ikescope"))) {
            call.error(403, "a request that changes anything needs the header X-Ikescope: 1 (the page sends it)");
            return;
        }
        if (route.equals("session") && method.equals("GET")) {
            session(call, w);
        } else if (route.equals("files") && method.equals("POST")) {
            upload(call, w);
        } else if (route.startsWith("files/") && method.equals("DELETE")) {
            remove(call, w, route.substring("files/".length()));
        } else if (route.equals("analysis") && method.equals("POST")) {
            Analysis a = w.analyse(analyses);
            if (a == null) {
                call.error(400, "nothing to diagnose: upload a capture first");
            } else {
                call.json(202, g -> status(g, a));
            }
        } else if (route.equals("analysis") && method.equals("GET")) {
            Analysis a = w.analysis();
            call.json(200, g -> status(g, a));
        } else if (route.startsWith("analysis/") && method.equals("GET")) {
            analysisFile(call, w.analysis(), route.substring("analysis/".length()));
        } else if (route.equals("live") && method.equals("GET")) {
            if (live == null) {
                call.error(404, "no live feed: start serve with --watch FILE|- or --watch-interface IFACE");
            } else {
                live.stream(call);
            }
        } else {
            call.error(404, "no API route " + method + " /api/" + route);
        }
    }

    private void session(HttpCall call, Workspace w) throws IOException {
        List<Workspace.Upload> files = w.files();
        Analysis a = w.analysis();
        call.json(200, g -> {
            g.writeStartObject();
            g.writeObjectPropertyStart("limits");
            g.writeNumberProperty("maxUpload", limits.maxUpload());
            g.writeStringProperty("maxUploadText", ByteSize.format(limits.maxUpload()));
            g.writeNumberProperty("maxSession", limits.maxSession());
            g.writeStringProperty("maxSessionText", ByteSize.format(limits.maxSession()));
            g.writeNumberProperty("maxFiles", limits.maxFiles());
            g.writeEndObject();
            g.writeBooleanProperty("live", live != null);
            g.writeName("files");
            files(g, files);
            g.writeName("analysis");
            status(g, a);
            g.writeEndObject();
        });
    }

    private static void files(JsonGenerator g, List<Workspace.Upload> files) {
        g.writeStartArray();
        for (Workspace.Upload u : files) {
            if (u.size() < 0) {
                continue; // still arriving
            }
            g.writeStartObject();
            g.writeNumberProperty("id", u.id());
            g.writeStringProperty("name", u.name());
            g.writeStringProperty("kind", u.kind().apiName());
            g.writeNumberProperty("size", u.size());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void upload(HttpCall call, Workspace w) throws IOException {
        UploadKind kind = UploadKind.ofApiName(call.query("kind"));
        String name = call.query("name");
        if (kind == null || name == null || name.isEmpty()) {
            call.error(400, "give kind=capture|keys|config-a|config-b and name=FILE");
            return;
        }
        try {
            Workspace.Upload u = w.add(name, kind, call.contentLength(), call.body());
            call.json(201, g -> files(g, List.of(u)));
        } catch (Workspace.Refused e) {
            call.error(e.status, e.getMessage());
        }
    }

    private static void remove(HttpCall call, Workspace w, String id) throws IOException {
        int n;
        try {
            n = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            call.error(400, "not a file id: " + id);
            return;
        }
        if (w.remove(n)) {
            call.json(200, g -> files(g, w.files()));
        } else {
            call.error(404, "no file " + n + " in this session");
        }
    }

    private static void status(JsonGenerator g, Analysis a) {
        if (a == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberProperty("id", a.id());
        g.writeStringProperty("state", a.state().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringProperty("step", a.step());
        g.writeNumberProperty("bytesRead", a.bytesRead());
        g.writeNumberProperty("totalBytes", a.totalBytes());
        if (a.exitCode() >= 0) {
            g.writeNumberProperty("exitCode", a.exitCode());
        } else {
            g.writeNullProperty("exitCode");
        }
        g.writeStringProperty("error", a.error());
        g.writeName("captures");
        g.writeStartArray();
        for (String c : a.inputs().captures()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void analysisFile(HttpCall call, Analysis a, String name) throws IOException {
        if (a == null || a.state() != Analysis.State.DONE) {
            call.error(409, "no finished diagnosis in this session yet");
            return;
        }
        String base = downloadBase(a);
        switch (name) {
            case "report.json" -> call.file(a.report(), "application/json; charset=utf-8", base + ".diagnose.json");
            case "report.html" -> {
                try {
                    call.file(a.html(), "text/html; charset=utf-8", base + ".diagnose.html");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    call.error(503, "the server is stopping");
                }
            }
            case "annotated.pcapng" -> {
                Path p = a.annotated();
                if (Files.exists(p)) {
                    call.file(p, "application/vnd.tcpdump.pcap", base + ".annotated.pcapng");
                } else {
                    call.error(404, "no annotated capture was written");
                }
            }
            case "frame" -> frame(call, a);
            default -> call.error(404, "no such download: " + name);
        }
    }

    private static void frame(HttpCall call, Analysis a) throws IOException {
        String input = call.query("input");
        int frame;
        try {
            frame = Integer.parseInt(call.query("frame"));
        } catch (NumberFormatException e) {
            call.error(400, "give input=CAPTURE and frame=NUMBER");
            return;
        }
        List<String> lines = input == null ? null : a.frame(input, frame);
        if (lines == null) {
            call.error(404, "no capture " + input + " in this diagnosis");
            return;
        }
        // dissect's own JSON objects, joined into one array as they are
        String body = "[" + String.join(",", lines) + "]";
        call.send(200, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** The downloads are named after the first capture (already a safe name). */
    private static String downloadBase(Analysis a) {
        String first = a.inputs().captures().get(0);
        String file = first.substring(first.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
