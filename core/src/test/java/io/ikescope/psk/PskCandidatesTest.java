package io.ikescope.psk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PskCandidatesTest {
    @TempDir
    Path dir;

    @Test
    void keepsLineNumbersSkipsBlankLinesAndDropsOnlyTheCr() throws IOException {
        Path f = dir.resolve("c.txt");
        Files.write(f, "first\r\n\n  spaced  \n\r\nlast".getBytes(StandardCharsets.UTF_8));
        List<PskCandidate> c = PskCandidates.read(f);
        assertEquals(List.of(1, 3, 5), c.stream().map(PskCandidate::line).toList());
        assertEquals("first", new String(c.get(0).key(), StandardCharsets.UTF_8));
        assertEquals("  spaced  ", new String(c.get(1).key(), StandardCharsets.UTF_8));
        assertEquals("last", new String(c.get(2).key(), StandardCharsets.UTF_8));
    }

    @Test
    void fingerprintIsTheSha256PrefixAndNothingPrintsTheKey() {
        PskCandidate c = PskCandidate.of(7, "correct horse battery staple");
        assertTrue(c.fingerprint().matches("[0-9a-f]{8}"));
        assertNotEquals(c.fingerprint(), PskCandidate.of(7, "correct horse battery staplf").fingerprint());
        assertFalse(c.toString().contains("horse"));
        assertTrue(c.toString().contains("line 7"));
        // SHA-256("abc") starts ba7816bf (FIPS 180-2 example)
        assertEquals("ba7816bf", PskCandidate.of(1, "abc").fingerprint());
    }

    @Test
    void aTooLongLineIsAnErrorWithFileAndLineAndWithoutTheLine() throws IOException {
        Path f = dir.resolve("long.txt");
        String secretish = "s".repeat(PskCandidates.MAX_LINE_BYTES + 1);
        Files.writeString(f, "ok\n\n" + secretish + "\n");
        PskCandidatesException e = assertThrows(PskCandidatesException.class, () -> PskCandidates.read(f));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(f + " line 3: "), e.getMessage());
        assertFalse(e.getMessage().contains("sss"));
        Files.writeString(f, "s".repeat(PskCandidates.MAX_LINE_BYTES) + "\r\n");
        assertEquals(1, PskCandidates.read(f).size(), "exactly the limit is accepted");
    }

    @Test
    void anUnreadableFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("missing.txt");
        PskCandidatesException e = assertThrows(PskCandidatesException.class, () -> PskCandidates.read(missing));
        assertEquals(0, e.line());
        assertTrue(e.getMessage().startsWith(missing + ": cannot be read"), e.getMessage());
        assertThrows(PskCandidatesException.class, () -> PskCandidates.read(dir));
    }
}
