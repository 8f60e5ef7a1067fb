package io.ikescope.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderOptions;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key of a message's bytes: equal for equal bytes, apart for every pair of different messages seen. */
class RetransmissionKeyTest {
    @Test
    void everyDistinctMessageOfTheSamplesHasItsOwnKeyAndEqualBytesShareOne() throws IOException {
        Map<ByteBuffer, Long> keys = new HashMap<>();
        Map<Long, ByteBuffer> messages = new HashMap<>();
        try (DirectoryStream<Path> samples = Files.newDirectoryStream(TestPaths.samples(), "*.pcap")) {
            for (Path sample : samples) {
                try (CaptureReader reader = Captures.open(sample)) {
                    CaptureScan.run(reader, DecoderOptions.defaults(), datagram -> {
                        byte[] bytes = datagram.ike();
                        long key = RetransmissionKey.of(bytes);
                        ByteBuffer content = ByteBuffer.wrap(bytes.clone());
                        Long before = keys.putIfAbsent(content, key);
                        assertThat(before == null ? key : before).isEqualTo(key);
                        ByteBuffer other = messages.putIfAbsent(key, content);
                        assertThat(other == null ? content : other).as("a key shared by two messages")
                                .isEqualTo(content);
                    });
                }
            }
        }
        assertThat(messages.size()).as("distinct messages in the samples").isGreaterThan(400);
    }

    @Test
    void oneBitOrOneZeroByteMoreChangesTheKey() throws IOException {
        byte[] message = firstMessage(TestPaths.sampleCapture("ikev2-psk-ok"));
        Map<Long, String> seen = new HashMap<>();
        seen.put(RetransmissionKey.of(message), "the message");
        for (int bit = 0; bit < message.length * 8; bit++) {
            byte[] flipped = message.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(seen.put(RetransmissionKey.of(flipped), "bit " + bit)).as("bit %d", bit).isNull();
        }
        for (int length = 0; length <= 24; length++) {
            assertThat(seen.put(RetransmissionKey.of(new byte[length]), length + " zero bytes")).as("%d zeros", length)
                    .isNull();
        }
        byte[] longer = Arrays.copyOf(message, message.length + 1);
        assertThat(seen.put(RetransmissionKey.of(longer), "a zero byte more")).isNull();
    }

    private static byte[] firstMessage(Path capture) throws IOException {
        byte[][] first = new byte[1][];
        try (CaptureReader reader = Captures.open(capture)) {
            CaptureScan.run(reader, DecoderOptions.defaults(), datagram -> {
                if (first[0] == null) {
                    first[0] = datagram.ike();
                }
            });
        }
        return first[0];
    }
}
