package io.ikescope.crypto.keys;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The lines of a key file, read as ISO-8859-1 (every byte maps to one character, so no input fails to decode;
 * the formats are ASCII). A gzip-compressed file (a rotated charon log) is decompressed on the fly. Refuses
 * binary files and lines longer than {@link #MAX_LINE} characters before holding them in memory.
 */
final class TextLines implements Closeable {
    static final int MAX_LINE = 1 << 20;
    private static final int SNIFF = 64 * 1024;

    private final String source;
    private final Reader reader;
    private final StringBuilder line = new StringBuilder();
    private int lineNumber;
    private boolean pendingCarriageReturn;

    private TextLines(String source, Reader reader) {
        this.source = source;
        this.reader = reader;
    }

    static TextLines open(Path path) throws IOException {
        String source = path.toString();
        InputStream in = new BufferedInputStream(Files.newInputStream(path), SNIFF);
        try {
            in = decompressed(in);
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            String binary = binaryReason(head);
            if (binary != null) {
                throw new BinaryFileException(source, binary);
            }
            return new TextLines(source, new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static InputStream decompressed(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in), SNIFF);
        }
        return in;
    }

    /** Why the first bytes are not text, or null: a NUL byte, or many control characters. */
    private static String binaryReason(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0) {
                return "binary data (a NUL byte), not a key file";
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                control++;
            }
        }
        return control * 20 > head.length ? "binary data, not a key file" : null;
    }

    /** The next line without its terminator, or null at the end. */
    String next() throws IOException {
        line.setLength(0);
        int c;
        boolean any = false;
        while ((c = reader.read()) >= 0) {
            if (pendingCarriageReturn) {
                pendingCarriageReturn = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n' || c == '\r') {
                pendingCarriageReturn = c == '\r';
                lineNumber++;
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new KeySourceException(source, lineNumber + 1, "line longer than " + MAX_LINE
                        + " characters: not a key file");
            }
            line.append((char) c);
        }
        if (!any) {
            return null;
        }
        lineNumber++;
        return line.toString();
    }

    /** 1-based number of the line last returned. */
    int lineNumber() {
        return lineNumber;
    }

    String source() {
        return source;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** The file is not text. */
    static final class BinaryFileException extends KeySourceException {
        private static final long serialVersionUID = 1L;

        BinaryFileException(String source, String problem) {
            super(source, 0, problem);
        }
    }
}
