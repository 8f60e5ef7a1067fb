package io.ikescope.cli;

import io.ikescope.config.formats.ConfigFormats;
import io.ikescope.check.CheckReport;
import io.ikescope.check.CheckSimulator;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigReaders;
import io.ikescope.config.PeerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ikescope check A B}: reads two peers' configurations and simulates their negotiation both ways. Exit
 * status 0 when every simulated negotiation establishes and lasts (a PFS mismatch that fails the first rekey does
 * not), 1 otherwise, 2 when a configuration cannot be read.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Simulate the IKE negotiation between two peers' configurations, both ways, before deployment.",
            "A and B: a configuration file (swanctl.conf, ipsec.conf with its ipsec.secrets beside it, a vendor"
                + " configuration) or a directory holding one (/etc/swanctl).",
            "Exit status: 0 every simulated negotiation establishes and survives its rekeys, 1 at least one does"
                + " not, 2 bad input."})
final class CheckCommand implements Callable<Integer> {

    /** Reads one side's configuration; the tests put model objects in here. */
    interface ConfigLoader {
        PeerConfig read(Path path, Path secrets) throws ConfigException;
    }

    @ParentCommand
    IkescopeCommand parent;

    @Parameters(index = "0", paramLabel = "A", description = "the first peer's configuration (file or directory)")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "the second peer's configuration (file or directory)")
    Path b;

    @Option(names = "--connection", paramLabel = "NAME",
            description = "simulate only the connection NAME (of A, of B, or both)")
    String connection;

    @Option(names = "--secrets-a", paramLabel = "FILE",
            description = "A's secrets file (ipsec.secrets) when it is not beside A's configuration")
    Path secretsA;

    @Option(names = "--secrets-b", paramLabel = "FILE", description = "the same for B")
    Path secretsB;

    @Mixin
    TextOrJsonOptions reportOptions;

    ConfigLoader loader = ConfigFormats.standard()::read;

    @Override
    public Integer call() throws IOException {
        OutputFormat format = reportOptions.format("check");
        PeerConfig peerA = read(a, secretsA);
        PeerConfig peerB = read(b, secretsB);
        CheckReport report;
        try {
            report = CheckSimulator.check(peerA, peerB, connection);
        } catch (IllegalArgumentException e) {
            throw new ErrorReporter.UserError("--connection " + connection + ": " + e.getMessage());
        }
        try (Output out = reportOptions.open(parent.streams())) {
            write(report, format, out);
        }
        return report.established() ? ExitCodes.OK : ExitCodes.NEGOTIATION_FAILED;
    }

    /** The report in the format asked for; package-private so that tests can write reports of model objects. */
    static void write(CheckReport report, OutputFormat format, Output out) throws IOException {
        if (format == OutputFormat.JSON) {
            CheckJsonWriter.write(report, out.stream());
        } else {
            CheckTextWriter.write(report, out.writer());
            out.writer().flush();
        }
    }

    private PeerConfig read(Path path, Path secrets) {
        try {
            return loader.read(path, secrets);
        } catch (ConfigException e) {
            throw new ErrorReporter.UserError(e.getMessage());
        }
    }
}
