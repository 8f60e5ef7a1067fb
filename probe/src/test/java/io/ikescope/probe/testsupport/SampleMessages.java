package io.ikescope.probe.testsupport;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;
import io.ikescope.net.DecoderOptions;
import io.ikescope.net.IkeDatagram;
import io.ikescope.net.PacketDecoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The IKE messages of a committed lab capture, in capture order: real answers to test the answer readers on. */
public final class SampleMessages {
    private SampleMessages() {
    }

    public static List<IkeDatagram> read(Path capture) throws Exception {
        List<IkeDatagram> all = new ArrayList<>();
        PacketDecoder decoder = new PacketDecoder(all::add, DecoderOptions.defaults());
        try (CaptureReader r = Captures.open(capture)) {
            for (Frame f = r.next(); f != null; f = r.next()) {
                decoder.accept(f);
            }
        }
        decoder.finish();
        return all;
    }
}
