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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Runs the reconstruction over a real capture for tests (TestPaths finds the samples and the corpus). */
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
}
