package io.ikescope.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The report options of the commands that write text or JSON only (check, probe, psk-check). */
final class TextOrJsonOptions {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = CommonOptions.FormatConverter.class, description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path output;

    @Option(names = "--debug", description = "print stack traces of internal errors")
    boolean debug;

    /** The format asked for; html, which only diagnose writes, is a usage error naming {@code command}. */
    OutputFormat format(String command) {
        if (format == OutputFormat.HTML) {
            throw new ErrorReporter.UserError("--format html is for diagnose only: " + command
                    + " writes text or json");
        }
        return format;
    }

    /** Standard output, or the file of -o. */
    Output open(StandardStreams streams) throws IOException {
        return output == null ? Output.standardOutput(streams) : Output.file(output);
    }
}
