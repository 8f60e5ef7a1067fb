package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No record of ours has its generated equals, hashCode or toString called while diagnose reads the bundled samples
 * as the launcher's training run reads them ({@link AotTraining}: text without keys, JSON with them, HTML): the JVM
 * links each through invokedynamic at its first call, and the first such call of a run cost a small sample about
 * 10% of its time (the start-up cache keeps lambdas linked, not these). A record used as a map key or compared on
 * this path writes the two methods out (see core's RecordMethodsTest); a list search for the same message compares
 * identity. Read from the JVM's own log of the call sites it links.
 */
class RecordMethodsLinkingTest {
    private static final Pattern RECORD_METHOD =
            Pattern.compile(" (equals|hashCode|toString):\\((Lio/ikescope/[^;]+);");

    @Test
    void diagnoseLinksNoRecordMethodOfOurs() throws Exception {
        // the launcher's training run: diagnose over every sample as text without keys, as JSON with them, as HTML
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xlog:methodhandles+indy=debug", "-cp",
                System.getProperty("java.class.path"), AotTraining.class.getName(), TestPaths.samples().toString())
                .redirectErrorStream(true).start();
        String log = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(log).isZero();
        assertThat(log).as("the JVM's log of linked call sites").contains("resolve_invokedynamic");
        List<String> linked = new ArrayList<>();
        Matcher m = RECORD_METHOD.matcher(log);
        while (m.find()) {
            linked.add(m.group(2).substring(1).replace('/', '.') + "." + m.group(1));
        }
        assertThat(linked).as("records whose generated methods diagnose calls").isEmpty();
    }
}
