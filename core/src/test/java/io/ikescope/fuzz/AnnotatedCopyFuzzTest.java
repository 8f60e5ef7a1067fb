package io.ikescope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ikescope.capture.AnnotatedCopy;
import io.ikescope.capture.CaptureException;
import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Any bytes given as a capture to the annotated copy (a comment on every frame): it finishes or fails with a
 * {@link CaptureException} naming the input; when the reader reads the input to its end without a warning and the
 * copy finishes, reading the copy gives the same frames (time, link type, bytes, lengths) as reading the input.
 */
class AnnotatedCopyFuzzTest {
    private static final String NAME = "fuzzed-capture";

    private static final AnnotatedCopy.Comments EVERY_FRAME = new AnnotatedCopy.Comments() {
        @Override
        public String frame(long frameNumber) {
            return "frame " + frameNumber;
        }

        @Override
        public List<String> section() {
            return List.of("section");
        }
    };

    @FuzzTest(maxDuration = "10m")
    void copyCapture(byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnnotatedCopy.Result result;
        try {
            result = AnnotatedCopy.copy(new ByteArrayInputStream(input), NAME, out, EVERY_FRAME);
        } catch (CaptureException e) {
            if (!e.getMessage().startsWith(NAME + ": ")) {
                throw new AssertionError("a capture error that does not name the input: " + e.getMessage(), e);
            }
            return;
        }
        List<String> original;
        try {
            original = frames(input, true);
        } catch (CaptureException e) {
            return; // the reader refuses what the copier let through (it checks more): nothing to compare
        }
        if (original == null || result.truncatedTail()) {
            return;
        }
        List<String> copied = frames(out.toByteArray(), false);
        if (!original.equals(copied)) {
            throw new AssertionError("the copy's frames differ: " + original + " vs " + copied);
        }
    }

    /** The frames as the reader delivers them, or null when it warned (a cut or skipped part). */
    private static List<String> frames(byte[] capture, boolean nullOnWarning) throws IOException {
        List<String> out = new ArrayList<>();
        try (CaptureReader reader = Captures.open(new ByteArrayInputStream(capture), NAME)) {
            Frame f;
            while ((f = reader.next()) != null) {
                out.add(f.number() + "/" + f.epochNanos() + "/" + f.linkType() + "/" + f.originalLength() + "/"
                        + Arrays.toString(Arrays.copyOfRange(f.data(), f.offset(), f.offset() + f.capturedLength())));
            }
            if (nullOnWarning && !reader.warnings().isEmpty()) {
                return null;
            }
        }
        return out;
    }
}
