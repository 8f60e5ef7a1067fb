package io.ikescope.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of the runnable jar: picocli with the contract's exit codes and no stack traces unless --debug. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit status (0 ok, 1 a negotiation failed, 2 usage error or unreadable input). */
    public static int run(String... args) {
        return commandLine(StandardStreams.system()).execute(args);
    }

    /**
     * Runs the CLI on the given streams instead of the process's: '-' reads {@code in}; reports, help and version
     * go to {@code out}; messages to {@code err} (UTF-8). Returns the exit status, as {@link #run(String...)}.
     */
    public static int run(InputStream in, OutputStream out, OutputStream err, String... args) {
        CommandLine cli = commandLine(new StandardStreams(in, out, false));
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

    static CommandLine commandLine(StandardStreams streams) {
        CommandLine cli = new CommandLine(new IkescopeCommand(streams));
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler(ErrorReporter::usageError);
        cli.setExitCodeExceptionMapper(ex -> ExitCodes.USAGE_OR_INPUT);
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE_OR_INPUT);
        return cli;
    }
}
