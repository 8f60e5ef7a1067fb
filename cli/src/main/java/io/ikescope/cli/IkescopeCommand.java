package io.ikescope.cli;

import picocli.CommandLine.Command;

/** The top-level command; work happens in the subcommands. */
@Command(name = "ikescope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tells why an IPsec VPN does or does not come up, from a packet capture or the peers' configurations.",
        subcommands = {DiagnoseCommand.class, AuditCommand.class, DissectCommand.class, KeysCommand.class,
            CheckCommand.class, ProbeCommand.class, PskCheckCommand.class, WatchCommand.class,
            ServeCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success",
            "1:at least one negotiation did not succeed (diagnose, check); the target did not answer (probe);"
                + " a tested peer matched no candidate (psk-check)",
            "2:usage error or unreadable input"})
public final class IkescopeCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final StandardStreams streams;

    IkescopeCommand(StandardStreams streams) {
        this.streams = streams;
    }

    /** The streams subcommands read '-' from and write reports to. */
    StandardStreams streams() {
        return streams;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required: diagnose, audit, dissect, keys, check, probe, psk-check, watch or serve");
    }
}
