package io.ikescope.cli;

import io.ikescope.cli.serve.ByteSize;
import io.ikescope.cli.serve.LiveFeed;
import io.ikescope.cli.serve.ServeLimits;
import io.ikescope.cli.serve.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ikescope serve}: the web UI on loopback (see {@link WebServer}). Runs until stopped (Ctrl-C, SIGTERM),
 * then deletes every upload.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Serve the web UI: drop captures, key files and configurations into a browser page, see every"
                + " negotiation, its ladder, payloads, offered versus chosen proposals and findings, and download the"
                + " JSON, the HTML report and the annotated pcapng.",
            "Listens on 127.0.0.1 unless --address says otherwise. Each browser session sees only its own uploads;"
                + " they are deleted when the session has been idle for --session-idle minutes and when the server"
                + " stops. Nothing is fetched from the internet.",
            "--watch - | FILE or --watch-interface IFACE adds a live page (/live) fed by ikescope watch."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--address", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}); any other than loopback is reachable"
                + " from other hosts and gets a warning")
    String address;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8771",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 takes any free port)")
    int port;

    @Option(names = "--open", description = "open the page in the desktop's browser (xdg-open or open)")
    boolean open;

    @Option(names = "--max-upload", paramLabel = "SIZE", defaultValue = "512M",
            description = "largest file accepted, e.g. 64M, 2G (default: ${DEFAULT-VALUE})")
    String maxUpload;

    @Option(names = "--max-session", paramLabel = "SIZE", defaultValue = "2G",
            description = "most bytes one session's files may take (default: ${DEFAULT-VALUE})")
    String maxSession;

    @Option(names = "--max-files", paramLabel = "N", defaultValue = "64",
            description = "most files per session (default: ${DEFAULT-VALUE})")
    int maxFiles;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "32",
            description = "most browser sessions at once (default: ${DEFAULT-VALUE})")
    int maxSessions;

    @Option(names = "--session-idle", paramLabel = "MINUTES", defaultValue = "120",
            description = "minutes after which an unused session and its files are deleted (default: ${DEFAULT-VALUE})")
    long sessionIdleMinutes;

    @Option(names = "--temp-dir", paramLabel = "DIR",
            description = "where uploads are kept while the server runs (default: the system's temporary directory)")
    Path tempDir;

    @Option(names = "--watch", paramLabel = "CAPTURE",
            description = "feed the live page from ikescope watch on CAPTURE ('-' for standard input)")
    String watch;

    @Option(names = "--watch-interface", paramLabel = "INTERFACE",
            description = "feed the live page from ikescope watch -i INTERFACE (tcpdump; root or CAP_NET_RAW)")
    String watchInterface;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ServeLimits limits = limits();
        InetAddress bind = bindAddress();
        if (watch != null && watchInterface != null) {
            throw new ErrorReporter.UserError("give --watch or --watch-interface, not both");
        }
        Path temp = tempDir != null ? tempDir : Path.of(System.getProperty("java.io.tmpdir"));
        if (!Files.isDirectory(temp)) {
            throw new ErrorReporter.UserError("--temp-dir " + temp + ": not a directory");
        }
        if (!bind.isLoopbackAddress()) {
            err.println("ikescope: warning: serve --address " + address + " is reachable from other hosts: whoever"
                    + " reaches it can upload captures and read the diagnoses of their own sessions");
        }
        LiveFeed live = null;
        if (watch != null || watchInterface != null) {
            live = LiveFeed.start(watch != null ? List.of(watch) : List.of("-i", watchInterface), err);
        }
        WebServer web;
        try {
            web = WebServer.start(bind, port, limits, temp, live, err);
        } catch (IOException e) {
            if (live != null) {
                live.close();
            }
            throw new ErrorReporter.UserError(e.getMessage() + (port != 0 ? " (choose another with --port, or"
                    + " --port 0 for any free one)" : ""));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                web.close();
            } catch (IOException e) {
                System.err.println("ikescope: serve: could not delete " + web.directory() + ": " + e.getMessage());
            }
        }, "serve-stop"));
        err.println("ikescope: serving " + web.url() + (live != null ? " (live page: " + web.url() + "live)" : "")
                + "; uploads are kept in " + web.directory() + " and deleted when the server stops (Ctrl-C)");
        err.flush();
        if (open) {
            openBrowser(web.url(), err);
        }
        new CountDownLatch(1).await(); // until the process is stopped; the hook then closes the server
        return ExitCodes.OK;
    }

    private ServeLimits limits() {
        try {
            return new ServeLimits(ByteSize.parse(maxUpload), ByteSize.parse(maxSession), maxFiles, maxSessions,
                    Duration.ofMinutes(sessionIdleMinutes));
        } catch (IllegalArgumentException e) {
            throw new ErrorReporter.UserError("serve: " + e.getMessage());
        }
    }

    private InetAddress bindAddress() {
        try {
            return InetAddress.getByName(address.replaceAll("^\\[|\\]$", ""));
        } catch (UnknownHostException e) {
            throw new ErrorReporter.UserError("--address " + address + ": not an address of this host");
        }
    }

    private static void openBrowser(String url, PrintWriter err) {
        String opener = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac")
                ? "open" : "xdg-open";
        try {
            new ProcessBuilder(opener, url).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            err.println("ikescope: could not start " + opener + " (" + e.getMessage() + "); open " + url + " by hand");
            err.flush();
        }
    }
}
