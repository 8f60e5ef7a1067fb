package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.TestPaths;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Memory stays bounded by the negotiations live at once, not by the capture: {@code diagnose} in a child JVM with
 * a 96 MB heap over a ~200 MB capture holding far more negotiations than the tracker keeps live (4096 live at
 * about 10 KB each is the bound; 64 MB is too little for that). The JSON and the HTML report alike.
 */
class DiagnoseMemoryTest {
    private static final long CAPTURE_BYTES = 200_000_000L;
    private static final String HEAP = "-Xmx96m";

    @TempDir
    Path dir;

    @Test
    void diagnosesTensOfThousandsOfNegotiationsInA96MegabyteHeap() throws Exception {
        List<Path> sources = samples("ikev2-psk-ok", "ikev1-main-psk-ok", "ikev2-nat-ok", "ikev2-no-response");
        Path onePass = dir.resolve("one-pass.pcap");
        RepeatedNegotiationsCapture.write(onePass, sources, 1);
        Path onePassJson = dir.resolve("one-pass.json");
        assertThat(diagnoseInChild(onePass, onePassJson, "json")).isIn(ExitCodes.OK, ExitCodes.NEGOTIATION_FAILED);
        long perPass = spisI(onePassJson).size();
        assertThat(perPass).isGreaterThanOrEqualTo(sources.size());

        long passes = CAPTURE_BYTES / RepeatedNegotiationsCapture.bytesPerPass(sources);
        Path capture = dir.resolve("many.pcap");
        Path json = dir.resolve("many.json");
        Path html = dir.resolve("many.html");
        try {
            RepeatedNegotiationsCapture.write(capture, sources, passes);
            assertThat(Files.size(capture)).isGreaterThan(CAPTURE_BYTES * 9 / 10);

            int status = diagnoseInChild(capture, json, "json");

            assertThat(status).isEqualTo(ExitCodes.NEGOTIATION_FAILED); // the no-response sample, in every pass
            Set<String> spis = spisI(json);
            assertThat(spis).hasSize((int) (passes * perPass));
            assertThat((long) spis.size()).isGreaterThan(10L * 4096); // far beyond the tracker's live cap

            // the HTML page keeps only its summary rows in memory; the sections spill to a temporary file
            assertThat(diagnoseInChild(capture, html, "html")).isEqualTo(ExitCodes.NEGOTIATION_FAILED);
            try (Stream<String> lines = Files.lines(html)) {
                assertThat(lines.filter(l -> l.startsWith("<section class=\"negotiation\"")).count())
                        .isEqualTo(spis.size());
            }
        } finally {
            Files.deleteIfExists(capture);
            Files.deleteIfExists(json);
            Files.deleteIfExists(html);
        }
    }

    /** Runs {@code ikescope diagnose -f FORMAT} in a JVM with a small heap; returns its exit status. */
    private int diagnoseInChild(Path capture, Path report, String format) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "diagnose", "-f", format, "-o",
                report.toString(), capture.toString()));
        File log = dir.resolve("child.log").toFile();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("diagnose did not finish in 120 s");
        }
        int status = child.exitValue();
        assertThat(status).as("exit status; output: %s", Files.readString(log.toPath())).isLessThan(2);
        return status;
    }

    /** The initiator SPI of every negotiation in a diagnose JSON report, read as a stream (the file is large). */
    private static Set<String> spisI(Path json) throws IOException {
        Set<String> spis = new HashSet<>();
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json.toFile())) {
            int depth = 0;
            boolean inNegotiations = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (t == JsonToken.PROPERTY_NAME && depth == 1) {
                    inNegotiations = "negotiations".equals(p.currentName());
                } else if (t == JsonToken.PROPERTY_NAME && depth == 3 && inNegotiations
                        && "spiI".equals(p.currentName())) {
                    p.nextToken();
                    spis.add(p.getString());
                }
            }
        }
        return spis;
    }

    private static List<Path> samples(String... names) {
        List<Path> paths = new ArrayList<>();
        for (String name : names) {
            paths.add(TestPaths.sampleCapture(name));
        }
        return paths;
    }
}
