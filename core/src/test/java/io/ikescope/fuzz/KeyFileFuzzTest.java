package io.ikescope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ikescope.crypto.DecryptedMessage;
import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.crypto.Decryptor;
import io.ikescope.crypto.Ikev1Keys;
import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.crypto.keys.KeySourceException;
import io.ikescope.crypto.keys.KeySources;
import io.ikescope.crypto.keys.LoadedKeys;
import io.ikescope.net.IkeDatagram;
import io.ikescope.wire.IkeDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Hostile key files (Wireshark ikev1/ikev2 decryption tables, tcpdump IKEv2 secrets, strongSwan charon logs,
 * any of them gzip'd) to {@link KeySources}: keys, or a {@link KeySourceException} naming the file (and the line
 * when there is one); never another exception. Keys that load are then used on a lab sample's messages, so that
 * whatever lengths and algorithms a key file claims also meet the decryptor.
 *
 * <p>Input: byte 0 says how to read (bit 0: the file inside a directory given instead of the file itself; bit 1:
 * gzip the content first) and, in its upper bits, which sample to decrypt; the rest is the file's content.
 */
class KeyFileFuzzTest {
    private static final Path DIR;
    private static final Path FILE;

    static {
        try {
            DIR = Files.createTempDirectory("ikescope-keyfile-fuzz");
            FILE = DIR.resolve("keys.log");
            // deleted in reverse order of registration: the file, then its directory
            DIR.toFile().deleteOnExit();
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void readKeyFile(byte[] input) throws IOException {
        if (input.length < 1) {
            return;
        }
        boolean asDirectory = (input[0] & 1) != 0;
        byte[] content = Arrays.copyOfRange(input, 1, input.length);
        Files.write(FILE, (input[0] & 2) != 0 ? FuzzSeeds.gzip(content) : content);
        Path given = asDirectory ? DIR : FILE;
        LoadedKeys loaded;
        try {
            loaded = KeySources.read(List.of(given));
        } catch (KeySourceException e) {
            String where = e.source() + (e.line() > 0 ? ":" + e.line() : "") + ": ";
            if (!e.source().equals(FILE.toString()) && !e.source().equals(DIR.toString())) {
                throw new AssertionError("an error naming neither the file nor the directory: " + e.getMessage(), e);
            }
            if (e.line() < 0 || !e.getMessage().startsWith(where) || e.getMessage().length() <= where.length()) {
                throw new AssertionError("an error without file, line or problem: " + e.getMessage(), e);
            }
            return;
        }
        if (loaded.keyRing().isEmpty()) {
            // A file that holds no keys is a warning, not an error, and the warning must say why, naming the file.
            String why = loaded.withoutKeys();
            if (loaded.warnings().isEmpty() || why == null || why.isBlank()
                    || !why.contains(FILE.toString()) && !why.contains(DIR.toString())) {
                throw new AssertionError("no keys, and no warning naming the file says why: " + loaded.warnings());
            }
        }
        for (String w : loaded.warnings()) {
            if (w == null || w.isBlank()) {
                throw new AssertionError("an empty warning");
            }
        }
        for (Ikev2Keys k : loaded.keyRing().ikev2()) {
            if (k.origin() == null || k.origin().isBlank()) {
                throw new AssertionError("IKEv2 keys without an origin");
            }
        }
        for (Ikev1Keys k : loaded.keyRing().ikev1()) {
            if (k.origin() == null || k.origin().isBlank() || k.encryptionKey() == null) {
                throw new AssertionError("IKEv1 keys without an origin or a key");
            }
        }
        List<KeyedSamples.Sample> samples = KeyedSamples.samples();
        KeyedSamples.Sample sample = samples.get(((input[0] & 0xff) >> 2) % samples.size());
        Decryptor decryptor = new Decryptor(loaded.keyRing());
        for (IkeDatagram d : sample.datagrams()) {
            DecryptedMessage r = decryptor.process(d, IkeDecoder.decode(d.ike()));
            boolean failed = r.status() == DecryptionStatus.FAILED;
            if (failed != (r.error() != null) || (failed && r.error().isBlank())) {
                throw new AssertionError(r.status() + " with the reason \"" + r.error() + "\"");
            }
        }
    }
}
