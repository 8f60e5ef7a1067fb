package io.ikescope.cli;

import io.ikescope.annotate.CaptureAnnotations;
import io.ikescope.capture.AnnotatedCopy;
import io.ikescope.crypto.KeyRing;
import io.ikescope.report.InputSummary;
import io.ikescope.crypto.keys.CaptureProposals;
import io.ikescope.crypto.keys.WiresharkTables;
import io.ikescope.net.DecoderOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code diagnose --annotate OUT.pcapng}: the captures copied into one pcapng file (one section or more per capture,
 * in the order given) with the diagnosis as comments, and with {@code -k} the Wireshark key tables beside it in
 * {@code OUT.keys/wireshark/}, a configuration directory Wireshark reads with {@code XDG_CONFIG_HOME=OUT.keys}.
 */
final class AnnotatedCaptureWriter {
    private final Path output;
    private final CaptureAnnotations annotations = new CaptureAnnotations();

    AnnotatedCaptureWriter(Path output, List<String> captures) {
        this.output = output;
        for (String capture : captures) {
            if (capture.equals("-")) {
                throw new ErrorReporter.UserError("--annotate copies the capture files after the diagnosis, and"
                        + " standard input cannot be read twice: save the stream to a file first");
            }
            Path in = Path.of(capture);
            if (Files.exists(output) && Files.exists(in) && same(in, output)) {
                throw new ErrorReporter.UserError("--annotate " + output + ": is the input capture " + capture
                        + "; name another file");
            }
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    CaptureAnnotations annotations() {
        return annotations;
    }

    /** Writes the annotated copy, then the key tables when keys were given; says what it wrote on {@code err}. */
    void write(List<InputSummary> inputs, KeyRing keys, DecoderOptions decoderOptions, PrintWriter err)
            throws IOException {
        List<String> captures = inputs.stream().map(InputSummary::path).toList();
        long frames = 0;
        long commented = 0;
        List<String> warnings = new ArrayList<>(annotations.warnings());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
            for (InputSummary input : inputs) {
                String capture = input.path();
                AnnotatedCopy.Result r = AnnotatedCopy.copy(Path.of(capture), out, input.series() == null
                        ? annotations.of(capture)
                        : annotations.ofSeriesPart(input.series(), capture, input.seriesFirstFrame()));
                frames += r.frames();
                commented += r.commented();
                if (r.notCommented() > 0) {
                    warnings.add(capture + ": " + r.notCommented() + " IKE frame(s) in simple packet blocks, which"
                            + " hold no comments: copied without");
                }
                if (r.truncatedTail()) {
                    warnings.add(capture + ": the capture ends inside a record; the copy ends there too");
                }
            }
        } catch (IOException e) {
            if (e instanceof io.ikescope.capture.CaptureException) {
                throw e;
            }
            throw new ErrorReporter.UserError(output + ": cannot write the annotated capture: " + e.getMessage());
        }
        warnings.forEach(w -> err.println("ikescope: warning: " + w));
        err.println("ikescope: " + output + ": " + frames + " frames, " + commented + " with a comment");
        if (!keys.isEmpty()) {
            writeKeyTables(captures, keys, decoderOptions, err);
        }
        err.flush();
    }

    private void writeKeyTables(List<String> captures, KeyRing keys, DecoderOptions decoderOptions, PrintWriter err)
            throws IOException {
        List<Path> paths = captures.stream().map(Path::of).toList();
        WiresharkTables.Tables tables = WiresharkTables.write(keys,
                CaptureProposals.read(paths, decoderOptions, w -> err.println("ikescope: warning: " + w)));
        tables.skipped().forEach(w -> err.println("ikescope: warning: " + w));
        if (tables.ikev1Rows() + tables.ikev2Rows() == 0) {
            err.println("ikescope: warning: no key set could be written as a Wireshark table");
            return;
        }
        Path base = output.resolveSibling(output.getFileName() + ".keys");
        Path dir = base.resolve("wireshark");
        try {
            Files.createDirectories(dir);
            if (tables.ikev1Rows() > 0) {
                Files.writeString(dir.resolve(WiresharkTables.IKEV1_FILE), tables.ikev1(), StandardCharsets.UTF_8);
            }
            if (tables.ikev2Rows() > 0) {
                Files.writeString(dir.resolve(WiresharkTables.IKEV2_FILE), tables.ikev2(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ErrorReporter.UserError(dir + ": cannot write the key tables: " + e.getMessage());
        }
        err.println("ikescope: " + dir + ": Wireshark key tables (" + (tables.ikev1Rows() + tables.ikev2Rows())
                + " rows); open the copy decrypted with: XDG_CONFIG_HOME=" + base + " wireshark " + output);
    }
}
