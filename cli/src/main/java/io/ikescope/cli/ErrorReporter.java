package io.ikescope.cli;

import io.ikescope.capture.CaptureException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns failures into the contract's one-line messages; the stack trace only with --debug. */
final class ErrorReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (isBrokenPipe(cause)) {
            // the reader of our output went away (`ikescope dissect x.pcap | head`): nothing to report, no result
            return ExitCodes.OUTPUT_CLOSED;
        }
        err.println("ikescope: " + describe(cause));
        if (debug(parsed)) {
            cause.printStackTrace(err);
        } else if (!(cause instanceof IOException) && !(cause instanceof UserError)) {
            err.println("ikescope: this is a bug; run again with --debug for the stack trace and report it");
        }
        err.flush();
        return ExitCodes.USAGE_OR_INPUT;
    }

    /** One line, as the contract asks of every exit-2 message: the problem, then where help is. */
    static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String problem = String.valueOf(ex.getMessage()).replaceAll("\\s*\\R\\s*", " ");
        err.println("ikescope: " + problem + " (try '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCodes.USAGE_OR_INPUT;
    }

    private static boolean isBrokenPipe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException && c.getMessage() != null && c.getMessage().contains("Broken pipe")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable t) {
        if (t instanceof CaptureException || t instanceof UserError) {
            return t.getMessage();
        }
        if (t instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        if (t instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (t instanceof FileNotFoundException || t instanceof IOException) {
            return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        }
        return "internal error: " + t;
    }

    private static boolean debug(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** A problem the user can fix (bad option value, unusable file), reported as its message alone. */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message) {
            super(message);
        }
    }
}
