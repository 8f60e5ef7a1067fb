package io.ikescope.cli;

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
        CommandLine cli = new CommandLine(new IkescopeCommand());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler(ErrorReporter::usageError);
        cli.setExitCodeExceptionMapper(ex -> ExitCodes.USAGE_OR_INPUT);
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE_OR_INPUT);
        return cli.execute(args);
    }
}
