package io.ikescope.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a report goes: standard output or a file; knows whether colour is allowed. */
final class Output implements AutoCloseable {
    private final OutputStream stream;
    private final boolean terminal;
    private final boolean ownsStream;
    private PrintWriter writer;

    private Output(OutputStream stream, boolean terminal, boolean ownsStream) {
        this.stream = stream;
        this.terminal = terminal;
        this.ownsStream = ownsStream;
    }

    static Output standardOutput(StandardStreams streams) {
        OutputStream out = new BufferedOutputStream(streams.out(), 1 << 16);
        boolean tty = streams.terminal() && System.getenv("NO_COLOR") == null;
        return new Output(out, tty, false);
    }

    static Output file(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new ErrorReporter.UserError(path + ": is a directory, not an output file");
        }
        try {
            return new Output(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), false, true);
        } catch (IOException e) {
            throw new ErrorReporter.UserError(path + ": cannot write: " + e.getMessage());
        }
    }

    OutputStream stream() {
        return stream;
    }

    PrintWriter writer() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), false);
        }
        return writer;
    }

    /** True when writing to a terminal and NO_COLOR is not set: colour allowed. */
    boolean isTerminal() {
        return terminal;
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        stream.flush();
        if (ownsStream) {
            stream.close();
        }
    }
}
