package io.ikescope.net;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;

import io.ikescope.testsupport.RecordingSink;

import java.io.IOException;
import java.nio.file.Path;
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
        RecordingSink found = new RecordingSink();
        PacketDecoder decoder = new PacketDecoder(found, options);
        long frames = 0;
        Frame f;
        while ((f = reader.next()) != null) {
            frames = f.number();
            decoder.accept(f);
        }
        decoder.finish();
        return new DecodedCapture(reader.format(), frames, found.ike, found.esp, reader.warnings(), found.warnings,
                decoder.counters());
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
