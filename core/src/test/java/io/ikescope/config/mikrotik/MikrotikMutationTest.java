package io.ikescope.config.mikrotik;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged input gives a ConfigException or a result, never another exception (no stack trace for the user). */
class MikrotikMutationTest {

    @TempDir
    Path dir;

    static void mutate(ConfigReader reader, Path sample, Path dir, long seed) throws Exception {
        String text = Files.readString(sample);
        Random random = new Random(seed);
        String alphabet = "\"'\\ \n=[]#/-.0123456789abcdefghijklmnopqrstuvwxyz";
        for (int round = 0; round < 400; round++) {
            StringBuilder s = new StringBuilder(text);
            int edits = 1 + random.nextInt(6);
            for (int i = 0; i < edits && s.length() > 0; i++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            Path file = dir.resolve("m" + round);
            Files.writeString(file, s);
            try {
                reader.read(file, null);
            } catch (ConfigException expected) {
                // the reader's own error: fine
            } catch (RuntimeException e) {
                throw new AssertionError("round " + round + " of seed " + seed + ":\n" + s, e);
            }
        }
    }

    @Test
    void damagedRouterOsInput() throws Exception {
        mutate(new MikrotikReader(), MikrotikReaderTest.SITE_A, dir, 3);
        mutate(new MikrotikReader(), MikrotikReaderTest.DEFAULTS, dir, 4);
    }
}
