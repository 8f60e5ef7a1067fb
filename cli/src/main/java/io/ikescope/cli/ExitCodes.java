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
}
