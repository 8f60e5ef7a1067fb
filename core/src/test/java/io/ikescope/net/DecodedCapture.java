package io.ikescope.net;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Reads a whole capture through {@link Captures} and a {@link PacketDecoder}, keeping everything found. */
public record DecodedCapture(String format, long frames, List<IkeDatagram> ike, List<EspPacket> esp,
                             List<String> readerWarnings, List<String> decoderWarnings, DecoderCounters counters) {

    public static DecodedCapture of(Path path) throws IOException {
        return of(path, DecoderOptions.defaults());
    }

    public static DecodedCapture of(Path path, DecoderOptions options) throws IOException {
        try (CaptureReader reader = Captures.open(path)) {
            return of(reader, options);
        }
    }

    public static DecodedCapture of(CaptureReader reader, DecoderOptions options) throws IOException {
        List<IkeDatagram> ike = new ArrayList<>();
        List<EspPacket> esp = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        PacketDecoder decoder = new PacketDecoder(new PacketSink() {
            @Override
            public void onIke(IkeDatagram message) {
                ike.add(message);
            }

            @Override
            public void onEsp(EspPacket packet) {
                esp.add(packet);
            }

            @Override
            public void onWarning(String warning) {
                warnings.add(warning);
            }
        }, options);
        long frames = 0;
        Frame f;
        while ((f = reader.next()) != null) {
            frames = f.number();
            decoder.accept(f);
        }
        decoder.finish();
        return new DecodedCapture(reader.format(), frames, ike, esp, reader.warnings(), warnings, decoder.counters());
    }

    public SortedSet<Long> ikeFrames() {
        SortedSet<Long> s = new TreeSet<>();
        ike.forEach(m -> s.add(m.frame()));
        return s;
    }

    public SortedSet<Long> espFrames() {
        SortedSet<Long> s = new TreeSet<>();
        esp.forEach(p -> s.add(p.frame()));
        return s;
    }
}
