package io.ikescope.capture;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a capture, detecting its format from the first bytes: pcap (either byte order, microsecond or
 * nanosecond timestamps), pcapng, or either of them gzip-compressed (possibly several concatenated members).
 *
 * <p>Errors that make the input unreadable are {@link CaptureException}s naming the input and the byte offset.
 * A capture whose last record is cut short (a full disk, a killed tcpdump) is not an error: the frames before
 * it are delivered and the cut is reported in {@link CaptureReader#warnings()}, as tshark shows the earlier
 * frames and then complains.
 */
public final class Captures {
    private static final int GZIP_MAGIC = 0x1f8b;

    private Captures() {
    }

    /**
     * Opens a capture file. A plain pcap file's reader keeps the channel it reads, so that the file can be read in
     * byte ranges through that one open file (a file deleted or replaced meanwhile is still the one read).
     */
    public static CaptureReader open(Path path) throws CaptureException {
        FileChannel channel = openFile(path);
        return open(Channels.newInputStream(channel), path.toString(), channel);
    }

    /** The file opened for reading, with the errors of {@link #open(Path)} when it cannot be. */
    static InputStream fileStream(Path path) throws CaptureException {
        return Channels.newInputStream(openFile(path));
    }

    /**
     * The capture's bytes as its format reader sees them, gzip undone (the annotated copy walks them block by block);
     * closing the returned stream closes {@code raw}.
     */
    static InputStream plainStream(InputStream raw, String name) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 2);
        byte[] head = in.readNBytes(2);
        in.unread(head);
        if (head.length == 2 && Bytes.u16(head, 0) == GZIP_MAGIC) {
            try {
                return new GZIPInputStream(in, 1 << 16);
            } catch (EOFException | ZipException e) {
                in.close();
                throw new CaptureException(name, 0, "corrupt gzip header: " + e.getMessage());
            }
        }
        return in;
    }

    private static FileChannel openFile(Path path) throws CaptureException {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new CaptureException(name, -1, "is a directory, not a capture file");
        }
        FileChannel in;
        try {
            in = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new CaptureException(name, -1, "no such file");
        } catch (AccessDeniedException e) {
            throw new CaptureException(name, -1, "permission denied");
        } catch (FileSystemException e) {
            // The reason alone: the message would name the file a second time.
            throw new CaptureException(name, -1, "cannot open: " + (e.getReason() != null ? e.getReason()
                    : e.getMessage()));
        } catch (IOException e) {
            throw new CaptureException(name, -1, "cannot open: " + e.getMessage());
        }
        return in;
    }

    /**
     * Reads a capture from a stream (for example standard input for {@code -}); the stream is closed with the reader.
     *
     * @param displayName how messages name the input
     */
    public static CaptureReader open(InputStream in, String displayName) throws CaptureException {
        return open(in, displayName, null);
    }

    /** {@code file}: what {@code in} reads when it is a file (a plain pcap file can then be read in ranges). */
    private static CaptureReader open(InputStream in, String displayName, FileChannel file) throws CaptureException {
        try {
            return detect(in, displayName, file);
        } catch (CaptureException e) {
            closeQuietly(in);
            throw e;
        } catch (IOException e) {
            closeQuietly(in);
            throw new CaptureException(displayName, -1, "cannot read: " + e.getMessage());
        }
    }

    private static CaptureReader detect(InputStream raw, String name, FileChannel file) throws IOException {
        CountingInputStream counted = new CountingInputStream(raw);
        PushbackInputStream in = new PushbackInputStream(counted, 4);
        byte[] head = new byte[4];
        int n = in.readNBytes(head, 0, 4);
        if (n == 0) {
            throw new CaptureException(name, 0, "empty file: no capture header");
        }
        in.unread(head, 0, n);
        if (n >= 2 && Bytes.u16(head, 0) == GZIP_MAGIC) {
            InputStream unzipped;
            try {
                unzipped = new GZIPInputStream(in, 1 << 16);
            } catch (EOFException | ZipException e) {
                throw new CaptureException(name, 0, "corrupt gzip header: " + e.getMessage());
            }
            return detectPlain(unzipped, counted, name, "+gzip", null);
        }
        return detectPlain(in, counted, name, "", file);
    }

    private static CaptureReader detectPlain(InputStream in, CountingInputStream counted, String name, String suffix,
                                             FileChannel file) throws IOException {
        StreamBuffer buffer = new StreamBuffer(in, counted, name);
        int available = buffer.require(4);
        String what = suffix.isEmpty() ? "" : " inside the gzip stream";
        if (available == 0) {
            throw new CaptureException(name, 0, "empty " + (suffix.isEmpty() ? "file" : "gzip stream")
                    + ": no capture header" + (buffer.earlyEnd() != null ? " (" + buffer.earlyEnd() + ")" : ""));
        }
        if (available < 4) {
            throw new CaptureException(name, 0, "truncated capture header" + what + ": needs 4 bytes, "
                    + available + " remain");
        }
        int magic = Bytes.int32(buffer.array(), buffer.position(), false);
        int swapped = Integer.reverseBytes(magic);
        if (magic == PcapngReader.SECTION_HEADER) {
            return new PcapngReader(buffer, name, "pcapng" + suffix);
        }
        if (magic == PcapReader.MAGIC_MICROS || magic == PcapReader.MAGIC_NANOS
                || swapped == PcapReader.MAGIC_MICROS || swapped == PcapReader.MAGIC_NANOS) {
            return new PcapReader(buffer, name, "pcap" + suffix, file);
        }
        throw new CaptureException(name, 0, String.format("not a pcap or pcapng capture%s (magic 0x%08x)", what,
                swapped));
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Already failing; the original error is the one worth reporting.
        }
    }
}
