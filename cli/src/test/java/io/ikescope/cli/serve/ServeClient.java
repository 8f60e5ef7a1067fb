package io.ikescope.cli.serve;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** One browser session against a running server, as the page talks to it: the cookie, X-Ikescope on changes. */
final class ServeClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String cookie;

    ServeClient(String base) throws IOException, InterruptedException {
        this.base = base;
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base)).build(),
                HttpResponse.BodyHandlers.ofString());
        String set = page.headers().firstValue("Set-Cookie").orElseThrow();
        this.cookie = set.substring(0, set.indexOf(';'));
    }

    String cookie() {
        return cookie;
    }

    void useCookie(String other) {
        this.cookie = other;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        return http.send(request(path).header("X-Ikescope", "1").POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return http.send(request(path).header("X-Ikescope", "1").DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> upload(String kind, String name, Path file) throws IOException, InterruptedException {
        return post("api/files?kind=" + kind + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                HttpRequest.BodyPublishers.ofFile(file));
    }

    /** Starts a diagnosis and waits for its end (at most a minute); the final status. */
    JsonNode diagnose() throws IOException, InterruptedException {
        HttpResponse<String> started = post("api/analysis", HttpRequest.BodyPublishers.noBody());
        if (started.statusCode() != 202) {
            throw new AssertionError("analysis refused: " + started.statusCode() + " " + started.body());
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode status = json(get("api/analysis"));
            if (!status.get("state").asString().equals("running")) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the diagnosis did not end within a minute");
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie);
    }
}
