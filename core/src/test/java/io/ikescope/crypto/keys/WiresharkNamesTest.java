package io.ikescope.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.crypto.KeyRing;
import io.ikescope.testsupport.TestPaths;
import io.ikescope.wire.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The algorithm names and key lengths against tshark 4.0 itself: a table holding every name with the key
 * lengths ikescope requires loads without complaint; a wrong name or length, or ChaCha20-Poly1305 (ikescope's
 * extension), makes tshark report the table.
 */
class WiresharkNamesTest {

    @Test
    void tsharkLoadsARowForEveryNameWithTheKeyLengthsRequiredHere(@TempDir Path home) throws IOException {
        KeyTestFiles.assumeTshark();
        List<Ikev2Keys> rows = new ArrayList<>();
        int n = 0;
        for (WiresharkEncryption e : WiresharkEncryption.values()) {
            if (e.wiresharkKnows()) {
                WiresharkIntegrity i = e.aead() ? WiresharkIntegrity.NONE : WiresharkIntegrity.HMAC_SHA1_96;
                rows.add(row(++n, e, i));
            }
        }
        for (WiresharkIntegrity i : WiresharkIntegrity.values()) {
            rows.add(row(++n, WiresharkEncryption.AES_CBC_128, i));
        }
        WiresharkTables.Tables tables = WiresharkTables.write(new KeyRing(List.of(), rows), KeySetResolver.NONE);
        assertThat(tables.skipped()).isEmpty();
        assertThat(tables.ikev2Rows()).isEqualTo(WiresharkEncryption.values().length - 1 + WiresharkIntegrity.values().length);
        KeyTestFiles.profile(home, tables);
        assertThat(KeyTestFiles.tsharkErrors(home, anyCapture())).isEmpty();
        // and what tshark loaded reads back here
        assertThat(KeySources.load(List.of(home.resolve("wireshark"))).ikev2()).hasSize(rows.size());
    }

    @Test
    void tsharkRefusesAWrongNameAWrongLengthAndChaCha20(@TempDir Path home) throws IOException {
        KeyTestFiles.assumeTshark();
        Path table = Files.createDirectories(home.resolve("wireshark")).resolve(WiresharkTables.IKEV2_FILE);
        String good = rowText(WiresharkEncryption.AES_CBC_128.wiresharkName(), 16, WiresharkIntegrity.HMAC_SHA1_96.wiresharkName(), 20);
        Files.writeString(table, good);
        assertThat(KeyTestFiles.tsharkErrors(home, anyCapture())).isEmpty();
        String sha1 = WiresharkIntegrity.HMAC_SHA1_96.wiresharkName();
        assertRefused(home, table, rowText("AES-CBC-128 [RFC3602] ", 16, sha1, 20), "invalid value: AES-CBC-128 [RFC3602] ");
        assertRefused(home, table, rowText(WiresharkEncryption.AES_CBC_128.wiresharkName(), 15, sha1, 20),
                "Length of SK_ei (15 octets) does not match");
        assertRefused(home, table, rowText(WiresharkEncryption.CHACHA20_POLY1305.wiresharkName(), 36,
                WiresharkIntegrity.NONE.wiresharkName(), 0), "invalid value: CHACHA20-POLY1305 [RFC7634]");
    }

    private static void assertRefused(Path home, Path table, String row, String message) throws IOException {
        Files.writeString(table, row);
        assertThat(KeyTestFiles.tsharkErrors(home, anyCapture())).as(row).contains(message);
    }

    private static Ikev2Keys row(int n, WiresharkEncryption e, WiresharkIntegrity i) {
        return new Ikev2Keys(spi(n), spi(n + 1000), filled(e.keyBytes(), 1), filled(e.keyBytes(), 2),
                filled(i.keyBytes(), 3), filled(i.keyBytes(), 4), e.spec(), i.spec(), "row " + n);
    }

    private static String rowText(String encryption, int keyBytes, String integrity, int integrityBytes) {
        return spi(1).hex() + "," + spi(2).hex() + "," + filled(keyBytes, 1).hex() + "," + filled(keyBytes, 2).hex()
                + ",\"" + encryption + "\"," + filled(integrityBytes, 3).hex() + "," + filled(integrityBytes, 4).hex()
                + ",\"" + integrity + "\"\n";
    }

    private static Bytes spi(int n) {
        byte[] b = new byte[8];
        b[0] = 0x10;
        b[6] = (byte) (n >> 8);
        b[7] = (byte) n;
        return Bytes.of(b);
    }

    private static Bytes filled(int length, int value) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) value);
        return Bytes.of(b);
    }

    private static Path anyCapture() {
        return TestPaths.sample("ikev2-psk-ok.pcap");
    }
}
