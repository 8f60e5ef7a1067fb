package io.ikescope.report;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text held until the end of a document: in memory up to a limit, then in a temporary file (deleted on close), so
 * that a report whose head must come last is written without holding a large capture's report in memory.
 * Public for the cli's HTML report, which buffers the same way.
 */
public final class SpillBuffer extends Writer {
    private final int memoryLimit;
    private StringBuilder memory = new StringBuilder();
    private Path file;
    private Writer fileWriter;

    public SpillBuffer(int memoryLimit) {
        this.memoryLimit = memoryLimit;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (fileWriter == null && memory.length() + length > memoryLimit) {
            file = Files.createTempFile("ikescope-report", ".part");
            file.toFile().deleteOnExit();
            fileWriter = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            fileWriter.append(memory);
            memory = null;
        }
        if (fileWriter != null) {
            fileWriter.write(chars, offset, length);
        } else {
            memory.append(chars, offset, length);
        }
    }

    public boolean isEmpty() {
        return fileWriter == null && memory.length() == 0;
    }

    /** Copies everything written so far to {@code out}. */
    public void copyTo(Writer out) throws IOException {
        if (fileWriter == null) {
            out.append(memory);
            return;
        }
        fileWriter.flush();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.transferTo(out);
        }
    }

    @Override
    public void flush() throws IOException {
        if (fileWriter != null) {
            fileWriter.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (fileWriter != null) {
            fileWriter.close();
            Files.deleteIfExists(file);
            fileWriter = null;
        }
        memory = new StringBuilder();
    }
}
