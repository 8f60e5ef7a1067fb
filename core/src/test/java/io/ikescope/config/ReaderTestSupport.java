package io.ikescope.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** What the reader tests of several formats share: finding a sample's line, and damaging a sample at random. */
public final class ReaderTestSupport {

    private ReaderTestSupport() {
    }

    /** The number of the first line of {@code file} that contains {@code text}: origins are checked against it. */
    public static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    /**
     * Reads 400 damaged copies of {@code sample} (one to six characters deleted, inserted or replaced each): each
     * must give a ConfigException or a result, never another exception (no stack trace for the user).
     */
    public static void mutate(ConfigReader reader, Path sample, Path dir, long seed) throws Exception {
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
}
