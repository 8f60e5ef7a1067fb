package io.ikescope.cli;

import io.ikescope.crypto.keys.CaptureProposals;
import io.ikescope.crypto.keys.KeySetResolver;
import io.ikescope.crypto.keys.KeySources;
import io.ikescope.crypto.keys.LoadedKeys;
import io.ikescope.crypto.keys.WiresharkTables;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ikescope keys}: turns key material into Wireshark's two IKE decryption tables. Adding a way to tie
 * charon-log key sets to their SAs by trial decryption is one more {@link KeySetResolver} in {@link #resolver}.
 */
@Command(name = "keys",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Turn key material into Wireshark's ikev1_decryption_table and ikev2_decryption_table.",
            "",
            "Inputs (FILE and --keys PATH alike, recognised by content): Wireshark decryption tables (also what"
                + " strongSwan's save-keys plugin writes), tcpdump IKEv2 secrets files, strongSwan charon logs"
                + " written with ike log level 4 (charon.filelog.NAME.ike = 4; gzip-compressed is fine), and"
                + " directories holding such files (not searched recursively).",
            "",
            "Output: with -o DIR, the tables that have rows are written into DIR (created if missing) as"
                + " 'ikev1_decryption_table' and 'ikev2_decryption_table', ready for a Wireshark profile directory"
                + " (e.g. ~/.config/wireshark, or XDG_CONFIG_HOME=X tshark with X/wireshark as DIR); existing"
                + " files are only replaced with --force (give them as inputs too to merge their rows). Without"
                + " -o the tables go to standard output, each after a '# file: NAME' line.",
            "",
            "A charon log names no algorithms: they are taken from the IKE_SA_INIT of the captures given with"
                + " --capture, else from the key lengths when those fit only one IANA algorithm pair (AES-CBC-128"
                + " or -256 with HMAC-SHA2-256/384/512: the row's comment says so). A key set whose SPIs or"
                + " algorithms stay unknown, or whose cipher Wireshark cannot decrypt (ChaCha20-Poly1305), is"
                + " skipped with a warning naming it. Exit status 2 when no row at all could be written."})
final class KeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @ParentCommand
    IkescopeCommand parent;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "key material: files or directories")
    List<Path> files = new ArrayList<>();

    @Option(names = "--capture", paramLabel = "CAPTURE",
            description = "a capture of the negotiations, repeatable: the chosen IKEv2 algorithms of key sets from"
                + " charon logs are read from its IKE_SA_INIT responses")
    List<Path> captures = new ArrayList<>();

    @Option(names = "--force", description = "with -o DIR: replace table files that exist there")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (common.format() != OutputFormat.TEXT) {
            throw new ErrorReporter.UserError("keys writes Wireshark tables: --format "
                    + common.format().name().toLowerCase(Locale.ROOT) + " does not apply");
        }
        List<Path> inputs = new ArrayList<>(files);
        inputs.addAll(common.keyPaths());
        if (inputs.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give at least one FILE (or --keys PATH) to read keys from");
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            LoadedKeys loaded = KeySources.read(inputs);
            if (loaded.keyRing().isEmpty()) {
                // the files' own explanations make the one error line; the other warnings come first
                loaded.warningsBesidesFilesWithoutKeys().forEach(w -> warn(err, w));
                throw new ErrorReporter.UserError(loaded.withoutKeys());
            }
            loaded.warnings().forEach(w -> warn(err, w));
            WiresharkTables.Tables tables = WiresharkTables.write(loaded.keyRing(), resolver(err));
            tables.skipped().forEach(w -> warn(err, w));
            if (tables.ikev1Rows() + tables.ikev2Rows() == 0) {
                throw new ErrorReporter.UserError("no key set could be written as a Wireshark table (see the"
                        + " warnings above)");
            }
            if (common.outputPath() == null) {
                writeStandardOutput(tables);
            } else {
                writeDirectory(common.outputPath(), tables, err);
            }
        } finally {
            err.flush();
        }
        return ExitCodes.OK;
    }

    /** What completes the key sets' SPIs and algorithms: the captures' IKE_SA_INIT proposals, if given. */
    private KeySetResolver resolver(PrintWriter err) throws IOException {
        if (captures.isEmpty()) {
            return KeySetResolver.NONE;
        }
        return CaptureProposals.read(captures, common.decoderOptions(), w -> warn(err, w));
    }

    private void writeStandardOutput(WiresharkTables.Tables tables) throws IOException {
        try (Output out = Output.standardOutput(parent.streams())) {
            PrintWriter w = out.writer();
            if (tables.ikev1Rows() > 0) {
                w.print("# file: " + WiresharkTables.IKEV1_FILE + "\n" + tables.ikev1());
            }
            if (tables.ikev2Rows() > 0) {
                w.print("# file: " + WiresharkTables.IKEV2_FILE + "\n" + tables.ikev2());
            }
        }
    }

    private void writeDirectory(Path dir, WiresharkTables.Tables tables, PrintWriter err) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ErrorReporter.UserError(dir + ": not a directory (keys -o names the directory that receives"
                    + " the table files)");
        }
        Path v1 = dir.resolve(WiresharkTables.IKEV1_FILE);
        Path v2 = dir.resolve(WiresharkTables.IKEV2_FILE);
        for (Path table : tables.ikev1Rows() > 0 && tables.ikev2Rows() > 0 ? List.of(v1, v2)
                : List.of(tables.ikev1Rows() > 0 ? v1 : v2)) {
            if (Files.exists(table) && !force) {
                throw new ErrorReporter.UserError(table + ": exists; pass --force to replace it, or give it as an"
                        + " input as well to keep its rows");
            }
        }
        try {
            Files.createDirectories(dir);
            if (tables.ikev1Rows() > 0) {
                Files.writeString(v1, tables.ikev1(), StandardCharsets.UTF_8);
                err.println("ikescope: " + v1 + ": " + rows(tables.ikev1Rows()));
            }
            if (tables.ikev2Rows() > 0) {
                Files.writeString(v2, tables.ikev2(), StandardCharsets.UTF_8);
                err.println("ikescope: " + v2 + ": " + rows(tables.ikev2Rows()));
            }
        } catch (IOException e) {
            throw new ErrorReporter.UserError(dir + ": cannot write the tables: " + e.getMessage());
        }
    }

    private static String rows(int n) {
        return n + (n == 1 ? " row" : " rows");
    }

    private static void warn(PrintWriter err, String warning) {
        err.println("ikescope: warning: " + warning);
    }
}
