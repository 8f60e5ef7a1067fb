package io.ikescope.cli;

import io.ikescope.audit.Auditor;
import io.ikescope.cli.html.HtmlDiagnoseWriter;
import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.report.AuditJsonWriter;
import io.ikescope.report.AuditTextWriter;
import io.ikescope.report.AuditWriter;
import io.ikescope.report.ConfigurationView;
import io.ikescope.report.DiagnoseWriter;
import io.ikescope.report.InputSummary;
import io.ikescope.session.Negotiation;
import java.io.IOException;
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
 * {@code ikescope audit}: rates every offered and chosen transform of each negotiation against RFC 8247, RFC 8221,
 * RFC 9395 and NIST SP 800-77r1. It runs diagnose's capture loop ({@link DiagnoseCommand#run}) with its own
 * writers. Exit status 1 when a negotiation agreed on a MUST NOT transform, 0 otherwise, 2 for unusable input.
 */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Rate the offered and chosen algorithms of every IKE negotiation in the captures against"
                + " RFC 8247 (IKEv2), RFC 8221 (ESP/AH), RFC 9395 (IKEv1 deprecated) and NIST SP 800-77r1"
                + " (lifetimes), naming the source of each rating.",
            "Also: weak offers a peer could negotiate, Aggressive Mode with a pre-shared key, child SAs without PFS,"
                + " long lifetimes, whether a post-quantum key exchange was used.",
            "--format html writes diagnose's HTML report, whose Audit section per negotiation shows the same ratings.",
            "Exit status: 0 no MUST NOT transform was negotiated, 1 one was, 2 bad input."})
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @ParentCommand
    IkescopeCommand parent;

    @Option(names = "--no-progress",
            description = "no progress bar (one is shown on a terminal for capture files over 100 MB)")
    boolean noProgress;

    @Parameters(paramLabel = "CAPTURE", arity = "1..*", description = "capture files, or - for standard input")
    List<String> captures;

    @Override
    public Integer call() throws IOException {
        DiagnoseCommand diagnose = new DiagnoseCommand();
        diagnose.spec = spec;
        diagnose.common = common;
        diagnose.parent = parent;
        diagnose.noProgress = noProgress;
        diagnose.captures = captures;
        diagnose.configs = new ArrayList<>();
        boolean[] mustNot = new boolean[1];
        diagnose.run(out -> switch (common.format()) {
            case JSON -> remember(new AuditJsonWriter(out.stream()), mustNot);
            case TEXT -> remember(new AuditTextWriter(out.stream()), mustNot);
            case HTML -> new Tally(new HtmlDiagnoseWriter(out.stream(), new VersionProvider().getVersion()[0]),
                    mustNot);
        });
        return mustNot[0] ? ExitCodes.NEGOTIATION_FAILED : ExitCodes.OK;
    }

    /** Sets {@code mustNot[0]} when the audit writer closes having seen a MUST NOT negotiated. */
    private static DiagnoseWriter remember(AuditWriter writer, boolean[] mustNot) {
        return new DiagnoseWriter() {
            @Override
            public void negotiation(Negotiation n, Diagnosis d) throws IOException {
                writer.negotiation(n, d);
            }

            @Override
            public void input(InputSummary input) throws IOException {
                writer.input(input);
            }

            @Override
            public void close() throws IOException {
                writer.close();
                mustNot[0] = writer.anyMustNotNegotiated();
            }
        };
    }

    /** The HTML report as diagnose writes it, tallying whether a MUST NOT was negotiated for the exit status. */
    private static final class Tally implements DiagnoseWriter {
        private final DiagnoseWriter html;
        private final boolean[] mustNot;

        Tally(DiagnoseWriter html, boolean[] mustNot) {
            this.html = html;
            this.mustNot = mustNot;
        }

        @Override
        public void negotiation(Negotiation n, Diagnosis d) throws IOException {
            negotiation(n, d, null, null);
        }

        @Override
        public void negotiation(Negotiation n, Diagnosis d, CaptureCorrelation correlation) throws IOException {
            negotiation(n, d, correlation, null);
        }

        @Override
        public void negotiation(Negotiation n, Diagnosis d, CaptureCorrelation correlation,
                                ConfigurationView configuration) throws IOException {
            mustNot[0] |= Auditor.audit(n).mustNotNegotiated();
            html.negotiation(n, d, correlation, configuration);
        }

        @Override
        public void input(InputSummary input) throws IOException {
            html.input(input);
        }

        @Override
        public void close() throws IOException {
            html.close();
        }
    }
}
