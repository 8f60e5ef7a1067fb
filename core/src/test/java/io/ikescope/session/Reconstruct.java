package io.ikescope.session;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.crypto.Decryptor;
import io.ikescope.crypto.keys.KeySources;
import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderOptions;
import io.ikescope.net.EspPacket;
import io.ikescope.net.IcmpUnreachable;
import io.ikescope.net.IkeDatagram;
import io.ikescope.net.IncompleteDatagram;
import io.ikescope.net.PacketSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;

/** Runs the reconstruction over a real capture, and finds the samples and the public corpus for tests. */
public final class Reconstruct {
    private Reconstruct() {
    }

    /** What one capture gave. */
    public record Result(List<Negotiation> negotiations, List<String> warnings) {
        public Negotiation only() {
            if (negotiations.size() != 1) {
                throw new AssertionError("expected one negotiation, got " + negotiations.size());
            }
            return negotiations.get(0);
        }
    }

    public static Result run(Path capture) throws IOException {
        return run(capture, MessageSource.withoutKeys(), TrackerOptions.defaults());
    }

    public static Result run(Path capture, MessageSource source, TrackerOptions options) throws IOException {
        List<Negotiation> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        SessionTracker tracker = new SessionTracker(capture.getFileName().toString(), options, new IdSequence(), out::add);
        try (CaptureReader reader = Captures.open(capture)) {
            CaptureScan.run(reader, DecoderOptions.defaults(), tracker.packetSink(source, warnings::add));
        }
        tracker.finish();
        warnings.addAll(tracker.warnings());
        return new Result(out, warnings);
    }

    /**
     * {@link #run(Path)} with each ICMP destination unreachable passed through {@code icmp} on its way from the
     * decoder to the tracker: changed (a quote cut short, another code) or withheld (null).
     */
    public static Result runRewritingIcmp(Path capture, TrackerOptions options,
                                          UnaryOperator<IcmpUnreachable> icmp) throws IOException {
        List<Negotiation> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        SessionTracker tracker = new SessionTracker(capture.getFileName().toString(), options, new IdSequence(), out::add);
        PacketSink tracking = tracker.packetSink(MessageSource.withoutKeys(), warnings::add);
        try (CaptureReader reader = Captures.open(capture)) {
            CaptureScan.run(reader, DecoderOptions.defaults(), new PacketSink() {
                @Override
                public void onIke(IkeDatagram message) {
                    tracking.onIke(message);
                }

                @Override
                public void onEsp(EspPacket packet) {
                    tracking.onEsp(packet);
                }

                @Override
                public void onIncompleteDatagram(IncompleteDatagram datagram) {
                    tracking.onIncompleteDatagram(datagram);
                }

                @Override
                public void onIcmpUnreachable(IcmpUnreachable error) {
                    IcmpUnreachable changed = icmp.apply(error);
                    if (changed != null) {
                        tracking.onIcmpUnreachable(changed);
                    }
                }
            });
        }
        tracker.finish();
        warnings.addAll(tracker.warnings());
        return new Result(out, warnings);
    }

    /**
     * The decrypting source {@code diagnose -k} uses: the key files read by {@link KeySources#load}, one
     * {@link Decryptor} for the run, {@link MessageSource#decrypting}. One per capture run (the decryptor is stateful).
     */
    public static MessageSource decrypting(List<Path> keyFiles) throws IOException {
        return MessageSource.decrypting(new Decryptor(KeySources.load(keyFiles)));
    }

    /** {@link #run(Path, MessageSource, TrackerOptions)} with the keys of {@code keyFiles}. */
    public static Result runWithKeys(Path capture, List<Path> keyFiles) throws IOException {
        return run(capture, decrypting(keyFiles), TrackerOptions.defaults());
    }

    /** The repository root (surefire's ikescope.root); the test is skipped without it. */
    public static Path root() {
        String root = System.getProperty("ikescope.root");
        Assumptions.assumeTrue(root != null, "system property ikescope.root is not set (run through Maven)");
        return Path.of(root);
    }

    /** samples/ of the repository, or the test is skipped. */
    public static Path samples() {
        Path samples = root().resolve("samples");
        Assumptions.assumeTrue(Files.isRegularFile(samples.resolve("index.json")), "samples/index.json not found");
        return samples;
    }

    public static Path sample(String name) {
        Path p = samples().resolve(name + ".pcap");
        Assumptions.assumeTrue(Files.isRegularFile(p), "sample " + p + " not found");
        return p;
    }

    /** The public corpus (${ikescope.root}/../shared/corpus/public), or the test is skipped. */
    public static Path corpus() {
        Path corpus = root().resolve("../shared/corpus/public").normalize();
        Assumptions.assumeTrue(Files.isDirectory(corpus), "shared corpus not found at " + corpus);
        return corpus;
    }
}
