package io.ikescope.config.mikrotik;

import static io.ikescope.config.ReaderTestSupport.mutate;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged input gives a ConfigException or a result, never another exception (no stack trace for the user). */
class MikrotikMutationTest {

    @TempDir
    Path dir;

    @Test
    void damagedRouterOsInput() throws Exception {
        mutate(new MikrotikReader(), MikrotikReaderTest.SITE_A, dir, 3);
        mutate(new MikrotikReader(), MikrotikReaderTest.DEFAULTS, dir, 4);
    }
}
