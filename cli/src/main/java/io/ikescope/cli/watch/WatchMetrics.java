package io.ikescope.cli.watch;

import com.sun.net.httpserver.HttpServer;
import io.ikescope.watch.WatchEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code watch --metrics ADDRESS:PORT}: counters in the Prometheus text exposition format at {@code /metrics}:
 * {@code ikescope_verdicts_total{initiator, responder, verdict, event}} (one per event, so a negotiation counts
 * once per verdict it reached) and the gauge {@code ikescope_live_negotiations}. The address is the user's: a
 * non-loopback one gets a warning, since the counters name the peers.
 */
public final class WatchMetrics implements AutoCloseable {
    private static final int MAX_SERIES = 10_000;

    private final HttpServer server;
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final AtomicLong live = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    private WatchMetrics(HttpServer server) {
        this.server = server;
    }

    public static WatchMetrics start(String address, PrintWriter err) throws IOException {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("--metrics " + address + ": give ADDRESS:PORT, e.g. 127.0.0.1:9464");
        }
        String host = address.substring(0, colon).replaceAll("^\\[|\\]$", "");
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--metrics " + address + ": the port is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--metrics " + address + ": not a TCP port (1-65535)");
        }
        InetAddress bind = InetAddress.getByName(host);
        if (!bind.isLoopbackAddress()) {
            err.println("ikescope: warning: --metrics " + address + " is reachable from other hosts; the counters"
                    + " name the peers' addresses");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 16);
        WatchMetrics metrics = new WatchMetrics(server);
        server.createContext("/metrics", exchange -> {
            byte[] body = metrics.exposition().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        err.println("ikescope: metrics on http://" + address + "/metrics");
        err.flush();
        return metrics;
    }

    public void count(WatchEvent e) {
        String key = "initiator=\"" + label(e.negotiation().initiator().address()) + "\",responder=\""
                + label(e.negotiation().responder().address()) + "\",verdict=\"" + e.diagnosis().verdict().code()
                + "\",event=\"" + e.kind().jsonName() + "\"";
        AtomicLong c = counters.get(key);
        if (c == null) {
            if (counters.size() >= MAX_SERIES) { // bounded however many peers pass by
                dropped.incrementAndGet();
                return;
            }
            c = counters.computeIfAbsent(key, k -> new AtomicLong());
        }
        c.incrementAndGet();
    }

    public void live(int negotiations) {
        live.set(negotiations);
    }

    String exposition() {
        StringBuilder b = new StringBuilder();
        b.append("# HELP ikescope_verdicts_total Verdict events of ikescope watch, by peers, verdict and event.\n");
        b.append("# TYPE ikescope_verdicts_total counter\n");
        new TreeMap<>(counters).forEach((k, v) -> b.append("ikescope_verdicts_total{").append(k).append("} ")
                .append(v.get()).append('\n'));
        b.append("# HELP ikescope_live_negotiations Negotiations ikescope watch tracks now.\n");
        b.append("# TYPE ikescope_live_negotiations gauge\n");
        b.append("ikescope_live_negotiations ").append(live.get()).append('\n');
        b.append("# HELP ikescope_verdicts_unlabelled_total Events not counted above: more than ")
                .append(MAX_SERIES).append(" series.\n");
        b.append("# TYPE ikescope_verdicts_unlabelled_total counter\n");
        b.append("ikescope_verdicts_unlabelled_total ").append(dropped.get()).append('\n');
        return b.toString();
    }

    /** A Prometheus label value: backslash, quote and newline escaped. */
    static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
