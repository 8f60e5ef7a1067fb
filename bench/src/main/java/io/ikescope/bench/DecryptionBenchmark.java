package io.ikescope.bench;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.crypto.DecryptedMessage;
import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.crypto.Decryptor;
import io.ikescope.crypto.KeyRing;
import io.ikescope.crypto.keys.KeySources;
import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderOptions;
import io.ikescope.net.IkeDatagram;
import io.ikescope.net.PacketSink;
import io.ikescope.wire.IkeDecoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decodes and decrypts every IKE message of a real lab sample with its charon key log, as {@code dissect -k}
 * does after reading: a fresh {@link Decryptor} per pass (it is stateful), messages in capture order. The
 * score is the time per pass; bench/decryption-bench.sh turns it into messages and megabytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class DecryptionBenchmark {

    @Param({"ikev2-psk-ok", "ikev2-algorithms-ok", "ikev1-main-psk-ok", "ikev1-algorithms-ok"})
    public String sample;

    private KeyRing keys;
    private final List<IkeDatagram> datagrams = new ArrayList<>();

    @Setup
    public void load() throws IOException {
        Path samples = Path.of(System.getProperty("ikescope.samples", "samples"));
        keys = KeySources.load(List.of(samples.resolve(sample + ".keys.log")));
        try (CaptureReader reader = Captures.open(samples.resolve(sample + ".pcap"))) {
            CaptureScan.run(reader, DecoderOptions.defaults(), new PacketSink() {
                @Override
                public void onIke(IkeDatagram datagram) {
                    datagrams.add(datagram);
                }
            });
        }
        int ok = decryptAll();
        if (ok == 0) {
            throw new IllegalStateException(sample + ": nothing decrypted: the benchmark would measure nothing");
        }
    }

    /** Returns how many messages decrypted and verified, so the work cannot be optimised away. */
    @Benchmark
    public int decryptAll() {
        Decryptor decryptor = new Decryptor(keys);
        int ok = 0;
        for (IkeDatagram d : datagrams) {
            DecryptedMessage m = decryptor.process(d, IkeDecoder.decode(d.ike()));
            if (m.status() == DecryptionStatus.OK) {
                ok++;
            }
        }
        return ok;
    }
}
