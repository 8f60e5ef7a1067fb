package io.ikescope.cli;

import io.ikescope.crypto.KeyRing;
import io.ikescope.crypto.keys.KeySources;
import io.ikescope.crypto.keys.LoadedKeys;
import io.ikescope.net.DecoderOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every command shares (shared/contracts/cli-and-json.md). */
final class CommonOptions {

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = FormatConverter.class,
            description = "text or json, for diagnose and audit also html (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path output;

    @Option(names = "--port", paramLabel = "PORT", split = ",",
            description = "also decode UDP port PORT as IKE (besides 500 and 4500); repeatable")
    List<Integer> ports = new ArrayList<>();

    @Option(names = {"-k", "--keys"}, paramLabel = "PATH",
            description = {"key material, repeatable: a Wireshark ikev1/ikev2_decryption_table (also what"
                + " strongSwan's save-keys plugin writes), a tcpdump IKEv2 secrets file, a strongSwan charon log"
                + " written with ike log level 4, or a directory holding such files; recognised by content"})
    List<Path> keys = new ArrayList<>();

    @Option(names = "--debug", description = "print stack traces of internal errors")
    boolean debug;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private LoadedKeys loadedKeys;

    OutputFormat format() {
        return format;
    }

    /** The paths given with --keys, in order. */
    List<Path> keyPaths() {
        return List.copyOf(keys);
    }

    /**
     * The key material of every --keys PATH (empty without any), read once; its warnings (key sets whose IKE
     * SA the log does not name, logs without key dumps) go to standard error.
     */
    KeyRing keyRing() throws IOException {
        return loadedKeys().keyRing();
    }

    /** What {@link #keyRing()} read, with what each key file held. */
    LoadedKeys loadedKeys() throws IOException {
        if (loadedKeys == null) {
            loadedKeys = keys.isEmpty() ? new LoadedKeys(KeyRing.empty(), List.of()) : KeySources.read(keys);
            PrintWriter err = mixee.commandLine().getErr();
            for (String warning : loadedKeys.warnings()) {
                err.println("ikescope: warning: " + warning);
            }
            err.flush();
        }
        return loadedKeys;
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

    /** Stops a command that writes no HTML report when --format html was given: exit 2 and one line. */
    void refuseHtml(String command) {
        if (format == OutputFormat.HTML) {
            throw new ErrorReporter.UserError("--format html is for diagnose only: " + command + " writes text or json");
        }
    }

    /** The -o path as given, or null. */
    Path outputPath() {
        return output;
    }

    Output openOutput(StandardStreams streams) throws IOException {
        return output == null ? Output.standardOutput(streams) : Output.file(output);
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
            throw new CommandLine.TypeConversionException("'" + value + "' is not a format: use text or json"
                    + " (diagnose also html)");
        }
    }
}
