package io.ikescope.config.fortios;

import static io.ikescope.config.ReaderTestSupport.mutate;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged input gives a ConfigException or a result, never another exception (no stack trace for the user). */
class FortiosMutationTest {

    @TempDir
    Path dir;

    @Test
    void damagedFortiOsInput() throws Exception {
        mutate(new FortiosReader(), FortiosReaderTest.SHOW, dir, 1);
        mutate(new FortiosReader(), FortiosReaderTest.BACKUP, dir, 2);
    }
}
