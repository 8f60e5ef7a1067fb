package io.ikescope.bench;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.capture.Frame;
import io.ikescope.net.DecoderOptions;
import io.ikescope.net.EspPacket;
import io.ikescope.net.IkeDatagram;
import io.ikescope.net.PacketDecoder;
import io.ikescope.net.PacketSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads a whole capture (from the page cache) per invocation. Throughput = file size / score; the script
 * bench/reader-bench.sh makes the capture and prints GB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class ReaderBenchmark {

    @Param("bench/out/reader-1000MB.pcap")
    public String capture;

    /** The capture reader alone: every record header parsed, every frame handed out. */
    @Benchmark
    public long readFrames() throws IOException {
        long bytes = 0;
        try (CaptureReader reader = Captures.open(Path.of(capture))) {
            for (Frame f = reader.next(); f != null; f = reader.next()) {
                bytes += f.capturedLength();
            }
        }
        return bytes;
    }

    /** Reader plus link/IP/UDP/TCP decoding: what every command pays before IKE decoding. */
    @Benchmark
    public long readAndDecode() throws IOException {
        long[] found = new long[1];
        PacketSink sink = new PacketSink() {
            @Override
            public void onIke(IkeDatagram message) {
                found[0]++;
            }

            @Override
            public void onEsp(EspPacket packet) {
                found[0]++;
            }
        };
        PacketDecoder decoder = new PacketDecoder(sink, DecoderOptions.defaults());
        try (CaptureReader reader = Captures.open(Path.of(capture))) {
            for (Frame f = reader.next(); f != null; f = reader.next()) {
                decoder.accept(f);
            }
        }
        return found[0];
    }
}
