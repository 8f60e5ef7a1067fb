package io.ikescope.fuzz;

import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the fuzz seeds (see {@link FuzzSeeds} for the layout). Not part of an ordinary test run: it runs only
 * when asked, and then also checks that every seed it writes is one the target accepts as meaningful.
 * <pre>
 * mvn -o -pl core test -Dtest=SeedCorpusTool -Dikescope.fuzz.seeds=commit   # small seeds into src/test/resources
 * mvn -o -pl core test -Dtest=SeedCorpusTool -Dikescope.fuzz.seeds=export   # public-corpus seeds into .cifuzz-corpus
 * </pre>
 */
class SeedCorpusTool {
    private static final Path RESOURCES = Path.of("src/test/resources/io/ikescope/fuzz");
    private static final Path GENERATED = Path.of(".cifuzz-corpus");

    @Test
    void writeSeeds() throws IOException {
        String mode = System.getProperty("ikescope.fuzz.seeds", "");
        Assumptions.assumeTrue(mode.equals("commit") || mode.equals("export"),
                "writes seeds only when run with -Dikescope.fuzz.seeds=commit or =export");
        boolean commit = mode.equals("commit");
        List<Path> captures = commit ? FuzzSeeds.samples() : FuzzSeeds.publicCaptures();
        int maxSize = commit ? FuzzSeeds.MAX_COMMITTED_SEED : 65_535;
        Assumptions.assumeFalse(captures.isEmpty(), "no captures to derive seeds from");

        Map<String, byte[]> messages = FuzzSeeds.ikeMessageSeeds(captures, commit ? 4096 : maxSize);
        assertThat(messages).isNotEmpty();
        messages.values().forEach(m -> assertThat(m.length).isGreaterThanOrEqualTo(28));
        write(commit, IkeCodecFuzzTest.class, "decodeMessage", messages);
        write(commit, IkeCodecFuzzTest.class, "decodePayloadChain", chains(messages));
        write(commit, DissectWritersFuzzTest.class, "writeJsonAndText", messages);

        List<Path> frameSources = commit
                ? java.util.stream.Stream.concat(FuzzSeeds.fixtures().stream(), FuzzSeeds.samples().stream()
                        .filter(p -> p.getFileName().toString().matches(".*(frag|nat).*"))).toList()
                : captures;
        Map<String, byte[]> scripts = new LinkedHashMap<>(FuzzSeeds.frameScriptSeeds(frameSources, maxSize));
        assertThat(scripts).isNotEmpty();
        if (commit) {
            Map<String, byte[]> loopback =
                    FuzzSeeds.loopbackScriptSeeds(TestPaths.sampleCapture("ikev2-nat-ok"), maxSize);
            loopback.forEach((name, script) -> assertThat(ikeIn(script)).as(name).isPositive());
            scripts.putAll(loopback);
        }
        write(commit, PacketDecoderFuzzTest.class, "decodeFrames", scripts);

        Map<String, byte[]> capturesSeeds = commit ? FuzzSeeds.captureSeeds(maxSize) : whole(captures, maxSize);
        write(commit, CaptureReaderFuzzTest.class, "readCapture", capturesSeeds);

        if (commit) {
            // the targets with key material: the lab samples and their key logs (KeyedSeeds)
            Map<String, byte[]> hostile = KeyedSeeds.hostileMessageSeeds(maxSize);
            Map<String, byte[]> plaintexts = KeyedSeeds.chosenPlaintextSeeds(maxSize);
            Map<String, byte[]> keyFiles = KeyedSeeds.keyFileSeeds(maxSize);
            assertThat(hostile).isNotEmpty();
            assertThat(plaintexts).isNotEmpty();
            assertThat(keyFiles).isNotEmpty();
            write(commit, DecryptionFuzzTest.class, "decryptHostileMessages", hostile);
            write(commit, DecryptionFuzzTest.class, "decryptChosenPlaintext", plaintexts);
            write(commit, KeyFileFuzzTest.class, "readKeyFile", keyFiles);
            write(commit, DiagnosePipelineFuzzTest.class, "diagnoseCapture", KeyedSeeds.diagnoseSeeds(maxSize));
        } else {
            Map<String, byte[]> withoutKeys = new LinkedHashMap<>();
            capturesSeeds.forEach((name, capture) -> {
                byte[] seed = new byte[1 + capture.length];
                System.arraycopy(capture, 0, seed, 1, capture.length);
                withoutKeys.put(name, seed);
            });
            write(commit, DiagnosePipelineFuzzTest.class, "diagnoseCapture", withoutKeys);
        }
    }

    /** How many IKE messages the packet decoder finds in a frame script. */
    private static int ikeIn(byte[] script) {
        int[] found = {0};
        io.ikescope.net.PacketDecoder decoder = new io.ikescope.net.PacketDecoder(m -> found[0]++,
                io.ikescope.net.DecoderOptions.defaults());
        FrameScript.parse(script).frames().forEach(decoder::accept);
        decoder.finish();
        return found[0];
    }

    /** decodePayloadChain's input: version bit, first payload type, then the message body after the header. */
    private static Map<String, byte[]> chains(Map<String, byte[]> messages) {
        Map<String, byte[]> chains = new LinkedHashMap<>();
        messages.forEach((name, m) -> {
            byte[] chain = new byte[2 + m.length - 28];
            chain[0] = (byte) ((m[17] >> 4) == 2 ? 1 : 0);
            chain[1] = m[16];
            System.arraycopy(m, 28, chain, 2, m.length - 28);
            chains.put(name, chain);
        });
        return chains;
    }

    private static Map<String, byte[]> whole(List<Path> captures, int maxSize) {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (Path p : captures) {
            byte[] bytes = FuzzSeeds.read(p);
            if (bytes.length <= maxSize) {
                seeds.put("seed-public-" + FuzzSeeds.stem(p) + (p.toString().endsWith(".gz") ? ".gz" : ""), bytes);
            }
        }
        return seeds;
    }

    private static void write(boolean commit, Class<?> target, String method, Map<String, byte[]> seeds)
            throws IOException {
        Path dir = commit ? RESOURCES.resolve(target.getSimpleName() + "Inputs").resolve(method)
                : GENERATED.resolve(target.getName()).resolve(method);
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            if (commit) {
                assertThat(seed.getValue().length).isLessThanOrEqualTo(FuzzSeeds.MAX_COMMITTED_SEED);
            }
            Files.write(dir.resolve(seed.getKey().replaceAll("[^A-Za-z0-9._-]", "_")), seed.getValue());
        }
    }
}
