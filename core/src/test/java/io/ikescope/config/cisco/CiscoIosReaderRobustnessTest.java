package io.ikescope.config.cisco;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ikescope.config.ConfigException;
import io.ikescope.config.PeerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile or mangled running-configs: the reader gives a model or a {@link ConfigException} naming the file and a
 * line inside it, never another exception, and no key of the input in the model, its warnings or the message.
 */
class CiscoIosReaderRobustnessTest {

    private static final String FILE = "mangled.cfg";
    /** Every key the example files hold: none may come out. */
    private static final List<String> KEYS = List.of("Br4nch-Secret", "070C285F4D06485744", "Hub-To-Spoke",
            "Spoke-To-Hub", "FLgBaJHXdYY_AcHZZMgQ_RhTDJXHUBAAB", "Smart-Default-Key", "Wildcard-Key");

    static void check(String text) {
        check(text, true);
    }

    /**
     * @param keysIntact whether every key of the input still stands on an intact key line; the fuzzer also
     *                   splices a key into a keyword ("crypto iKEY"), where it is a word like any other
     */
    static void check(String text, boolean keysIntact) {
        int lines = (int) text.lines().count() + 1;
        String out;
        try {
            PeerConfig config = new CiscoIosReader().read(FILE, text);
            out = config.toString();
        } catch (ConfigException e) {
            assertThat(e.file()).isEqualTo(FILE);
            assertThat(e.line()).isBetween(0, lines);
            out = e.getMessage();
        }
        if (!keysIntact) {
            return;
        }
        for (String key : KEYS) {
            assertThat(out).doesNotContain(key);
        }
    }

    /** Seeded mutations of the example files: words dropped, doubled, swapped; lines moved and re-indented. */
    @Test
    void mutatedExampleFilesFailCleanly() throws Exception {
        List<String> examples = new ArrayList<>();
        for (String name : List.of("ikev1-crypto-map.cfg", "ikev2-vti.cfg", "ikev2-smart-defaults.cfg",
                "ikev1-defaults.cfg")) {
            examples.add(Files.readString(CiscoIosReaderTest.resource(name)));
        }
        Random random = new Random(12);
        for (int round = 0; round < 3000; round++) {
            String base = examples.get(round % examples.size());
            check(mutate(base, random));
        }
    }

    static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int i = random.nextInt(lines.size());
            String line = lines.get(i);
            String[] words = line.trim().split("\\s+");
            int w = random.nextInt(words.length);
            // a key line is moved, doubled or re-indented but not rewritten: a word made into another keyword's
            // value (an ACL name, a host name) is no longer a key, and may be quoted
            boolean keyLine = KEYS.stream().anyMatch(line::contains);
            int op = keyLine ? new int[] {0, 1, 4}[random.nextInt(3)] : random.nextInt(7);
            switch (op) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(random.nextInt(lines.size() + 1), line);
                case 2 -> {
                    words[w] = "";
                    lines.set(i, indent(line) + String.join(" ", words).trim());
                }
                case 3 -> {
                    words[w] = words[random.nextInt(words.length)];
                    lines.set(i, indent(line) + String.join(" ", words));
                }
                case 4 -> lines.set(i, " ".repeat(random.nextInt(12)) + line.trim());
                case 5 -> lines.set(i, line + " " + words[w]);
                default -> {
                    words[w] = String.valueOf(random.nextInt(70000) - 5);
                    lines.set(i, indent(line) + String.join(" ", words));
                }
            }
        }
        return String.join("\n", lines);
    }

    private static String indent(String line) {
        return line.substring(0, line.length() - line.stripLeading().length());
    }

    /** For longer runs: JAZZER_FUZZ=1 mvn -o -pl core test -Dtest='CiscoIosReaderRobustnessTest#readAnyText'. */
    @FuzzTest(maxDuration = "10m")
    void readAnyText(byte[] input) {
        check(new String(input, StandardCharsets.ISO_8859_1), false);
    }
}
