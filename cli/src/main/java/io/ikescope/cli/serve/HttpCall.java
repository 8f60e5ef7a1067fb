package io.ikescope.cli.serve;

import com.sun.net.httpserver.HttpExchange;
import io.ikescope.report.JsonTerminalEscapes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * One request and its answer: the query, the session cookie, and the answers {@code serve} gives (JSON, an error
 * as {@code {"error": MESSAGE}}, a file, a bundled asset), each with the same protective headers.
 */
final class HttpCall {
    static final String SESSION_COOKIE = "ikescope_session";
    /**
     * Every script-capable thing is the server's own: no inline script or style (capture data can never become
     * markup that runs), nothing fetched from anywhere else, no framing, no form posting elsewhere.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).characterEscapes(new JsonTerminalEscapes()).build();

    /** Writes one JSON value. */
    interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    private final HttpExchange exchange;
    private final Map<String, String> query;

    HttpCall(HttpExchange exchange) {
        this.exchange = exchange;
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    String query(String name) {
        return query.get(name);
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    long contentLength() {
        String v = header("Content-Length");
        try {
            return v == null ? -1 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    InputStream body() {
        return exchange.getRequestBody();
    }

    /** The session cookie's value, or null. */
    String sessionToken() {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(SESSION_COOKIE + "=")) {
                    return p.substring(SESSION_COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    /** The session cookie: only for this server's pages, never sent by another site's request, not for scripts. */
    void setSessionCookie(String token) {
        exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + token
                + "; Path=/; HttpOnly; SameSite=Strict");
    }

    void json(int status, JsonBody body) throws IOException {
        send(status, "application/json; charset=utf-8", jsonText(body).getBytes(StandardCharsets.UTF_8));
    }

    /** One JSON value as text, written as every answer of the server is (terminal controls escaped). */
    static String jsonText(JsonBody body) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            body.write(g);
        }
        return text.toString();
    }

    void error(int status, String message) throws IOException {
        json(status, g -> {
            g.writeStartObject();
            g.writeStringProperty("error", message);
            g.writeEndObject();
        });
    }

    /** Sends {@code bytes} as they are (already JSON, or an asset). */
    void send(int status, String contentType, byte[] bytes) throws IOException {
        headers(contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Sends a file; with {@code downloadName}, as an attachment of that (already safe) name. */
    void file(Path file, String contentType, String downloadName) throws IOException {
        headers(contentType);
        if (downloadName != null) {
            exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + downloadName + "\"");
        }
        exchange.sendResponseHeaders(200, Files.size(file));
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(file, out);
        }
    }

    /** Opens a Server-Sent Events stream; the caller writes events and closes it. */
    OutputStream eventStream() throws IOException {
        headers("text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private void headers(String contentType) {
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", contentType);
        h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
        h.set("Cache-Control", "no-store");
    }

    void close() {
        exchange.close();
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed escape: the parameter is left out, and the handler reports it missing
            }
        }
        return out;
    }
}
