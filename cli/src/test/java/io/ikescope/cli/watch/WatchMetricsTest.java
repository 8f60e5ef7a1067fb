package io.ikescope.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderOptions;
import io.ikescope.session.MessageSource;
import io.ikescope.testsupport.TestPaths;
import io.ikescope.watch.LiveDiagnosis;
import io.ikescope.watch.WatchEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Prometheus page of {@code watch --metrics}: the events of real samples counted per peers and verdict. */
class WatchMetricsTest {

    private static List<WatchEvent> events(String sample) throws Exception {
        List<WatchEvent> events = new ArrayList<>();
        LiveDiagnosis live = new LiveDiagnosis(sample, LiveDiagnosis.options(600_000_000_000L),
                MessageSource.withoutKeys(), 500_000_000L, 30_000_000_000L, events::add);
        try (CaptureReader reader = Captures.open(TestPaths.sampleCapture(sample))) {
            CaptureScan.run(reader, DecoderOptions.defaults(), live.packetSink(w -> { }));
        }
        live.finish();
        return events;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void theCountersOfTheEventsAreServedInThePrometheusTextFormat() throws Exception {
        int port = freePort();
        StringWriter err = new StringWriter();
        try (WatchMetrics metrics = WatchMetrics.start("127.0.0.1:" + port, new PrintWriter(err, true))) {
            for (String sample : List.of("ikev2-psk-ok", "ikev1-main-psk-mismatch", "ikev2-proposal-mismatch")) {
                events(sample).forEach(metrics::count);
            }
            metrics.live(3);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
            assertThat(r.body().lines()).contains(
                    "# TYPE ikescope_verdicts_total counter",
                    "ikescope_verdicts_total{initiator=\"198.51.100.1\",responder=\"198.51.100.2\",verdict=\"ESTABLISHED\","
                            + "event=\"verdict\"} 2",
                    "ikescope_verdicts_total{initiator=\"198.51.100.1\",responder=\"198.51.100.2\",verdict=\"AUTH_FAILED\","
                            + "event=\"verdict\"} 1",
                    "ikescope_live_negotiations 3");
            assertThat(r.body()).contains("verdict=\"PROPOSAL_MISMATCH\"");
        }
        assertThat(err.toString()).contains("metrics on http://127.0.0.1:" + port + "/metrics").doesNotContain("warning");
    }

    @Test
    void anAddressOtherThanLoopbackIsWarnedAboutAndLabelsAreEscaped() throws Exception {
        int port = freePort();
        StringWriter err = new StringWriter();
        try (WatchMetrics ignored = WatchMetrics.start("0.0.0.0:" + port, new PrintWriter(err, true))) {
            assertThat(err.toString()).contains("warning").contains("reachable from other hosts");
        }
        assertThat(WatchMetrics.label("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }
}
