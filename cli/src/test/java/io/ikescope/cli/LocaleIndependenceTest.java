package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A report reads the same on every machine: the process run in a German, an Egyptian Arabic and a Turkish locale
 * writes byte for byte what it writes in English (decimal commas, Arabic-Indic digits and a dotted capital I were
 * what the JDK's defaults gave).
 */
class LocaleIndependenceTest {
    private static final String SAMPLE = TestPaths.sampleCapture("ikev2-psk-ok").toString();
    private static final String IKEV1 = TestPaths.sampleCapture("ikev1-main-psk-ok").toString();

    @Test
    void reportsAreTheSameInEveryLocale() throws Exception {
        for (List<String> args : List.of(
                List.of("diagnose", SAMPLE, IKEV1),
                List.of("diagnose", "-f", "json", SAMPLE),
                List.of("audit", SAMPLE, IKEV1),
                List.of("dissect", IKEV1))) {
            String english = run("en", "US", args);
            assertThat(english).as(String.join(" ", args)).contains("IKE");
            for (String[] locale : new String[][] {{"de", "DE"}, {"ar", "EG"}, {"tr", "TR"}}) {
                assertThat(run(locale[0], locale[1], args)).as(locale[0] + ": " + String.join(" ", args))
                        .isEqualTo(english);
            }
        }
    }

    private static String run(String language, String country, List<String> args)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Duser.language=" + language,
                "-Duser.country=" + country, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = child.getInputStream().readAllBytes();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(output, StandardCharsets.UTF_8);
    }
}
