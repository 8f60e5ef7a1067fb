package io.ikescope.psk;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a candidates file: one pre-shared key per line (UTF-8 bytes as written, a trailing CR dropped, nothing
 * trimmed since a key may start or end with a space), blank lines skipped, each candidate keeping its line number.
 * Memory stays bounded: a line longer than {@link #MAX_LINE_BYTES} or more than {@link #MAX_CANDIDATES} candidates
 * is an error naming the file and the line, never a silent cut.
 */
public final class PskCandidates {
    /** Far above any real PSK (IKE implementations cap theirs at a few hundred bytes). */
    public static final int MAX_LINE_BYTES = 4096;
    /** Each candidate costs one PRF per tested value; a word list beyond this belongs to psk-crack. */
    public static final int MAX_CANDIDATES = 1_000_000;

    private PskCandidates() {
    }

    /** The candidates of {@code file}, in file order. */
    public static List<PskCandidate> read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString());
        } catch (PskCandidatesException e) {
            throw e;
        } catch (IOException e) {
            throw new PskCandidatesException(file.toString(), 0, "cannot be read: " + e.getMessage());
        }
    }

    static List<PskCandidate> read(InputStream in, String name) throws IOException {
        List<PskCandidate> out = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int number = 1;
        boolean pending = false;
        for (int b = in.read(); ; b = in.read()) {
            if (b == -1 || b == '\n') {
                if (b == -1 && !pending) {
                    return out;
                }
                add(out, line, number, name);
                line.reset();
                pending = false;
                if (b == -1) {
                    return out;
                }
                number++;
                continue;
            }
            pending = true;
            if (line.size() > MAX_LINE_BYTES) { // one byte over the limit is held: it may be the line's CR
                throw new PskCandidatesException(name, number, "longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
    }

    private static void add(List<PskCandidate> out, ByteArrayOutputStream line, int number, String name)
            throws PskCandidatesException {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        if (length == 0) {
            return;
        }
        if (length > MAX_LINE_BYTES) {
            throw new PskCandidatesException(name, number, "longer than " + MAX_LINE_BYTES + " bytes");
        }
        if (out.size() >= MAX_CANDIDATES) {
            throw new PskCandidatesException(name, number, "more than " + MAX_CANDIDATES + " candidates");
        }
        byte[] key = new byte[length];
        System.arraycopy(bytes, 0, key, 0, length);
        out.add(new PskCandidate(number, key));
    }
}
