package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No record of ours has its generated equals, hashCode or toString called while diagnose reads the bundled samples
 * (as text without keys, as JSON with them, as HTML): the JVM links each through invokedynamic at its first call,
 * and the first such call of a run cost a small sample about 10% of its time (the start-up cache keeps lambdas
 * linked, not these). A record used as a map key or compared on this path writes the two methods out (see
 * core's RecordMethodsTest); a list search for the same message compares identity. Read from the JVM's own log
 * of the call sites it links.
 */
class RecordMethodsLinkingTest {
    private static final Pattern RECORD_METHOD =
            Pattern.compile(" (equals|hashCode|toString):\\((Lio/ikescope/[^;]+);");

    @Test
    void diagnoseLinksNoRecordMethodOfOurs() throws Exception {
        List<String> captures = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(TestPaths.samples())) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (name.endsWith(".pcap")) {
                    captures.add(p.toString());
                } else if (name.endsWith(".keys.log")) {
                    keys.add("-k");
                    keys.add(p.toString());
                }
            }
        }
        assertThat(captures).hasSizeGreaterThan(40);
        List<String> linked = new ArrayList<>();
        linked.addAll(recordMethodsLinked(List.of(), captures));
        linked.addAll(recordMethodsLinked(List.of(List.of("-f", "json"), keys), captures));
        linked.addAll(recordMethodsLinked(List.of(List.of("-f", "html")), captures));
        assertThat(linked).as("records whose generated methods diagnose calls").isEmpty();
    }

    private static List<String> recordMethodsLinked(List<List<String>> options, List<String> captures)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xlog:methodhandles+indy=debug", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "diagnose", "--no-progress", "-o",
                "/dev/null"));
        options.forEach(command::addAll);
        command.addAll(captures);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(log).as("the JVM's log of linked call sites").contains("resolve_invokedynamic");
        List<String> out = new ArrayList<>();
        Matcher m = RECORD_METHOD.matcher(log);
        while (m.find()) {
            out.add(m.group(2).substring(1).replace('/', '.') + "." + m.group(1));
        }
        return out;
    }
}
