package io.ikescope.cli;

import io.ikescope.capture.CaptureReader;
import io.ikescope.cli.html.HtmlDiagnoseWriter;
import io.ikescope.config.ConfigException;
import io.ikescope.config.PeerConfig;
import io.ikescope.config.formats.ConfigFormats;
import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.correlation.Correlator;
import io.ikescope.crosscheck.CrossChecker;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.capture.Captures;
import io.ikescope.net.PacketSink;
import io.ikescope.net.DecoderCounters;
import io.ikescope.net.ScanAhead;
import io.ikescope.net.SeriesScan;
import io.ikescope.report.ConfigurationView;
import io.ikescope.report.DiagnoseJsonWriter;
import io.ikescope.report.DiagnoseTextWriter;
import io.ikescope.report.DiagnoseWriter;
import io.ikescope.report.InputSummary;
import io.ikescope.session.IdSequence;
import io.ikescope.crypto.Decryptor;
import io.ikescope.crypto.KeyRing;
import io.ikescope.session.MessageSource;
import io.ikescope.session.Negotiation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongPredicate;
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
            "Captures: pcap or pcapng, optionally gzip-compressed; '-' reads standard input; a directory, every"
                + " capture in it. Files whose names differ only in digits (tcpdump -C / -G rotation) are read in"
                + " the order of their first packets as one capture, frames numbered across them, while each"
                + " begins where the one before ended; files are read on all cores.",
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

    @Parameters(paramLabel = "CAPTURE", arity = "1..*", description = "capture files or directories of them, or - for standard input")
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
    /** More than one file: negotiations wait for the others, to be matched across capture points. */
    private boolean holding;
    /** Null without --config: then nothing of the report changes. */
    private CrossChecker crossChecker;
    /** Null without --annotate. */
    private AnnotatedCaptureWriter annotated;
    /** Where released negotiations go to be diagnosed and written, while the output is open. */
    private DiagnosisAhead diagnosing;

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
        // the configurations first: an unreadable one is a one-line error before any output
        crossChecker = configs.isEmpty() ? null : new CrossChecker(readConfigurations());
        // every capture is opened before any output, so that a missing or unreadable file stops the run first
        CapturePlan plan = CapturePlan.of(captures, parent.streams().in(), spec.commandLine().getErr());
        List<CapturePlan.CaptureFile> files = plan.files();
        holding = files.size() > 1;
        annotated = annotate == null ? null
                : new AnnotatedCaptureWriter(annotate, files.stream().map(CapturePlan.CaptureFile::name).toList());
        List<ScanAhead.Opener> openers = files.stream().filter(CapturePlan.CaptureFile::regular)
                .map(f -> (ScanAhead.Opener) () -> Captures.open(Path.of(f.name()))).toList();
        List<InputSummary> summaries = new ArrayList<>();
        try (ScanAhead window = new ScanAhead(openers, common.decoderOptions(), ScanAhead.defaultAhead())) {
            MessageSource source = messageSource();
            IdSequence ids = new IdSequence();
            try (Output out = common.openOutput(parent.streams());
                 DiagnoseWriter writer = writers.open(out);
                 DiagnosisAhead ahead = new DiagnosisAhead(DiagnosisAhead.defaultThreads(),
                         (negotiation, correlation, diagnosis) -> write(writer, negotiation, correlation, diagnosis))) {
                diagnosing = ahead;
                for (CapturePlan.Run run : plan.runs()) {
                    read(run, window, source, ids, summaries);
                }
                for (Correlator.Correlated c : Correlator.correlate(held)) {
                    ahead.add(c.negotiation(), c.correlation());
                }
                ahead.flush();
                if (crossChecker != null) {
                    // the configuration warnings (connections no negotiation matched) are known only now
                    int last = summaries.size() - 1;
                    summaries.set(last, summaries.get(last).withWarnings(crossChecker.unmatchedWarnings()));
                }
                for (InputSummary summary : summaries) {
                    writer.input(summary);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        } finally {
            for (CapturePlan.CaptureFile f : files) {
                if (!f.regular()) {
                    f.stream().close();
                }
            }
        }
        if (annotated != null) {
            annotated.write(summaries, common.keyRing(), common.decoderOptions(), spec.commandLine().getErr());
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
     * Reconstructs and reports the negotiations of one run of files: one series while each file begins no earlier
     * than the one before it ended, a new capture from a file that does not (see {@link CapturePlan#continues}).
     */
    private void read(CapturePlan.Run run, ScanAhead window, MessageSource source, IdSequence ids,
                      List<InputSummary> summaries) throws IOException {
        List<CapturePlan.CaptureFile> files = run.files();
        CaptureSeries series = null;
        SeriesScan scan = null;
        for (int i = 0; i < files.size(); i++) {
            CapturePlan.CaptureFile file = files.get(i);
            if (series != null && !CapturePlan.continues(series.lastNanos(), file.firstNanos())) {
                summaries.addAll(series.finish());
                series = null;
            }
            if (series == null) {
                series = new CaptureSeries(file.name(), ids, common.loadedKeys(), source,
                        (negotiation, warnings) -> holdOrWrite(negotiation, warnings));
                scan = new SeriesScan(window);
            }
            CapturePlan.CaptureFile next = i + 1 < files.size() ? files.get(i + 1) : null;
            LongPredicate nextContinues = last -> next != null && CapturePlan.continues(last, next.firstNanos());
            SeriesScan fileScan = scan;
            series.read(file, sink -> file.regular()
                    ? fileScan.read(sink, nextContinues, reader -> progress(file.name(), reader))
                    : readStream(file, sink));
        }
        summaries.addAll(series.finish());
    }

    /** Standard input or a pipe: read on this thread, each message handled as it arrives. */
    private SeriesScan.FileResult readStream(CapturePlan.CaptureFile file, PacketSink sink) throws IOException {
        CaptureReader reader = file.stream();
        try (CaptureProgress progress = progress(file.name(), reader)) {
            DecoderCounters c = CaptureInputs.scan(file.name(), reader, common.decoderOptions(), sink);
            return new SeriesScan.FileResult(reader.format(), c.frames(), c.ikeMessages(), c.lastFrameNanos());
        }
    }

    private CaptureProgress progress(String capture, CaptureReader reader) {
        return progressLines ? CaptureProgress.lines(capture, reader, System.err)
                : CaptureProgress.start(noProgress, parent.streams().terminal(), capture, reader, System.err);
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
    private void holdOrWrite(Negotiation negotiation, List<String> warnings) {
        if (holding && !holdingStopped) {
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
        diagnosing.add(negotiation, null);
    }

    /** A negotiation's diagnosis is ready (in the order they were released): the rest happens here, in order. */
    private void write(DiagnoseWriter writer, Negotiation negotiation, CaptureCorrelation correlation,
                       Diagnosis diagnosis) {
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
