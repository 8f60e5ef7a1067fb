package io.ikescope.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;

/** Entry point of the runnable jar: picocli with the contract's exit codes and no stack traces unless --debug. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Reports, messages and configuration keywords read the same on every machine: the JDK's formatter would
        // otherwise write "0,25" or Arabic-Indic digits, and toUpperCase/toLowerCase turn 'i' into a dotted capital
        // or dotless letter in a Turkish locale.
        Locale.setDefault(Locale.ROOT);
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit status (0 ok, 1 a negotiation failed, 2 usage error or unreadable input). */
    public static int run(String... args) {
        return commandLine(StandardStreams.system(), args).execute(args);
    }

    /**
     * Runs the CLI on the given streams instead of the process's: '-' reads {@code in}; reports, help and version
     * go to {@code out}; messages to {@code err} (UTF-8). Returns the exit status, as {@link #run(String...)}.
     */
    public static int run(InputStream in, OutputStream out, OutputStream err, String... args) {
        CommandLine cli = commandLine(new StandardStreams(in, out, false), args);
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        try {
            return cli.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** The command line with every subcommand (help, tests). */
    static CommandLine commandLine(StandardStreams streams) {
        return commandLine(streams, new String[0]);
    }

    /**
     * The command line for {@code args}, from {@link CommandModels} (no annotation read): when the first argument
     * names a subcommand, only that one is registered, none for {@code --version}; otherwise every one, for the
     * top-level help and errors.
     */
    static CommandLine commandLine(StandardStreams streams, String[] args) {
        IkescopeCommand top = new IkescopeCommand(streams);
        CommandLine cli = new CommandLine(CommandModels.ikescope(top));
        boolean named = args.length > 0 && IkescopeCommand.SUBCOMMANDS.containsKey(args[0]);
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        if (named) {
            cli.addSubcommand(new CommandLine(CommandModels.subcommand(args[0], top)));
        } else if (!versionOnly) {
            IkescopeCommand.SUBCOMMANDS.keySet()
                    .forEach(name -> cli.addSubcommand(new CommandLine(CommandModels.subcommand(name, top))));
        }
        // after the subcommands: a converter registered here reaches those added before
        cli.registerConverter(Path.class, new PathConverter());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler(ErrorReporter::usageError);
        cli.setExitCodeExceptionMapper(ex -> ExitCodes.USAGE_OR_INPUT);
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE_OR_INPUT);
        return cli;
    }
}
