package io.ikescope.probe.ikev1;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;
import io.ikescope.net.DecoderOptions;
import io.ikescope.net.IkeDatagram;
import io.ikescope.net.PacketDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The IKE messages of a committed lab capture (samples/NAME.pcap), read with core's capture readers. */
final class LabSamples {
    private LabSamples() {
    }

    static List<IkeDatagram> messages(String name) throws IOException {
        List<IkeDatagram> found = new ArrayList<>();
        try (CaptureReader reader = Captures.open(samples().resolve(name + ".pcap"))) {
            PacketDecoder decoder = new PacketDecoder(found::add, DecoderOptions.defaults());
            Frame f;
            while ((f = reader.next()) != null) {
                decoder.accept(f);
            }
            decoder.finish();
        }
        return found;
    }

    /** The IKE bytes of the capture's message in frame {@code frame}. */
    static byte[] frame(String name, long frame) throws IOException {
        for (IkeDatagram d : messages(name)) {
            if (d.frame() == frame) {
                return d.ike();
            }
        }
        throw new IllegalArgumentException(name + " has no IKE message in frame " + frame);
    }

    static Path samples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("samples")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.resolve("samples");
            }
        }
        throw new IllegalStateException("no ancestor of the working directory holds samples/ and pom.xml");
    }
}
