package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.testsupport.KnownTsharkDifferences;
import io.ikescope.testsupport.KnownTsharkDifferences.KnownDifference;
import io.ikescope.testsupport.PdmlReader;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of {@code ikescope dissect --format json}: every capture of the public corpus, every
 * repository sample of real strongSwan/libreswan peers and every fresh lab capture goes through the real CLI entry,
 * and each JSON line is compared with tshark's dissection of the same frame (PDML): the same frames, and per message
 * the addresses, ports, transport, exchange type, message ID, SPIs, flags, payload sequence, proposals, transforms
 * and attributes, KE groups, notifies, vendor IDs, IDs and traffic selectors ({@link JsonFacts}). A difference
 * either vanishes or is listed in {@link #KNOWN} with the evidence that tshark is the one that is wrong.
 */
class DissectJsonVersusTsharkTest {

    /**
     * An ICMP error quotes the start of the datagram that caused it (RFC 792, RFC 4443 2.4), and tshark dissects
     * that copy as ISAKMP, so {@code -Y isakmp} counts the error as an IKE frame. It is no IKE message: nobody
     * sent it as one, and its bytes are a truncated copy of an earlier message. ikescope does not count it
     * (io.ikescope.net package documentation). The difference is accepted only where {@link DissectVersusTshark}
     * checked that the frame is an ICMP error whose quoted header has the SPIs and message ID of an earlier
     * message both tools show (it then names the frame "frame.icmp-quote"; otherwise "frame").
     */
    private static final KnownDifference ICMP_QUOTE = new KnownDifference("#\\d+ frame\\.icmp-quote$",
            "tshark counts the IKE header quoted in an ICMP error as an ISAKMP frame; the quoted header is the start"
                    + " of an earlier message (same SPIs and message ID), checked per frame");

    /** The decoder's known differences on the corpus (fuzzed files tshark gets wrong), and ICMP quotes. */
    private static final List<KnownDifference> KNOWN = Stream.concat(
            KnownTsharkDifferences.DISSECTION.stream(), Stream.of(ICMP_QUOTE)).toList();

    @Test
    void everyPublicCorpusCaptureAgreesWithTshark(@TempDir Path work) throws Exception {
        Path corpus = TestPaths.publicCorpusOrSkip();
        assumeTshark();
        Map<String, Path> captures = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/expected/") && !p.toString().contains("/keys/"))
                    .filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng|cap)(\\.gz)?"))
                    .forEach(p -> captures.put(corpus.relativize(p).toString(), p));
        }
        assertThat(captures).as("corpus captures").hasSizeGreaterThan(100);

        Totals totals = compareAll("corpus", captures, work);

        assertThat(totals.unexplained()).as("unexplained differences (see " + totals.report() + ")").isEmpty();
        assertThat(totals.frames()).isGreaterThan(900);
        List<String> unused = KnownTsharkDifferences.DISSECTION.stream()
                .filter(k -> totals.explained().stream().noneMatch(d -> k.matches(d.where())))
                .map(k -> k.where().pattern()).toList();
        assertThat(unused).as("KNOWN entries that no longer match a difference: remove them").isEmpty();
    }

    /** The repository's samples of real peers: part of the repository, so their absence is a failure. */
    @Test
    void everyRepositorySampleAgreesWithTshark(@TempDir Path work) throws Exception {
        Path samples = TestPaths.samples();
        Map<String, Path> captures = new TreeMap<>();
        try (Stream<Path> list = Files.list(samples)) {
            list.filter(p -> p.getFileName().toString().endsWith(".pcap"))
                    .forEach(p -> captures.put("samples/" + p.getFileName(), p));
        }
        assertThat(captures).as("pcap files in " + samples).isNotEmpty();
        assumeTshark();

        Totals totals = compareAll("samples", captures, work);

        assertThat(totals.unexplained()).as("unexplained differences (see " + totals.report() + ")").isEmpty();
        assertThat(totals.messages()).as("IKE messages in the samples").isPositive();
    }

    /** The lab's fresh captures of real peers (lab/run.sh writes them before the tests in CI). */
    @Test
    void everyFreshLabCaptureAgreesWithTshark(@TempDir Path work) throws Exception {
        Path out = TestPaths.repositoryRoot().resolve("lab/out");
        Map<String, Path> captures = new TreeMap<>();
        if (Files.isDirectory(out)) {
            try (Stream<Path> runs = Files.list(out)) {
                runs.map(run -> run.resolve("capture.pcap")).filter(Files::isRegularFile)
                        .forEach(p -> captures.put("lab/out/" + p.getParent().getFileName() + "/capture.pcap", p));
            }
        }
        Assumptions.assumeFalse(captures.isEmpty(), "no lab captures in " + out + " (run lab/run.sh first)");
        assumeTshark();

        Totals totals = compareAll("lab", captures, work);

        assertThat(totals.unexplained()).as("unexplained differences (see " + totals.report() + ")").isEmpty();
        assertThat(totals.messages()).as("IKE messages in the lab captures").isPositive();
    }

    /** What a set of captures gave, summed; unexplained differences as "file#frame key: ..." lines. */
    private record Totals(int files, int frames, int messages, long fields,
                          List<DissectVersusTshark.Difference> explained, List<String> unexplained, Path report) {
    }

    /** Runs the CLI and tshark on every capture (two at a time), sorts the differences, writes the report. */
    private static Totals compareAll(String set, Map<String, Path> captures, Path work)
            throws IOException, InterruptedException, ExecutionException {
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<DissectVersusTshark.Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<DissectVersusTshark.Outcome>> futures = new ArrayList<>();
            int n = 0;
            for (Map.Entry<String, Path> c : captures.entrySet()) {
                Path dir = work.resolve(Integer.toString(n++));
                futures.add(pool.submit(() -> DissectVersusTshark.compare(c.getKey(), c.getValue(), dir, List.of())));
            }
            for (Future<DissectVersusTshark.Outcome> f : futures) {
                outcomes.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        int frames = 0;
        int messages = 0;
        long fields = 0;
        List<DissectVersusTshark.Difference> explained = new ArrayList<>();
        List<String> explanations = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Long> kinds = new TreeMap<>();
        for (DissectVersusTshark.Outcome o : outcomes) {
            frames += o.frames();
            messages += o.messages();
            fields += o.fields();
            for (DissectVersusTshark.Difference d : o.differences()) {
                KnownDifference known = KNOWN.stream().filter(k -> k.matches(d.where())).findFirst().orElse(null);
                if (known == null) {
                    unexplained.add(d.toString());
                } else {
                    explained.add(d);
                    explanations.add(d + "  [" + known.evidence() + "]");
                }
            }
            o.stderr().lines().forEach(line -> warnings.add(o.file() + ": " + line));
            o.comparedKinds().forEach((k, v) -> kinds.merge(k, v, Long::sum));
        }
        String summary = String.format("dissect --format json vs tshark (%s): %d files, %d frames, %d messages,"
                + " %d fields compared, %d differences explained, %d unexplained", set, captures.size(), frames,
                messages, fields, explained.size(), unexplained.size());
        System.out.println(summary);
        unexplained.stream().limit(40).forEach(d -> System.out.println("  DIFF: " + d));

        List<String> lines = new ArrayList<>();
        lines.add(summary);
        explanations.forEach(d -> lines.add("explained: " + d));
        unexplained.forEach(d -> lines.add("DIFF: " + d));
        warnings.forEach(w -> lines.add("stderr: " + w));
        kinds.forEach((k, v) -> lines.add("compared: " + k + " " + v));
        Path report = TestPaths.repositoryRoot().resolve("cli/target/tshark-e2e-" + set + ".txt");
        Files.createDirectories(report.getParent());
        Files.write(report, lines);
        return new Totals(captures.size(), frames, messages, fields, explained, unexplained, report);
    }

    private static void assumeTshark() {
        Assumptions.assumeTrue(PdmlReader.tsharkAvailable(), "tshark is not installed");
    }
}
