package io.ikescope.cli;

import io.ikescope.capture.CaptureReader;
import io.ikescope.cli.html.HtmlDiagnoseWriter;
import io.ikescope.config.ConfigException;
import io.ikescope.config.PeerConfig;
import io.ikescope.config.formats.ConfigFormats;
import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.correlation.Correlator;
import io.ikescope.crosscheck.CrossChecker;
import io.ikescope.diagnosis.Diagnoser;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.net.DecoderCounters;
import io.ikescope.report.ConfigurationView;
import io.ikescope.report.DiagnoseJsonWriter;
import io.ikescope.report.DiagnoseTextWriter;
import io.ikescope.report.DiagnoseWriter;
import io.ikescope.report.InputSummary;
import io.ikescope.session.IdSequence;
import io.ikescope.crypto.Decryptor;
import io.ikescope.crypto.KeyRing;
import io.ikescope.crypto.keys.KeyCoverage;
import io.ikescope.crypto.keys.LoadedKeys;
import io.ikescope.session.MessageSource;
import io.ikescope.session.Negotiation;
import io.ikescope.session.SessionTracker;
import io.ikescope.session.TrackerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ikescope diagnose}: reconstructs every IKE negotiation of the captures and names its outcome, cause and
 * fix. Exit status 0 when every negotiation was established, 1 when one was not, 2 for unusable input.
 */
@Command(name = "diagnose",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Reconstruct every IKE negotiation in the captures and tell why it failed.",
            "Captures: pcap or pcapng, optionally gzip-compressed; '-' reads standard input.",
            "--format html writes one self-contained page (no script, nothing fetched) to open in a browser or mail.",
            "--config FILE (repeatable, one per peer: swanctl.conf, ipsec.conf with its ipsec.secrets beside it, a"
                + " vendor configuration, or a directory) compares each negotiation with the peers' configurations:"
                + " the verdict names the setting and line, PROPOSAL_MISMATCH is refined to DH_GROUP_MISMATCH or"
                + " PFS_MISMATCH when they show it, a file that disagrees with the capture is reported"
                + " (CONFIG_DISAGREES); JSON adds a \"configuration\" object per negotiation (null without --config).",
            "Exit status: 0 every negotiation was established, 1 at least one was not, 2 bad input."})
final class DiagnoseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @ParentCommand
    IkescopeCommand parent;

    @Option(names = "--no-progress",
            description = "no progress bar (one is shown on a terminal for capture files over 100 MB)")
    boolean noProgress;

    /** For {@code serve}, which runs diagnose as a child process: progress as lines it can parse. */
    @Option(names = "--progress-lines", hidden = true)
    boolean progressLines;

    @Option(names = "--config", paramLabel = "PATH",
            description = "one peer's configuration (file or directory); repeat it for the other peer")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--annotate", paramLabel = "OUT.pcapng",
            description = "also write the captures as one pcapng file with the diagnosis as comments (a packet"
                + " comment on every IKE frame, the verdicts on the section header) for Wireshark; with -k the key"
                + " tables go to OUT.pcapng.keys/wireshark/")
    Path annotate;

    @Parameters(paramLabel = "CAPTURE", arity = "1..*", description = "capture files, or - for standard input")
    List<String> captures;

    /**
     * Negotiations held until every capture is read, so that the same IKE SA in several captures is reported once
     * (see {@link Correlator}); bounded: past these limits the rest are reported per capture, with a warning.
     */
    static final int MAX_HELD_NEGOTIATIONS = 4096;
    static final long MAX_HELD_MESSAGES = 262_144;

    private boolean anyFailed;
    private final List<Negotiation> held = new ArrayList<>();
    private long heldMessages;
    private boolean holdingStopped;
    /** Null without --config: then nothing of the report changes. */
    private CrossChecker crossChecker;
    /** Null without --annotate. */
    private AnnotatedCaptureWriter annotated;

    @Override
    public Integer call() throws IOException {
        return run(out -> switch (common.format()) {
            case JSON -> new DiagnoseJsonWriter(out.stream());
            case HTML -> new HtmlDiagnoseWriter(out.stream(), new VersionProvider().getVersion()[0]);
            case TEXT -> new DiagnoseTextWriter(out.stream());
        });
    }

    /** What writes the report: the diagnose writers, or {@code audit}'s. */
    interface WriterFactory {
        DiagnoseWriter open(Output out) throws IOException;
    }

    /**
     * Reads every capture and hands each negotiation, diagnosed, to the writer {@code writers} opens on the output
     * (also {@code audit}'s entry: one capture loop for both). Returns diagnose's exit status.
     */
    int run(WriterFactory writers) throws IOException {
        // Open every capture first, so that a missing or unreadable file stops the run before any output.
        // the configurations too: an unreadable one is a one-line error before any output
        crossChecker = configs.isEmpty() ? null : new CrossChecker(readConfigurations());
        annotated = annotate == null ? null : new AnnotatedCaptureWriter(annotate, captures);
        List<CaptureReader> readers = new ArrayList<>();
        try {
            for (String capture : captures) {
                readers.add(CaptureInputs.open(capture, parent.streams().in()));
            }
            MessageSource source = messageSource();
            IdSequence ids = new IdSequence();
            try (Output out = common.openOutput(parent.streams());
                 DiagnoseWriter writer = writers.open(out)) {
                // with --config, the last capture's summary waits for the held negotiations (see withUnmatched)
                InputSummary last = null;
                for (int i = 0; i < captures.size(); i++) {
                    if (last != null) {
                        writer.input(last);
                    }
                    last = diagnose(captures.get(i), readers.get(i), source, ids, writer);
                    if (crossChecker == null) {
                        writer.input(last);
                        last = null;
                    }
                }
                for (Correlator.Correlated c : Correlator.correlate(held)) {
                    write(writer, c.negotiation(), c.correlation());
                }
                if (last != null) {
                    writer.input(withUnmatched(last));
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        } finally {
            for (CaptureReader r : readers) {
                r.close();
            }
        }
        if (annotated != null) {
            annotated.write(captures, common.keyRing(), common.decoderOptions(), spec.commandLine().getErr());
        }
        return anyFailed ? ExitCodes.NEGOTIATION_FAILED : ExitCodes.OK;
    }

    /**
     * Where each IKE datagram becomes a message to reconstruct from. Decryption plugs in here: a source that runs
     * the key-material decryptor over each decoded message and reports its status (see {@link MessageSource}).
     */
    private MessageSource messageSource() throws IOException {
        KeyRing keys = common.loadedKeys().keyRing();
        // one decryptor for the whole run: an SA may continue from one capture file into the next
        return keys.isEmpty() ? MessageSource.withoutKeys() : MessageSource.decrypting(new Decryptor(keys));
    }

    /**
     * Reconstructs and reports the negotiations of one capture. A capture file is read and decoded on a second
     * thread while this one reconstructs from what was found so far (see {@link CaptureInputs#scan}).
     */
    private InputSummary diagnose(String capture, CaptureReader reader, MessageSource source, IdSequence ids,
                                  DiagnoseWriter writer) throws IOException {
        List<String> warnings = new ArrayList<>();
        SessionTracker tracker = new SessionTracker(capture, TrackerOptions.defaults(), ids,
                negotiation -> holdOrWrite(writer, negotiation, warnings));
        LoadedKeys keys = common.loadedKeys();
        KeyCoverage coverage = new KeyCoverage(keys);
        MessageSource observed = datagram -> {
            coverage.observe(datagram.ike());
            return source.observe(datagram);
        };
        DecoderCounters counters;
        try (CaptureProgress progress = progressLines ? CaptureProgress.lines(capture, reader, System.err)
                : CaptureProgress.start(noProgress, parent.streams().terminal(), capture, reader, System.err)) {
            counters = CaptureInputs.scan(capture, reader, common.decoderOptions(),
                    tracker.packetSink(observed, warnings::add));
        }
        tracker.finish();
        warnings.addAll(tracker.warnings());
        // the key files' warnings belong to every capture they were meant to decrypt, with what this one lacked
        warnings.addAll(keys.warnings());
        warnings.addAll(coverage.warnings());
        return new InputSummary(capture, reader.format(), counters.frames(), counters.ikeMessages(), warnings);
    }

    /**
     * The last capture's summary carries the run's configuration warnings (connections no negotiation matched): only
     * when every capture has been read, and the held negotiations written, is it known which ones did.
     */
    private InputSummary withUnmatched(InputSummary last) {
        List<String> warnings = new ArrayList<>(last.warnings());
        warnings.addAll(crossChecker.unmatchedWarnings());
        return new InputSummary(last.path(), last.format(), last.packets(), last.ikeMessages(), warnings);
    }

    private Map<String, PeerConfig> readConfigurations() {
        Map<String, PeerConfig> out = new LinkedHashMap<>();
        for (Path path : configs) {
            try {
                out.put(path.toString(), ConfigFormats.standard().read(path, null));
            } catch (ConfigException e) {
                throw new ErrorReporter.UserError(e.getMessage());
            }
        }
        return out;
    }

    /** With several captures, a negotiation waits for the others (within the limits); alone, it is written now. */
    private void holdOrWrite(DiagnoseWriter writer, Negotiation negotiation, List<String> warnings) {
        if (captures.size() > 1 && !holdingStopped) {
            if (held.size() < MAX_HELD_NEGOTIATIONS
                    && heldMessages + negotiation.messages().size() <= MAX_HELD_MESSAGES) {
                held.add(negotiation);
                heldMessages += negotiation.messages().size();
                return;
            }
            holdingStopped = true;
            warnings.add("more than " + held.size() + " negotiations (" + heldMessages + " messages) to match across"
                    + " the captures: from negotiation " + negotiation.id() + " on, each is reported from its own"
                    + " capture, not matched with the same IKE SA in the others");
        }
        write(writer, negotiation, null);
    }

    private void write(DiagnoseWriter writer, Negotiation negotiation, CaptureCorrelation correlation) {
        Diagnosis diagnosis = Diagnoser.diagnose(negotiation, correlation == null ? null : correlation.evidence());
        ConfigurationView configuration = null;
        if (crossChecker != null) {
            CrossChecker.Result r = crossChecker.check(negotiation, diagnosis);
            diagnosis = r.diagnosis();
            configuration = r.configuration();
        }
        if (!diagnosis.established()) {
            anyFailed = true;
        }
        if (annotated != null) {
            annotated.annotations().add(negotiation, diagnosis, correlation);
        }
        try {
            if (configuration == null) {
                writer.negotiation(negotiation, diagnosis, correlation);
            } else {
                writer.negotiation(negotiation, diagnosis, correlation, configuration);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
