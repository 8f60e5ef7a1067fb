package io.ikescope.cli.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code ikescope serve}'s HTTP server (the JDK's): pages and assets, the session API ({@link ApiRoutes}) and the
 * live feed. Before any route: the Host header must name this server (a page of another site that re-resolves
 * its name to 127.0.0.1 is refused), and a request that changes anything must carry {@code X-Ikescope: 1}, which
 * another site's page cannot send without a CORS preflight this server never grants.
 */
public final class WebServer implements AutoCloseable {
    private final HttpServer server;
    private final Sessions sessions;
    private final Path root;
    private final ExecutorService handlers;
    private final ExecutorService analyses;
    private final ScheduledExecutorService sweeper;
    private final LiveFeed live;
    private final Set<String> hosts = new HashSet<>();
    private final boolean anyHost;

    private WebServer(HttpServer server, Path root, Sessions sessions, LiveFeed live, boolean anyHost) {
        this.server = server;
        this.root = root;
        this.sessions = sessions;
        this.live = live;
        this.anyHost = anyHost;
        this.handlers = Executors.newFixedThreadPool(16, daemon("serve-http"));
        this.analyses = Executors.newFixedThreadPool(2, daemon("serve-analysis"));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(daemon("serve-expiry"));
    }

    /**
     * Binds {@code address:port} (port 0: any free one) and starts serving. Uploads go to a new owner-only
     * directory under {@code tempRoot}, deleted by {@link #close()}. {@code live} may be null (no live page).
     */
    public static WebServer start(InetAddress address, int port, ServeLimits limits, Path tempRoot, LiveFeed live,
                                  PrintWriter err) throws IOException {
        Path root = Files.createTempDirectory(tempRoot, "ikescope-serve-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(address, port), 64);
        } catch (IOException e) {
            DirectoryTrees.delete(root);
            throw new IOException("cannot listen on " + address.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
        Sessions sessions = new Sessions(root, limits, ChildCli.ofThisJvm());
        WebServer web = new WebServer(http, root, sessions, live, !address.isLoopbackAddress());
        int bound = http.getAddress().getPort();
        for (String host : new String[] {"127.0.0.1", "localhost", "[::1]", hostLiteral(address)}) {
            web.hosts.add(host.toLowerCase(Locale.ROOT) + ":" + bound);
        }
        ApiRoutes api = new ApiRoutes(sessions, limits, web.analyses, live);
        Assets assets = Assets.bundled();
        http.createContext("/", exchange -> web.handle(exchange, api, assets));
        http.setExecutor(web.handlers);
        http.start();
        web.sweeper.scheduleAtFixedRate(() -> {
            try {
                sessions.expire();
            } catch (IOException e) {
                err.println("ikescope: serve: warning: could not delete an expired session: " + e.getMessage());
                err.flush();
            }
        }, 1, 1, TimeUnit.MINUTES);
        return web;
    }

    /** The address to open, e.g. {@code http://127.0.0.1:8771/}. */
    public String url() {
        InetSocketAddress a = server.getAddress();
        return "http://" + hostLiteral(a.getAddress()) + ":" + a.getPort() + "/";
    }

    /** Where the sessions' files are (deleted by close). */
    public Path directory() {
        return root;
    }

    private static String hostLiteral(InetAddress address) {
        String h = address.getHostAddress();
        int percent = h.indexOf('%');
        if (percent >= 0) {
            h = h.substring(0, percent);
        }
        return h.contains(":") ? "[" + h + "]" : h;
    }

    private void handle(HttpExchange exchange, ApiRoutes api, Assets assets) throws IOException {
        HttpCall call = new HttpCall(exchange);
        try {
            String host = call.header("Host");
            if (!anyHost && (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT)))) {
                call.error(421, "this server answers only to " + url() + " (the request named host " + host + ")");
                return;
            }
            String path = call.path();
            if (path.startsWith("/api/")) {
                api.handle(call, path.substring("/api/".length()));
            } else if (path.equals("/") || path.equals("/live")) {
                page(call, assets, path.equals("/") ? "index.html" : "live.html");
            } else if (path.startsWith("/assets/") && call.method().equals("GET")) {
                Assets.Asset a = assets.get(path.substring("/assets/".length()));
                if (a == null) {
                    call.error(404, "no such asset");
                } else {
                    call.send(200, a.contentType(), a.bytes());
                }
            } else {
                call.error(404, "nothing at " + path);
            }
        } catch (RuntimeException | IOException e) {
            // the server keeps serving; the message is for the browser, never a stack trace
            try {
                call.error(500, "internal error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (IOException | RuntimeException ignored) {
                // the response had already begun: nothing more can be said on this exchange
            }
        } finally {
            call.close();
        }
    }

    /** A page; a browser without a session gets one here (its cookie), the only place sessions are made. */
    private void page(HttpCall call, Assets assets, String name) throws IOException {
        if (!call.method().equals("GET")) {
            call.error(405, "only GET here");
            return;
        }
        if (name.equals("live.html") && live == null) {
            call.error(404, "no live page: start serve with --watch FILE|- or --watch-interface IFACE");
            return;
        }
        if (sessions.find(call.sessionToken()) == null) {
            String token = sessions.create();
            if (token == null) {
                call.error(503, "this server holds its maximum of sessions (serve --max-sessions); try again later");
                return;
            }
            call.setSessionCookie(token);
        }
        Assets.Asset page = assets.get(name);
        call.send(200, page.contentType(), page.bytes());
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        sweeper.shutdownNow();
        if (live != null) {
            live.close();
        }
        try {
            sessions.close();
        } finally {
            analyses.shutdownNow();
            handlers.shutdownNow();
            DirectoryTrees.delete(root);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
