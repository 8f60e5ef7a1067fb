package io.ikescope.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The server's API on real samples: what the page relies on, and what it must refuse. */
class ServeApiTest {
    @TempDir
    Path temp;

    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        server = WebServer.start(InetAddress.getLoopbackAddress(), 0,
                new ServeLimits(20_000, 30_000, 8, 4, Duration.ofHours(1)), temp, null, new PrintWriter(new StringWriter()));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static Path sample(String name) {
        return TestPaths.samples().resolve(name);
    }

    @Test
    void theDownloadedJsonIsWhatDiagnosePrintsInTheUploadsDirectory() throws Exception {
        ServeClient c = new ServeClient(server.url());
        assertThat(c.upload("capture", "ikev2-psk-mismatch.pcap", sample("ikev2-psk-mismatch.pcap")).statusCode()).isEqualTo(201);
        assertThat(c.upload("keys", "ikev2-psk-mismatch.keys.log", sample("ikev2-psk-mismatch.keys.log")).statusCode()).isEqualTo(201);
        JsonNode status = c.diagnose();
        assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("done");
        assertThat(status.get("exitCode").asInt()).isEqualTo(1);
        assertThat(status.get("error").isNull()).as("a failed negotiation is a result, not an error").isTrue();

        HttpResponse<String> json = c.get("api/analysis/report.json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"ikev2-psk-mismatch.diagnose.json\"");
        assertThat(json.body()).isEqualTo(directDiagnose(List.of("ikev2-psk-mismatch.pcap"),
                List.of("ikev2-psk-mismatch.keys.log")));
        JsonNode report = ServeClient.json(json);
        assertThat(report.get("negotiations").get(0).get("verdict").get("code").asString()).isEqualTo("AUTH_FAILED");

        // frame 3 is the initiator's IKE_AUTH: decrypted with the uploaded keys, its identities visible
        JsonNode frame = ServeClient.json(c.get("api/analysis/frame?input=ikev2-psk-mismatch.pcap&frame=3"));
        assertThat(frame.size()).isEqualTo(1);
        assertThat(frame.get(0).get("decryption").asString()).isEqualTo("ok");
        assertThat(frame.get(0).get("payloads").get(0).get("payloads").get(0).get("value").asString())
                .isEqualTo("initiator.lab.example");
        assertThat(ServeClient.json(c.get("api/analysis/frame?input=ikev2-psk-mismatch.pcap&frame=99")).size()).isZero();
        assertThat(c.get("api/analysis/frame?input=other.pcap&frame=1").statusCode()).isEqualTo(404);

        HttpResponse<String> html = c.get("api/analysis/report.html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("AUTH_FAILED").doesNotContain("<script");
        HttpResponse<byte[]> pcapng = c.getBytes("api/analysis/annotated.pcapng");
        assertThat(pcapng.statusCode()).isEqualTo(200);
        assertThat(pcapng.body()).startsWith(0x0A, 0x0D, 0x0D, 0x0A);
    }

    /** {@code ikescope diagnose -f json} as a user runs it in a directory holding the same files. */
    private String directDiagnose(List<String> captures, List<String> keys) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("direct"));
        List<String> args = new java.util.ArrayList<>(List.of("diagnose", "-f", "json"));
        for (String k : keys) {
            Files.copy(sample(k), dir.resolve(k));
            args.add("-k");
            args.add(k);
        }
        for (String capture : captures) {
            Files.copy(sample(capture), dir.resolve(capture));
            args.add(capture);
        }
        return run(dir, args);
    }

    private static String run(Path dir, List<String> args) throws Exception {
        Process p = ChildCli.ofThisJvm().start(dir, args, ProcessBuilder.Redirect.PIPE, ProcessBuilder.Redirect.PIPE);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void eachPeersConfigurationRefinesTheVerdictAsDiagnoseConfigDoes() throws Exception {
        Path scenario = TestPaths.repositoryRoot().resolve("lab/scenarios/ikev2-dh-mismatch");
        ServeClient c = new ServeClient(server.url());
        c.upload("capture", "ikev2-dh-mismatch.pcap", sample("ikev2-dh-mismatch.pcap"));
        c.upload("config-a", "initiator.swanctl.conf", scenario.resolve("initiator.swanctl.conf"));
        c.upload("config-b", "responder.swanctl.conf", scenario.resolve("responder.swanctl.conf"));
        assertThat(c.diagnose().get("state").asString()).isEqualTo("done");
        String served = c.get("api/analysis/report.json").body();

        Path dir = Files.createDirectories(temp.resolve("direct"));
        Files.copy(sample("ikev2-dh-mismatch.pcap"), dir.resolve("ikev2-dh-mismatch.pcap"));
        Files.copy(scenario.resolve("initiator.swanctl.conf"),
                Files.createDirectories(dir.resolve("peer-a")).resolve("initiator.swanctl.conf"));
        Files.copy(scenario.resolve("responder.swanctl.conf"),
                Files.createDirectories(dir.resolve("peer-b")).resolve("responder.swanctl.conf"));
        assertThat(served).isEqualTo(run(dir, List.of("diagnose", "-f", "json", "--config",
                "peer-a/initiator.swanctl.conf", "--config", "peer-b/responder.swanctl.conf", "ikev2-dh-mismatch.pcap")));
        JsonNode n = ServeClient.json(c.get("api/analysis/report.json")).get("negotiations").get(0);
        assertThat(n.get("verdict").get("code").asString()).isEqualTo("DH_GROUP_MISMATCH");
        assertThat(n.get("configuration").isNull()).isFalse();
    }

    @Test
    void progressCoversEveryCaptureAndAFailureSaysWhy() throws Exception {
        ServeClient c = new ServeClient(server.url());
        c.upload("capture", "ikev2-psk-ok.pcap", sample("ikev2-psk-ok.pcap"));
        c.upload("capture", "ikev1-main-psk-ok.pcap", sample("ikev1-main-psk-ok.pcap"));
        JsonNode done = c.diagnose();
        long total = Files.size(sample("ikev2-psk-ok.pcap")) + Files.size(sample("ikev1-main-psk-ok.pcap"));
        assertThat(done.get("totalBytes").asLong()).isEqualTo(total);
        assertThat(done.get("bytesRead").asLong()).isEqualTo(total);
        assertThat(done.get("exitCode").asInt()).isZero();

        // a record claiming 2 GB: diagnose's own one-line message, not a stack trace
        byte[] whole = Files.readAllBytes(sample("ikev2-psk-ok.pcap"));
        java.nio.ByteBuffer.wrap(whole).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(24 + 8, Integer.MAX_VALUE);
        Path cut = Files.write(temp.resolve("corrupt.pcap"), whole);
        c.upload("capture", "cut.pcap", cut);
        JsonNode failed = c.diagnose();
        assertThat(failed.get("state").asString()).isEqualTo("failed");
        assertThat(failed.get("exitCode").asInt()).isEqualTo(2);
        assertThat(failed.get("error").asString()).isEqualTo("cut.pcap: at byte 24: packet record claims 2147483647"
                + " captured bytes, more than the limit of 262144 (corrupt file?)");
    }

    @Test
    void aSessionSeesOnlyItsOwnFiles() throws Exception {
        ServeClient a = new ServeClient(server.url());
        ServeClient b = new ServeClient(server.url());
        assertThat(a.cookie()).isNotEqualTo(b.cookie());
        a.upload("capture", "ikev2-psk-ok.pcap", sample("ikev2-psk-ok.pcap"));
        assertThat(a.diagnose().get("state").asString()).isEqualTo("done");

        assertThat(ServeClient.json(b.get("api/session")).get("files").size()).isZero();
        assertThat(b.get("api/analysis/report.json").statusCode()).isEqualTo(409);
        assertThat(b.delete("api/files/1").statusCode()).isEqualTo(404);
        assertThat(ServeClient.json(a.get("api/session")).get("files").size()).isEqualTo(1);

        ServeClient stranger = new ServeClient(server.url());
        stranger.useCookie(HttpCall.SESSION_COOKIE + "=guessed");
        assertThat(stranger.get("api/session").statusCode()).isEqualTo(401);
        stranger.useCookie("");
        assertThat(stranger.get("api/analysis/report.json").statusCode()).isEqualTo(401);
    }

    @Test
    void uploadsOverTheLimitsAreRefusedWithTheLimitNamed() throws Exception {
        ServeClient c = new ServeClient(server.url());
        Path big = Files.write(temp.resolve("big.pcap"), new byte[25_000]);
        HttpResponse<String> declared = c.upload("capture", "big.pcap", big);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(ServeClient.json(declared).get("error").asString())
                .isEqualTo("big.pcap (25 KB) is larger than the 20 KB this server accepts per file (serve --max-upload)");

        // without a length the body is counted as it arrives, and the partial file deleted
        HttpResponse<String> streamed = c.post("api/files?kind=capture&name=streamed.pcap",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[25_000])));
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(ServeClient.json(streamed).get("error").asString()).startsWith("streamed.pcap is larger than the 20 KB");

        // the session's total: two 12 KB captures fit a 30 KB session, a third does not
        Path capture = sample("ikev1-algorithms-ok.pcap");
        assertThat(Files.size(capture)).isBetween(10_000L, 20_000L);
        assertThat(c.upload("capture", "a.pcap", capture).statusCode()).isEqualTo(201);
        assertThat(c.upload("capture", "b.pcap", capture).statusCode()).isEqualTo(201);
        HttpResponse<String> full = c.upload("capture", "c.pcap", capture);
        assertThat(full.statusCode()).isEqualTo(413);
        assertThat(ServeClient.json(full).get("error").asString()).contains("30 KB in all (serve --max-session)");
        try (var files = Files.walk(server.directory())) {
            assertThat(files.filter(p -> p.getFileName().toString().matches("big.pcap|streamed.pcap|c.pcap"))).isEmpty();
        }
    }

    @Test
    void aFileThatIsNoCaptureIsRefusedAsOne() throws Exception {
        ServeClient c = new ServeClient(server.url());
        HttpResponse<String> r = c.upload("capture", "notes.txt", sample("ikev2-psk-ok.keys.log"));
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(ServeClient.json(r).get("error").asString()).startsWith("notes.txt: at byte 0: not a pcap or pcapng capture");
        assertThat(c.post("api/analysis", HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(400);
    }

    @Test
    void namesBecomePlainFileNames() throws Exception {
        ServeClient c = new ServeClient(server.url());
        JsonNode first = ServeClient.json(c.upload("capture", "../../etc/<img src=x onerror=alert(1)>.pcap", sample("ikev2-psk-ok.pcap")));
        assertThat(first.get(0).get("name").asString()).isEqualTo("_img_src_x_onerror_alert_1__.pcap");
        JsonNode option = ServeClient.json(c.upload("capture", "--help", sample("ikev2-psk-ok.pcap")));
        assertThat(option.get(0).get("name").asString()).isEqualTo("_-help");
        JsonNode again = ServeClient.json(c.upload("capture", "_-help", sample("ikev2-psk-ok.pcap")));
        assertThat(again.get(0).get("name").asString()).isEqualTo("_-help-2");
        assertThat(c.diagnose().get("state").asString()).isEqualTo("done");
        assertThat(ServeClient.json(c.get("api/analysis/report.json")).get("inputs").findValuesAsString("path"))
                .containsExactly("_img_src_x_onerror_alert_1__.pcap", "_-help", "_-help-2");
    }

    @Test
    void changesNeedThePageHeaderAndTheHostMustBeThisServer() throws Exception {
        ServeClient c = new ServeClient(server.url());
        var http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> bare = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/analysis"))
                .header("Cookie", c.cookie()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(403);

        int port = URI.create(server.url()).getPort();
        assertThat(rawGet(port, "rebound.example.com:" + port)).startsWith("HTTP/1.1 421");
        assertThat(rawGet(port, "localhost:" + port)).startsWith("HTTP/1.1 200");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.url())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").doesNotContain("unsafe");
        assertThat(page.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Strict");
    }

    private static String rawGet(int port, String host) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.US_ASCII);
        }
    }

    @Test
    void stoppingTheServerDeletesEveryUpload() throws Exception {
        ServeClient c = new ServeClient(server.url());
        c.upload("capture", "ikev2-psk-ok.pcap", sample("ikev2-psk-ok.pcap"));
        c.diagnose();
        Path dir = server.directory();
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).count()).isGreaterThan(2);
        }
        server.close();
        assertThat(dir).doesNotExist();
    }

    @Test
    void anIdleSessionGoesWithItsFiles() throws Exception {
        server.close();
        server = WebServer.start(InetAddress.getLoopbackAddress(), 0,
                new ServeLimits(20_000, 40_000, 8, 4, Duration.ZERO), temp, null, new PrintWriter(new StringWriter()));
        ServeClient c = new ServeClient(server.url());
        c.upload("capture", "ikev2-psk-ok.pcap", sample("ikev2-psk-ok.pcap"));
        Thread.sleep(5);
        new ServeClient(server.url()); // a new session expires the idle ones first
        assertThat(c.get("api/session").statusCode()).isEqualTo(401);
        try (var files = Files.walk(server.directory())) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
