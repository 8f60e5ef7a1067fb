package io.ikescope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ikescope.capture.Frame;
import io.ikescope.net.DecoderCounters;
import io.ikescope.net.DecoderOptions;
import io.ikescope.net.EspPacket;
import io.ikescope.net.FrameTriage;
import io.ikescope.net.IkeDatagram;
import io.ikescope.net.PacketDecoder;
import io.ikescope.net.PacketSink;
import io.ikescope.testsupport.RecordingSink;

/**
 * Frames of every link type the decoder reads (see {@link FrameScript}), one after the other so that IP
 * reassembly and TCP streams carry state between them: the decoder must never throw, and what it hands on must
 * make sense. With bit 7 of the first byte the decoder runs under tight limits, so eviction paths run too. A second
 * pair of decoders checks {@link FrameTriage}: told only of the frames it keeps, a decoder finds the same.
 */
class PacketDecoderFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void decodeFrames(byte[] input) {
        FrameScript script = FrameScript.parse(input);
        DecoderOptions options = script.tightLimits()
                ? DecoderOptions.defaults().withFragmentLimits(2, 4096, 3_000_000_000L, 3).withTcpLimits(2, 65_535)
                : DecoderOptions.defaults();
        int frames = script.frames().size();
        PacketDecoder decoder = new PacketDecoder(new PacketSink() {
            @Override
            public void onIke(IkeDatagram m) {
                if (m.ike().length < 28 || m.frame() < 1 || m.frame() > frames) {
                    throw new AssertionError("IKE message of " + m.ike().length + " bytes from frame " + m.frame());
                }
            }

            @Override
            public void onEsp(EspPacket p) {
                if (p.frame() < 1 || p.frame() > frames) {
                    throw new AssertionError("ESP packet from frame " + p.frame());
                }
            }
        }, options);
        for (Frame f : script.frames()) {
            decoder.accept(f);
        }
        decoder.finish();
        DecoderCounters counters = decoder.counters();
        if (counters.frames() != frames) {
            throw new AssertionError(counters.frames() + " frames counted of " + frames);
        }
        triageChangesNothing(script, options);
    }

    /** The frames the triage rules out, only counted ({@link PacketDecoder#skip}), change nothing decoded. */
    private static void triageChangesNothing(FrameScript script, DecoderOptions options) {
        RecordingSink every = new RecordingSink();
        RecordingSink triaged = new RecordingSink();
        PacketDecoder all = new PacketDecoder(every, options);
        PacketDecoder some = new PacketDecoder(triaged, options);
        FrameTriage triage = new FrameTriage(options);
        for (Frame f : script.frames()) {
            all.accept(f);
            if (triage.mayMatter(f)) {
                some.accept(f);
            } else {
                some.skip(f.number(), f.epochNanos());
            }
        }
        all.finish();
        some.finish();
        if (!every.describe().equals(triaged.describe()) || !all.counters().equals(some.counters())) {
            throw new AssertionError("skipping the frames the triage ruled out changed the result:\n"
                    + every.describe() + "\n" + all.counters() + "\nagainst\n" + triaged.describe() + "\n"
                    + some.counters());
        }
    }
}
