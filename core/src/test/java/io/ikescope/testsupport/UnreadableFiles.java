package io.ikescope.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;

/**
 * Files the test process cannot open for reading, for the "permission denied" messages. Taking a file's
 * permissions away does not stop root, which CI runs as; the kernel's write-only sysctl files (mode 0200) refuse
 * reading even to root, so root's tests use one of those instead and are not skipped.
 */
public final class UnreadableFiles {
    /** Write-only for everybody, root included: opening it for reading fails with EACCES; it is never written. */
    private static final Path WRITE_ONLY_SYSCTL = Path.of("/proc/sys/vm/drop_caches");

    private UnreadableFiles() {
    }

    /**
     * {@code file} with every permission removed when that stops this process from reading it; otherwise (root) a
     * write-only sysctl file. The test is skipped only when neither can be had.
     */
    public static Path unreadable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        if (!opens(file)) {
            return file;
        }
        Assumptions.assumeFalse(opens(WRITE_ONLY_SYSCTL), () -> "no unreadable file: " + file + " reads without"
                + " permissions (root) and " + WRITE_ONLY_SYSCTL + " is not there or readable");
        return WRITE_ONLY_SYSCTL;
    }

    private static boolean opens(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return true;
        } catch (AccessDeniedException e) {
            return false;
        } catch (java.nio.file.NoSuchFileException e) {
            return true; // not there: not usable as an unreadable file either
        }
    }
}
