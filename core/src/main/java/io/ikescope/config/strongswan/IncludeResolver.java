package io.ikescope.config.strongswan;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the files of one configuration and expands {@code include} patterns as strongSwan does: a relative pattern
 * is relative to the directory of the including file, glob characters (* ? [) may stand in any path component and
 * the matches are read in sorted order (glob(3)). Bounded: {@link #MAX_DEPTH} nested includes, {@link #MAX_FILES}
 * files, {@link #MAX_BYTES} per file and {@link #MAX_TOTAL_BYTES} in all, so no input can make the reader loop or
 * allocate without limit.
 */
final class IncludeResolver {

    static final int MAX_DEPTH = 10;
    static final int MAX_FILES = 256;
    static final long MAX_BYTES = 1024 * 1024;
    /** All files together: more than any real configuration, small enough to hold. */
    static final long MAX_TOTAL_BYTES = 16 * 1024 * 1024;

    private final List<String> files = new ArrayList<>();
    private long totalBytes;
    private final List<ConfigWarning> warnings;

    IncludeResolver(List<ConfigWarning> warnings) {
        this.warnings = warnings;
    }

    /** The files read, in reading order. */
    List<String> files() {
        return List.copyOf(files);
    }

    String load(Path path) throws ConfigException {
        String name = path.toString();
        if (files.size() >= MAX_FILES) {
            throw new ConfigException(name, 0, "more than " + MAX_FILES + " files included");
        }
        try {
            if (!Files.isRegularFile(path)) {
                throw new ConfigException(name, 0, "not a readable file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new ConfigException(name, 0, "larger than " + MAX_BYTES / 1024 + " KiB; not a configuration");
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] content = in.readNBytes((int) MAX_BYTES + 1);
                if (content.length > MAX_BYTES) {
                    throw new ConfigException(name, 0, "larger than " + MAX_BYTES / 1024 + " KiB");
                }
                totalBytes += content.length;
                if (totalBytes > MAX_TOTAL_BYTES) {
                    throw new ConfigException(name, 0, "the configuration's files exceed "
                            + MAX_TOTAL_BYTES / (1024 * 1024) + " MiB together");
                }
                files.add(name);
                return new String(content, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ConfigException(name, 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * The files an include pattern names. A pattern without glob characters that names no file is a warning (the
     * daemon logs it and goes on); a glob matching nothing is normal (an empty conf.d).
     */
    List<Path> expand(Path includingFile, String pattern, Origin where) throws ConfigException {
        if (pattern.isEmpty()) {
            throw new ConfigException(where.file(), where.line(), "include without a file name");
        }
        Path base = includingFile.toAbsolutePath().getParent();
        Path full = base == null ? Path.of(pattern) : base.resolve(pattern);
        if (!hasGlob(pattern)) {
            if (!Files.isRegularFile(full)) {
                warnings.add(new ConfigWarning(where, "included file " + pattern + " does not exist; skipped"));
                return List.of();
            }
            return List.of(relativeToUser(includingFile, pattern));
        }
        List<Path> matches = new ArrayList<>();
        Path root = full.getRoot();
        List<Path> current = new ArrayList<>(List.of(root == null ? Path.of("") : root));
        for (Path component : full.normalize()) {
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                String part = component.toString();
                if (!hasGlob(part)) {
                    next.add(dir.resolve(part));
                    continue;
                }
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, part)) {
                    for (Path entry : entries) {
                        next.add(entry);
                        if (next.size() > MAX_FILES) {
                            throw new ConfigException(where.file(), where.line(),
                                    "include pattern matches more than " + MAX_FILES + " files");
                        }
                    }
                } catch (IOException e) {
                    throw new ConfigException(where.file(), where.line(), "cannot list " + dir + ": "
                            + e.getMessage());
                }
            }
            current = next;
        }
        Path workingDir = Path.of("").toAbsolutePath();
        for (Path match : current) {
            if (Files.isRegularFile(match)) {
                // named as the user named the including file: relative stays relative
                matches.add(includingFile.isAbsolute() || !match.startsWith(workingDir) ? match
                        : workingDir.relativize(match));
            }
        }
        matches.sort(null);
        return matches;
    }

    /** Keeps a relative include relative in messages when the including file was named relatively. */
    private static Path relativeToUser(Path includingFile, String pattern) {
        Path parent = includingFile.getParent();
        if (Path.of(pattern).isAbsolute()) {
            return Path.of(pattern);
        }
        return parent == null ? Path.of(pattern) : parent.resolve(pattern);
    }

    private static boolean hasGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0;
    }
}
