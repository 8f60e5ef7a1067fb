package io.ikescope.crypto.keys;

import static io.ikescope.testsupport.TestPaths.publicCorpusOrSkip;
import static io.ikescope.testsupport.TestPaths.repositoryRoot;
import static io.ikescope.testsupport.TestPaths.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.crypto.KeyRing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad key material gives one clear message naming the file, the line and the problem. The table lines are
 * real rows (from Wireshark's own test table and the Openswan keys of the corpus) with one field spoiled.
 */
class KeySourceErrorsTest {
    @TempDir
    Path dir;

    /** A real IKEv2 row: AES-CBC-256 with HMAC_SHA2_256_128, from Wireshark's test configuration. */
    private String goodRow;
    private String[] fields;

    @BeforeEach
    void realRow() throws IOException {
        goodRow = Files.readAllLines(publicCorpusOrSkip().resolve("wireshark/keys/ikev2_decryption_table"))
                .stream().filter(l -> l.contains("AES-CBC-256")).findFirst().orElseThrow();
        fields = goodRow.split(",");
        assertThat(fields).hasSize(8);
    }

    @Test
    void aLineWithTheWrongFieldCountIsNamedWithItsLine() throws IOException {
        Path table = write("ikev2_decryption_table", "# comment\n" + goodRow + "\n" + String.join(",", List.of(fields).subList(0, 7)) + "\n");
        assertThatThrownBy(() -> KeySources.load(List.of(table))).isInstanceOf(KeySourceException.class)
                .hasMessage(table + ":3: 7 fields where an ikev2_decryption_table line has 8: SPIi,SPIr,SK_ei,SK_er,"
                        + "\"encryption algorithm\",SK_ai,SK_ar,\"integrity algorithm\"");
    }

    @Test
    void aFirstLineWithNeitherTwoNorEightFieldsCannotBeEitherTable() throws IOException {
        Path table = write("keys", String.join(",", List.of(fields).subList(0, 3)) + "\n");
        assertThatThrownBy(() -> KeySources.load(List.of(table))).isInstanceOf(KeySourceException.class)
                .hasMessageStartingWith(table + ":1: 3 fields in a decryption table line: an ikev1_decryption_table"
                        + " line has 2 fields");
    }

    @Test
    void badHexNamesTheColumn() throws IOException {
        String[] f = fields.clone();
        f[2] = f[2].substring(0, 10) + "zz" + f[2].substring(12);
        Path table = write("t", goodRow + "\n" + String.join(",", f) + "\n");
        assertThatThrownBy(() -> KeySources.load(List.of(table))).hasMessageStartingWith(table + ":2: SK_ei (field 3)"
                + " is not hex: \"" + f[2].substring(0, 24) + "...\"");
        f[2] = f[2].substring(1);
        Path odd = write("t2", String.join(",", f) + "\n");
        assertThatThrownBy(() -> KeySources.load(List.of(odd))).hasMessageContaining(odd + ":1: SK_ei (field 3) is not hex");
    }

    @Test
    void anUnknownAlgorithmNameIsQuotedAndTheKnownNamesListed() throws IOException {
        String[] f = fields.clone();
        f[4] = "\"AES-CBC-257 [RFC3602]\"";
        Path table = write("t", String.join(",", f) + "\n");
        assertThatThrownBy(() -> KeySources.load(List.of(table)))
                .hasMessageStartingWith(table + ":1: unknown encryption algorithm \"AES-CBC-257 [RFC3602]\" (field 5);"
                        + " the names are \"NULL [RFC2410]\", \"3DES [RFC2451]\"");
        f = fields.clone();
        f[7] = "\"HMAC_SHA2_256 [RFC4868]\"";
        Path integrity = write("t2", String.join(",", f) + "\n");
        assertThatThrownBy(() -> KeySources.load(List.of(integrity)))
                .hasMessageContaining(":1: unknown integrity algorithm \"HMAC_SHA2_256 [RFC4868]\" (field 8)");
    }

    @Test
    void keyLengthsMustFitTheAlgorithmAsWiresharkRequires() throws IOException {
        String[] f = fields.clone();
        f[3] = f[3].substring(2);
        Path table = write("t", String.join(",", f) + "\n");
        assertThatThrownBy(() -> KeySources.load(List.of(table)))
                .hasMessage(table + ":1: SK_er has 31 bytes; AES-CBC-256 [RFC3602] takes 32");
        f = fields.clone();
        f[1] = f[1] + "00";
        Path spi = write("t2", String.join(",", f) + "\n");
        assertThatThrownBy(() -> KeySources.load(List.of(spi)))
                .hasMessage(spi + ":1: SPIr (field 2) has 9 bytes; it must have 8 (16 hex digits)");
    }

    @Test
    void anAeadCipherTakesNoIntegrityAlgorithm() throws IOException {
        String gcm = Files.readAllLines(publicCorpusOrSkip().resolve("wireshark/keys/ikev2_decryption_table"))
                .stream().filter(l -> l.contains("AES-GCM-256 with 16")).findFirst().orElseThrow();
        String[] f = gcm.split(",");
        f[7] = "\"HMAC_SHA1_96 [RFC2404]\"";
        f[5] = "00".repeat(20);
        f[6] = "00".repeat(20);
        Path table = write("t", String.join(",", f) + "\n");
        assertThatThrownBy(() -> KeySources.load(List.of(table))).hasMessage(table + ":1: AES-GCM-256 with 16 octet ICV"
                + " [RFC5282] is an AEAD cipher: its integrity algorithm must be NONE [RFC4306], not HMAC_SHA1_96 [RFC2404]");
    }

    @Test
    void blanksCaseAndQuotedHexAreForgivenButNotACommentAfterARecord() throws IOException {
        String[] f = fields.clone();
        Ikev2Keys expected = KeySources.load(List.of(write("good", goodRow + "\n"))).ikev2().get(0);
        String lenient = "  " + f[0].toUpperCase() + " , \"" + f[1] + "\"," + f[2] + "," + f[3] + ", "
                + f[4].toLowerCase() + "," + f[5] + "," + f[6] + "," + f[7] + "   \r\n";
        Ikev2Keys read = KeySources.load(List.of(write("lenient", lenient))).ikev2().get(0);
        assertThat(CorpusKeyFilesTest.withoutOrigin(read)).isEqualTo(CorpusKeyFilesTest.withoutOrigin(expected));
        Path commented = write("commented", goodRow + " # the lab\n");
        assertThatThrownBy(() -> KeySources.load(List.of(commented)))
                .hasMessageStartingWith(commented + ":1: column " + (goodRow.length() + 2) + ": unexpected '#' after field 8");
    }

    @Test
    void ikev1RowsNeedAnEightByteCookieAndAKey() throws IOException {
        String v1 = Files.readAllLines(publicCorpusOrSkip().resolve("wireshark/keys/ikev1_decryption_table"))
                .stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
        Path shortCookie = write("v1", v1.substring(2) + "\n");
        assertThatThrownBy(() -> KeySources.load(List.of(shortCookie)))
                .hasMessage(shortCookie + ":1: initiator cookie (field 1) has 7 bytes; it must have 8 (16 hex digits)");
        Path noKey = write("v1b", v1 + "\n" + v1.substring(0, 17) + "\n");
        assertThatThrownBy(() -> KeySources.load(List.of(noKey)))
                .hasMessage(noKey + ":2: encryption key of 0 bytes; Wireshark takes 1 to 256");
    }

    @Test
    void aBinaryFileAndAnUnrelatedTextFileAreRefusedWhenNamedAnEmptyFileIsAWarning() throws IOException {
        // an empty file holds no keys (a charon that never ran): the capture can still be read without them
        Path empty = write("empty", "");
        LoadedKeys none = KeySources.read(List.of(empty));
        assertThat(none.keyRing().isEmpty()).isTrue();
        assertThat(none.warnings()).containsExactly(empty + ": empty file: no key material");
        assertThat(none.withoutKeys()).isEqualTo(empty + ": empty file: no key material");
        Path blanks = write("blanks", "\n  \n");
        assertThat(KeySources.read(List.of(blanks)).warnings()).containsExactly(blanks + ": empty file: no key material");
        Path binary = Files.copy(sample("ikev2-psk-ok.pcap"), dir.resolve("capture.pcap"));
        assertThatThrownBy(() -> KeySources.load(List.of(binary))).hasMessage(binary + ": binary data, not a key file");
        Path readme = Files.copy(repositoryRoot().resolve("lab/README.md"), dir.resolve("README.md"));
        assertThatThrownBy(() -> KeySources.load(List.of(readme))).hasMessage(readme + ": not key material: expected a"
                + " Wireshark ikev1/ikev2_decryption_table, a tcpdump IKEv2 secrets file or a strongSwan charon log"
                + " written with ike level 4");
        assertThatThrownBy(() -> KeySources.load(List.of(dir.resolve("missing")))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aTableWithOnlyCommentsWarnsAndSaysSoWhenNothingElseHoldsKeys() throws IOException {
        Path saved = write("ikev2_decryption_table", "# This file is automatically generated, DO NOT MODIFY.\n");
        LoadedKeys alone = KeySources.read(List.of(saved));
        assertThat(alone.keyRing().isEmpty()).isTrue();
        assertThat(alone.withoutKeys()).isEqualTo(saved + ": no key material (only comments)");
        Path empty = write("empty", "");
        assertThat(KeySources.read(List.of(saved, empty)).withoutKeys()).isEqualTo("no key material in any of the 2"
                + " key files: " + saved + ": no key material (only comments); " + empty + ": empty file: no key material");
        Path good = write("good", goodRow + "\n");
        LoadedKeys loaded = KeySources.read(List.of(saved, good));
        assertThat(loaded.keyRing().ikev2()).hasSize(1);
        assertThat(loaded.warnings()).containsExactly(saved + ": no key material (only comments)");
    }

    @Test
    void aDirectoryContributesItsKeyFilesAndPassesOverTheRest() throws IOException {
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Files.copy(sample("ikev2-psk-ok.pcap"), profile.resolve("capture.pcap"));
        Files.writeString(profile.resolve("preferences"), "# Wireshark preferences\ngui.layout_type: 2\n");
        Files.writeString(profile.resolve("ikev1_decryption_table"), "# This file is automatically generated, DO NOT MODIFY.\n");
        Files.writeString(profile.resolve("ikev2_decryption_table"), goodRow + "\n");
        Files.createDirectories(profile.resolve("sub")).resolve("ikev2_decryption_table");
        Files.writeString(profile.resolve("sub/ikev2_decryption_table"), "not read: subdirectories are not searched\n");
        LoadedKeys loaded = KeySources.read(List.of(profile));
        assertThat(loaded.keyRing().ikev2()).hasSize(1);
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void aDirectoryWithNothingUsableIsAnErrorAndABrokenTableInOneToo() throws IOException {
        Path nothing = Files.createDirectories(dir.resolve("nothing"));
        Files.copy(sample("ikev2-psk-ok.pcap"), nothing.resolve("capture.pcap"));
        Files.writeString(nothing.resolve("notes.txt"), "nothing here\n");
        assertThatThrownBy(() -> KeySources.load(List.of(nothing))).hasMessage(nothing + ": no key material among its"
                + " 2 files (looked for Wireshark ikev1/ikev2_decryption_table files, tcpdump IKEv2 secrets and"
                + " strongSwan charon logs; subdirectories are not searched)");
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("ikev2_decryption_table"), goodRow + "\n" + goodRow.replace("\"AES-CBC-256", "\"AES-CBC-255") + "\n");
        assertThatThrownBy(() -> KeySources.load(List.of(broken)))
                .hasMessageStartingWith(broken.resolve("ikev2_decryption_table") + ":2: unknown encryption algorithm");
    }

    @Test
    void tcpdumpSecretsPairTheirHalvesAndNameBadLines() throws IOException {
        List<String> ks1 = Files.readAllLines(publicCorpusOrSkip().resolve("openswan/keys/ks1.ike-secrets.txt"));
        Path onlyI = write("i", ks1.get(0) + "\n0x12345678@192.0.2.1 aes128-cbc:0x00112233445566778899aabbccddeeff\n" + ks1.get(0).replace("0x80", "0x81") + "\n" + ks1.get(1).replace("0x80", "0x81") + "\n");
        LoadedKeys loaded = KeySources.read(List.of(onlyI));
        assertThat(loaded.keyRing().ikev2()).hasSize(1);
        assertThat(loaded.warnings()).containsExactly(
                onlyI + ":2: 1 ESP SA line skipped (ESP keys are not IKE key material)",
                onlyI + ":1: SPIs 8001020304050607_debc583a8f40d0cf have an \"ikev2 I\" line but no \"ikev2 R\" line; skipped");
        Path badAlgorithm = write("b", ks1.get(0).replace("sha256:", "sha3:") + "\n");
        assertThatThrownBy(() -> KeySources.load(List.of(badAlgorithm)))
                .hasMessageStartingWith(badAlgorithm + ":1: unknown integrity algorithm \"sha3\"");
        Path shortKey = write("c", ks1.get(0).replace("aes128:0x3f", "aes128:0x") + "\n");
        assertThatThrownBy(() -> KeySources.load(List.of(shortKey)))
                .hasMessage(shortKey + ":1: encryption key of 15 bytes; aes128 takes 16");
    }

    @Test
    void aVeryLongLineIsRefusedBeforeItIsHeld() throws IOException {
        Path table = write("long", "aa," + "b".repeat(TextLines.MAX_LINE + 10) + "\n");
        assertThatThrownBy(() -> KeyRing.class.cast(KeySources.load(List.of(table))))
                .hasMessage(table + ":1: line longer than " + TextLines.MAX_LINE + " characters: not a key file");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
