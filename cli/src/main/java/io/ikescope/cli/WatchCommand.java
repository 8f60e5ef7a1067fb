package io.ikescope.cli;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.cli.watch.TcpdumpCapture;
import io.ikescope.cli.watch.WarmUp;
import io.ikescope.cli.watch.WatchMetrics;
import io.ikescope.crypto.Decryptor;
import io.ikescope.crypto.KeyRing;
import io.ikescope.net.BackgroundScan;
import io.ikescope.report.WatchEventWriter;
import io.ikescope.session.MessageSource;
import io.ikescope.watch.LiveDiagnosis;
import io.ikescope.watch.WatchEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ikescope watch}: live diagnosis of a pcap stream (standard input, a file, or tcpdump on an interface),
 * one event per verdict as soon as it is known (see {@link LiveDiagnosis}).
 */
@Command(name = "watch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Diagnose negotiations live: each verdict as soon as the messages settle on it, a stalled"
                + " negotiation after --stall-timeout, an update when a later message (rekey, delete) changes it.",
            "Input: '-' (a pcap stream, e.g. tcpdump -U -w - ... | ikescope watch -), a capture file (replayed on"
                + " its own timestamps), or -i INTERFACE (runs tcpdump with a filter for IKE, NAT-T, ESP, AH, ICMP"
                + " errors and IP fragments).",
            "--format json writes JSON Lines (schema ikescope.watch/1), one event per line.",
            "Exit status: 0 the input ended and every negotiation was established, 1 one was not, 2 bad input."})
final class WatchCommand implements Callable<Integer> {
    private static final long NANOS = 1_000_000_000L;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @ParentCommand
    IkescopeCommand parent;

    @Option(names = {"-i", "--interface"}, paramLabel = "INTERFACE",
            description = "capture live on INTERFACE with tcpdump (root or CAP_NET_RAW)")
    String networkInterface;

    @Parameters(paramLabel = "CAPTURE", arity = "0..1", description = "'-' for standard input, or a capture file")
    String capture;

    @Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "0.5",
            description = "quiet time after a message before its negotiation is diagnosed (default: ${DEFAULT-VALUE})")
    double settleSeconds;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "quiet time after which a negotiation without a stated outcome is reported as stalled"
                + " (default: ${DEFAULT-VALUE}; longer than the peers' retransmissions)")
    double stallSeconds;

    @Option(names = "--forget-after", paramLabel = "SECONDS", defaultValue = "600",
            description = "quiet time after which a negotiation is no longer tracked (default: ${DEFAULT-VALUE})")
    double forgetSeconds;

    @Option(names = "--metrics", paramLabel = "ADDRESS:PORT",
            description = "serve counters per peer pair and verdict in the Prometheus text format on"
                + " http://ADDRESS:PORT/metrics (e.g. 127.0.0.1:9464)")
    String metricsAddress;

    @Override
    public Integer call() throws IOException {
        common.refuseHtml("watch");
        if ((networkInterface == null) == (capture == null)) {
            throw new ErrorReporter.UserError("watch reads one input: give '-' (standard input), a capture file, or"
                    + " -i INTERFACE");
        }
        long settle = nanos("--settle", settleSeconds);
        long stall = nanos("--stall-timeout", stallSeconds);
        long forget = nanos("--forget-after", forgetSeconds);
        if (forget < stall) {
            throw new ErrorReporter.UserError("--forget-after must be at least --stall-timeout");
        }
        KeyRing keys = common.keyRing();
        MessageSource source = keys.isEmpty() ? MessageSource.withoutKeys() : MessageSource.decrypting(new Decryptor(keys));
        PrintWriter err = spec.commandLine().getErr();
        // before the first packet: the first verdict should not wait for the diagnosis code to load
        WarmUp.run(common.format() == OutputFormat.JSON);
        try (WatchMetrics metrics = metricsAddress == null ? null : startMetrics(err);
             TcpdumpCapture tcpdump = networkInterface == null ? null : startTcpdump();
             Output out = common.openOutput(parent.streams())) {
            WatchEventWriter writer = new WatchEventWriter(out.writer(), common.format() == OutputFormat.JSON);
            String name = tcpdump != null ? "tcpdump -i " + networkInterface : CaptureInputs.displayName(capture);
            LiveDiagnosis live = new LiveDiagnosis(name, LiveDiagnosis.options(forget), source, settle, stall, e -> {
                if (metrics != null) {
                    metrics.count(e);
                }
                try {
                    writer.write(e);
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
            err.println("ikescope: watching " + name + (common.format() == OutputFormat.JSON
                    ? " (JSON Lines, schema " + WatchEventWriter.SCHEMA + ")" : ""));
            err.flush();
            try (CaptureReader reader = tcpdump != null ? Captures.open(tcpdump.stream(), name)
                    : CaptureInputs.open(capture, parent.streams().in());
                 BackgroundScan scan = BackgroundScan.startLive(reader, common.decoderOptions())) {
                scan.drainTo(live.packetSink(w -> err.println("ikescope: warning: " + w)), () -> {
                    live.tick();
                    if (metrics != null) {
                        metrics.live(live.live());
                    }
                });
            } catch (UncheckedIOException x) {
                throw x.getCause();
            }
            live.finish();
            live.warnings().forEach(w -> err.println("ikescope: warning: " + w));
            err.flush();
            return live.allEstablished() ? ExitCodes.OK : ExitCodes.NEGOTIATION_FAILED;
        }
    }

    private WatchMetrics startMetrics(PrintWriter err) {
        try {
            return WatchMetrics.start(metricsAddress, err);
        } catch (IllegalArgumentException e) {
            throw new ErrorReporter.UserError(e.getMessage());
        } catch (IOException e) {
            throw new ErrorReporter.UserError("--metrics " + metricsAddress + ": cannot listen there: " + e.getMessage());
        }
    }

    private TcpdumpCapture startTcpdump() {
        try {
            return TcpdumpCapture.start(networkInterface, common.decoderOptions().extraIkeUdpPorts());
        } catch (IllegalArgumentException | IOException e) {
            throw new ErrorReporter.UserError("-i " + networkInterface + ": " + e.getMessage());
        }
    }

    private static long nanos(String option, double seconds) {
        if (!(seconds > 0) || seconds > 86_400) {
            throw new ErrorReporter.UserError(option + " " + seconds + ": give seconds between 0 and 86400");
        }
        return (long) (seconds * NANOS);
    }
}
