package io.ikescope.config.strongswan;

import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The hand-written configurations under core/src/test/resources/config/strongswan and small files written inline. */
final class Fixtures {

    static final Path DIR = TestPaths.repositoryRoot().resolve("core/src/test/resources/config/strongswan");

    private Fixtures() {
    }

    static Path file(String name) {
        return DIR.resolve(name);
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
