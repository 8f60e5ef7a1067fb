package io.ikescope.cli;

import io.ikescope.cli.probe.ProbeJsonWriter;
import io.ikescope.cli.probe.ProbeTextWriter;
import io.ikescope.config.ConfigException;
import io.ikescope.config.PeerConfig;
import io.ikescope.config.formats.ConfigFormats;
import io.ikescope.probe.Probe;
import io.ikescope.probe.against.AgainstConfig;
import io.ikescope.probe.against.AgainstReport;
import io.ikescope.probe.ProbeReport;
import io.ikescope.probe.ProbeRequest;
import io.ikescope.probe.ProbeSettings;
import io.ikescope.probe.ikev1.Ikev1Options;
import io.ikescope.probe.net.DatagramLog;
import io.ikescope.probe.net.ProbeClock;
import io.ikescope.probe.net.ProbePcapWriter;
import io.ikescope.probe.net.ProbeTarget;
import java.io.IOException;
import java.net.BindException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ikescope probe HOST[:PORT]}: asks one IKE responder which proposals it accepts. Exit status 0 when the
 * target answered, 1 when nothing answered, 2 on bad usage.
 */
@Command(name = "probe",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Ask an IKE gateway which proposals, groups and modes it accepts (IKEv2 and IKEv1).",
            "Sends only first messages (IKE_SA_INIT, Main Mode MM1, Aggressive Mode AM1 when asked), never"
                + " authenticates, sends to HOST only, at most --rate packets per second, and stops at --max-time.",
            "Probe only gateways you are allowed to test.",
            "Exit status: 0 the target answered (and, with --against, every weighed connection would negotiate),"
                + " 1 nothing answered (or a weighed connection would not negotiate), 2 bad input."})
final class ProbeCommand implements Callable<Integer> {
    private static final double NANOS = 1e9;

    @ParentCommand
    IkescopeCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "HOST[:PORT]",
            description = "the gateway: an address or name, with the port when not 500 (4500 with --nat-t);"
                + " IPv6 as [ADDRESS]:PORT")
    String host;

    @Option(names = "--targets", paramLabel = "FILE",
            description = {"probe each HOST[:PORT] of FILE (one per line, # comments) in turn, instead of HOST;"
                + " JSON is then one document per target and line"})
    Path targetList;

    @Option(names = "--ikev2", description = "probe IKEv2 only")
    boolean onlyIkev2;

    @Option(names = "--ikev1", description = "probe IKEv1 only")
    boolean onlyIkev1;

    @Option(names = "--rate", paramLabel = "PPS", defaultValue = "4",
            description = "packets per second at most, every packet counted (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--max-time", paramLabel = "SECONDS", defaultValue = "300",
            description = "stop after this long whatever is left (default: ${DEFAULT-VALUE})")
    double maxTime;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "2",
            description = "how long each request waits for its answer (default: ${DEFAULT-VALUE})")
    double waitSeconds;

    @Option(names = "--tries", paramLabel = "N", defaultValue = "2",
            description = "sends of a request before it counts as unanswered (default: ${DEFAULT-VALUE})")
    int tries;

    @Option(names = "--max-combinations", paramLabel = "N", defaultValue = "256",
            description = "full proposals tested after the per-type pass (default: ${DEFAULT-VALUE})")
    int maxCombinations;

    @Option(names = "--source-port", paramLabel = "PORT", defaultValue = "0",
            description = {"the local UDP port (default: any free port). Some gateways answer only port 500,"
                + " which needs root or CAP_NET_BIND_SERVICE, and fails while a local IKE daemon holds it."})
    int sourcePort;

    @Option(names = "--aggressive",
            description = "also send one IKEv1 Aggressive Mode AM1 (with --id): does Aggressive Mode answer?")
    boolean aggressive;

    @Option(names = "--id", paramLabel = "ID",
            description = "the identity in the AM1: an IPv4/IPv6 address, user@fqdn or an FQDN (default: the local"
                + " address); a gateway may answer only an ID it knows")
    String id;

    @Option(names = "--fingerprint",
            description = "time the IKEv1 responder: its retransmissions of an answer never followed up, and how"
                + " long it keeps that exchange (takes --fingerprint-time)")
    boolean fingerprint;

    @Option(names = "--fingerprint-time", paramLabel = "SECONDS", defaultValue = "40",
            description = "how long the fingerprint listens (default: ${DEFAULT-VALUE})")
    double fingerprintTime;

    @Option(names = "--blocked-wait", paramLabel = "SECONDS", defaultValue = "35",
            description = "when an IKEv1 target stops answering after earlier answers (a limit of half-open SAs),"
                + " wait this long before going on (default: ${DEFAULT-VALUE}; strongSwan drops them after 30 s)")
    double blockedWait;

    @Option(names = "--nat-t", description = "speak NAT-T framing (a non-ESP marker before IKE) to port 4500")
    boolean natT;

    @Option(names = "--pcap", paramLabel = "FILE",
            description = "write every datagram sent and received to FILE (pcap, raw IP; ikescope dissect reads it)")
    Path pcap;

    @Option(names = "--against", paramLabel = "CONFIG",
            description = {"weigh this local configuration (file or directory, any format `check` reads) against"
                + " the answers: would its connections to HOST negotiate Phase 1, and what to change"})
    Path against;

    @Option(names = "--connection", paramLabel = "NAME", description = "with --against: weigh only connection NAME")
    String connection;

    @Mixin
    TextOrJsonOptions reportOptions;

    /** The format asked for, read once the command line is parsed. */
    private OutputFormat format;

    /** The clock and randomness of a run; tests replace them. */
    ProbeClock clock = ProbeClock.SYSTEM;

    @Override
    public Integer call() throws IOException, InterruptedException {
        format = reportOptions.format("probe");
        List<ProbeRequest> requests = new ArrayList<>();
        for (String t : targets()) {
            requests.add(request(t));
        }
        PeerConfig local = against == null ? null : readConfig();
        boolean ok = true;
        try (ProbePcapWriter pcapWriter = pcap == null ? null : openPcap();
             Output out = reportOptions.open(parent.streams())) {
            for (int i = 0; i < requests.size(); i++) {
                if (i > 0 && format != OutputFormat.JSON) {
                    out.writer().println();
                }
                ok &= probeOne(requests.get(i), local, pcapWriter == null ? DatagramLog.NONE : pcapWriter, out);
            }
        }
        return ok ? ExitCodes.OK : ExitCodes.NEGOTIATION_FAILED;
    }

    private ProbePcapWriter openPcap() {
        try {
            return new ProbePcapWriter(pcap);
        } catch (IOException e) {
            throw new ErrorReporter.UserError(pcap + ": cannot write: " + e.getMessage());
        }
    }

    private boolean probeOne(ProbeRequest request, PeerConfig local, DatagramLog log, Output out)
            throws IOException, InterruptedException {
        ProbeReport report;
        try {
            report = Probe.run(request, clock, new SecureRandom(), log);
        } catch (BindException e) {
            throw new ErrorReporter.UserError("--source-port " + sourcePort + ": cannot bind: " + e.getMessage()
                    + (sourcePort > 0 && sourcePort < 1024 ? " (ports below 1024 need root or"
                    + " CAP_NET_BIND_SERVICE; a local IKE daemon may hold it)" : ""));
        } catch (SocketException e) {
            throw new ErrorReporter.UserError(request.target().text() + ": " + e.getMessage());
        }
        AgainstReport weighed = null;
        if (local != null) {
            try {
                weighed = AgainstConfig.weigh(local, report, connection);
            } catch (IllegalArgumentException e) {
                throw new ErrorReporter.UserError("--connection " + connection + ": " + e.getMessage());
            }
        }
        if (format == OutputFormat.JSON) {
            out.writer().flush();
            ProbeJsonWriter.write(report, weighed, out.stream());
            out.stream().flush();
        } else {
            ProbeTextWriter.write(report, weighed, out.writer());
            out.writer().flush();
        }
        return report.answered() && (weighed == null || weighed.negotiates());
    }

    /** HOST, or the lines of --targets; checked before anything is sent. */
    private List<String> targets() {
        if ((host == null) == (targetList == null)) {
            throw new ErrorReporter.UserError(host == null ? "a target is required: HOST[:PORT] or --targets FILE"
                    : "HOST and --targets together: give one of them");
        }
        if (host != null) {
            return List.of(host);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(targetList);
        } catch (IOException e) {
            throw new ErrorReporter.UserError(targetList + ": cannot read: " + e.getMessage());
        }
        List<String> targets = new ArrayList<>();
        for (String line : lines) {
            String t = line.replaceFirst("#.*", "").strip();
            if (!t.isEmpty()) {
                targets.add(t);
            }
        }
        if (targets.isEmpty()) {
            throw new ErrorReporter.UserError(targetList + ": no target in it");
        }
        return targets;
    }

    /** Read before anything is sent, so that a bad file costs the peer no packet. */
    private PeerConfig readConfig() {
        try {
            return ConfigFormats.standard().read(against, null);
        } catch (ConfigException e) {
            throw new ErrorReporter.UserError(e.getMessage());
        }
    }

    private ProbeRequest request(String target) {
        if (connection != null && against == null) {
            throw new ErrorReporter.UserError("--connection needs --against CONFIG");
        }
        if (onlyIkev1 && onlyIkev2) {
            throw new ErrorReporter.UserError("--ikev1 and --ikev2 together: leave both out to probe both versions");
        }
        positive("--rate", rate);
        positive("--max-time", maxTime);
        positive("--wait", waitSeconds);
        positive("--fingerprint-time", fingerprintTime);
        if (!(blockedWait >= 0) || Double.isInfinite(blockedWait)) {
            throw new ErrorReporter.UserError("--blocked-wait " + blockedWait + ": must not be negative");
        }
        if (onlyIkev2 && (aggressive || fingerprint || id != null)) {
            throw new ErrorReporter.UserError("--aggressive, --id and --fingerprint are IKEv1: leave out --ikev2");
        }
        if (id != null && !aggressive) {
            throw new ErrorReporter.UserError("--id is the Aggressive Mode identity: it needs --aggressive");
        }
        if (rate > 1000) {
            throw new ErrorReporter.UserError("--rate " + rate + ": at most 1000 packets per second");
        }
        if (tries < 1 || tries > 10) {
            throw new ErrorReporter.UserError("--tries " + tries + ": 1 to 10");
        }
        if (maxCombinations < 0) {
            throw new ErrorReporter.UserError("--max-combinations " + maxCombinations + ": must not be negative");
        }
        if (sourcePort < 0 || sourcePort > 65535) {
            throw new ErrorReporter.UserError("--source-port " + sourcePort + ": 0 to 65535");
        }
        ProbeTarget parsed;
        try {
            parsed = ProbeTarget.parse(target, natT);
        } catch (IllegalArgumentException e) {
            throw new ErrorReporter.UserError((targetList == null ? "" : targetList + ": ") + e.getMessage());
        } catch (UnknownHostException e) {
            throw new ErrorReporter.UserError(target + ": unknown host");
        }
        ProbeSettings settings = new ProbeSettings(tries, (long) (waitSeconds * NANOS), maxCombinations, 3);
        Ikev1Options v1 = new Ikev1Options(aggressive, id, fingerprint, (long) (fingerprintTime * NANOS),
                (long) (blockedWait * NANOS));
        return new ProbeRequest(parsed, !onlyIkev1, !onlyIkev2, rate, (long) (maxTime * NANOS), sourcePort,
                settings, v1);
    }

    private static void positive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ErrorReporter.UserError(option + " " + value + ": must be a positive number");
        }
    }
}
