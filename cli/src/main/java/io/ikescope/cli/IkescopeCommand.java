package io.ikescope.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/** The top-level command; work happens in the subcommands. */
@Command(name = "ikescope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tells why an IPsec VPN does or does not come up, from a packet capture or the peers' configurations.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success",
            "1:at least one negotiation did not succeed (diagnose, check); the target did not answer (probe);"
                + " a tested peer matched no candidate (psk-check)",
            "2:usage error or unreadable input"})
public final class IkescopeCommand implements Runnable {
    /**
     * The subcommands, in the order help lists them. {@link Main} registers their {@link CommandModels} (written from
     * these classes' annotations): only the one a run names, all of them when none is named.
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("diagnose", DiagnoseCommand::new);
        m.put("audit", AuditCommand::new);
        m.put("dissect", DissectCommand::new);
        m.put("keys", KeysCommand::new);
        m.put("check", CheckCommand::new);
        m.put("probe", ProbeCommand::new);
        m.put("psk-check", PskCheckCommand::new);
        m.put("watch", WatchCommand::new);
        m.put("serve", ServeCommand::new);
        return m;
    }

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
