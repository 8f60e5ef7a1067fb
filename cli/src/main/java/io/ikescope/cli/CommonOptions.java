package io.ikescope.cli;

import io.ikescope.crypto.KeyRing;
import io.ikescope.net.DecoderOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options every command shares (shared/contracts/cli-and-json.md). */
final class CommonOptions {

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = FormatConverter.class,
            description = "text or json (default: ${DEFAULT-VALUE})")
    private OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
    private Path output;

    @Option(names = "--port", paramLabel = "PORT", split = ",",
            description = "also decode UDP port PORT as IKE (besides 500 and 4500); repeatable")
    private List<Integer> ports = new ArrayList<>();

    @Option(names = "--debug", description = "print stack traces of internal errors")
    private boolean debug;

    // TEMPORARY (decrypt branch): replaced at merge by the key-source option of the keys branch
    @Option(names = {"-k", "--keys"}, paramLabel = "PATH",
            description = "key material: a Wireshark ikev1/ikev2_decryption_table file or a folder holding them; repeatable")
    private List<Path> keys = new ArrayList<>();

    OutputFormat format() {
        return format;
    }

    DecoderOptions decoderOptions() {
        Set<Integer> extra = new TreeSet<>();
        for (int port : ports) {
            if (port < 1 || port > 65535) {
                throw new ErrorReporter.UserError("--port " + port + ": not a UDP port (1-65535)");
            }
            extra.add(port);
        }
        return DecoderOptions.defaults().withExtraIkeUdpPorts(extra);
    }

    /** Every --keys source read into one key ring (empty without --keys). */
    KeyRing keyRing() throws IOException {
        return keys.isEmpty() ? KeyRing.empty() : TemporaryKeyTables.read(keys);
    }

    Output openOutput(CommandSpec spec) throws IOException {
        return output == null ? Output.standardOutput() : Output.file(output);
    }

    /** Accepts the format names case-insensitively and says which ones exist otherwise. */
    static final class FormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat f : OutputFormat.values()) {
                if (f.name().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a format: use text or json");
        }
    }
}
