package io.ikescope.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The window's array: 64 KiB until that much has come from the stream, then the full MiB, never more. */
class StreamBufferGrowthTest {
    @Test
    void aStreamSmallerThanTheFirstReadKeepsTheSmallArrayToItsEnd() throws IOException {
        StreamBuffer b = buffer(new ByteArrayInputStream(new byte[6624]));
        assertThat(b.require(24)).isEqualTo(6624);
        b.advance(6624);
        assertThat(b.require(16)).isZero();
        assertThat(b.array()).hasSize(StreamBuffer.FIRST_READ);
    }

    @Test
    void aLargerStreamTakesTheFullArrayOnceTheFirstReadIsUsedUp() throws IOException {
        StreamBuffer b = buffer(new ByteArrayInputStream(pattern(3 << 20)));
        assertThat(b.require(24)).isEqualTo(StreamBuffer.FIRST_READ);
        assertThat(b.array()).hasSize(StreamBuffer.FIRST_READ);
        b.advance(StreamBuffer.FIRST_READ - 10);
        assertThat(b.require(100)).isGreaterThanOrEqualTo(100);
        assertThat(b.array()).hasSize(StreamBuffer.CAPACITY);
        // the ten bytes not yet consumed were kept across the growth
        assertThat(b.array()[b.position()]).isEqualTo((byte) (StreamBuffer.FIRST_READ - 10));
        assertThat(b.offset()).isEqualTo(StreamBuffer.FIRST_READ - 10);
    }

    @Test
    void shortReadsGrowTheArrayOnlyAfterTheFirstReadsWorth() throws IOException {
        StreamBuffer b = buffer(new TrickleStream(new ByteArrayInputStream(pattern(200_000)), 1000));
        long consumed = 0;
        while (b.require(500) >= 500) {
            if (consumed + b.buffered() <= StreamBuffer.FIRST_READ) {
                assertThat(b.array()).as("after %d bytes", consumed).hasSize(StreamBuffer.FIRST_READ);
            } else if (consumed > StreamBuffer.FIRST_READ + 2000) {
                // grown at the first refill after the first read's worth had come
                assertThat(b.array()).as("after %d bytes", consumed).hasSize(StreamBuffer.CAPACITY);
            }
            assertThat(b.array()[b.position()]).isEqualTo((byte) consumed);
            b.advance(500);
            consumed += 500;
        }
        assertThat(consumed).isEqualTo(200_000);
        assertThat(b.array()).hasSize(StreamBuffer.CAPACITY);
    }

    @Test
    void aFirstRecordLargerThanTheSmallArrayGrowsItAtOnce() throws IOException {
        StreamBuffer b = buffer(new ByteArrayInputStream(pattern(200_000)));
        assertThat(b.require(100_000)).isGreaterThanOrEqualTo(100_000);
        assertThat(b.array()).hasSize(StreamBuffer.CAPACITY);
    }

    private static StreamBuffer buffer(InputStream in) {
        CountingInputStream counted = new CountingInputStream(in);
        return new StreamBuffer(counted, counted, "test");
    }

    private static byte[] pattern(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /** At most {@code chunk} bytes a read, as a pipe gives them. */
    private static final class TrickleStream extends FilterInputStream {
        private final int chunk;

        TrickleStream(InputStream in, int chunk) {
            super(in);
            this.chunk = chunk;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
