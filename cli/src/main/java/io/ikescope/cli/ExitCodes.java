package io.ikescope.cli;

/** Exit statuses of the contract (shared/contracts/cli-and-json.md). */
public final class ExitCodes {
    private ExitCodes() {
    }

    /** The analysis ran and every negotiation was established (dissect, keys: success). */
    public static final int OK = 0;
    /** The analysis ran and at least one negotiation did not succeed. */
    public static final int NEGOTIATION_FAILED = 1;
    /** Usage error or unreadable input: one line on standard error, no stack trace. */
    public static final int USAGE_OR_INPUT = 2;
    /**
     * Not one of the contract's: the reader of our output went away before the end ({@code | head}), so the run
     * stopped without a result. 141 is what a shell shows for a process killed by SIGPIPE, as tshark or cat would
     * be; 0 would tell a script (with {@code set -o pipefail}) that every negotiation was established.
     */
    public static final int OUTPUT_CLOSED = 128 + 13;
}
