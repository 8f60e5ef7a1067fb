package io.ikescope.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;

import static io.ikescope.testsupport.TestPaths.publicCorpusOrSkip;

import io.ikescope.crypto.Ikev1Keys;
import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.crypto.IntegritySpec;
import io.ikescope.crypto.KeyRing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every key file of the public corpus: Wireshark's own tables, packetgen's and Openswan's (two formats). */
class CorpusKeyFilesTest {

    @Test
    void everyCorpusKeyFileIsRecognisedAndGivesOneKeySetPerRecord() throws IOException {
        List<Path> files = KeyTestFiles.corpusKeyFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(17);
        for (Path file : files) {
            String name = file.getFileName().toString();
            // the names say what the corpus collector put there; detection must agree from the content alone
            KeyFileKind expected = name.endsWith("ikev1_decryption_table") ? KeyFileKind.IKEV1_TABLE
                    : name.endsWith("ikev2_decryption_table") ? KeyFileKind.IKEV2_TABLE
                    : name.endsWith(".ike-secrets.txt") ? KeyFileKind.TCPDUMP_SECRETS : null;
            assertThat(KeyFileKind.detect(file)).as(name).isEqualTo(expected);
            LoadedKeys loaded = KeySources.read(List.of(file));
            List<String> records = Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
            int expectedSets = expected == KeyFileKind.TCPDUMP_SECRETS
                    ? (int) records.stream().filter(l -> l.startsWith("ikev2 I ")).count() : records.size();
            KeyRing ring = loaded.keyRing();
            assertThat(expected == KeyFileKind.IKEV1_TABLE ? ring.ikev1().size() : ring.ikev2().size())
                    .as(name).isEqualTo(expectedSets);
            assertThat(loaded.warnings()).as(name).isEmpty();
        }
    }

    @Test
    void wiresharkTablesCarryTheirAlgorithmsAndEmptyColumns() throws IOException {
        Path keys = publicCorpusOrSkip().resolve("wireshark/keys");
        KeyRing ring = KeySources.load(List.of(keys));
        assertThat(ring.ikev1()).hasSize(3);
        assertThat(ring.ikev1()).extracting(k -> k.encryptionKey().length()).containsExactly(24, 32, 32);
        assertThat(ring.ikev1()).allSatisfy(k -> assertThat(k.cookieI().length()).isEqualTo(8));
        assertThat(ring.ikev2()).hasSize(9);
        Ikev2Keys nullRow = ring.ikev2().get(0);
        assertThat(nullRow.spiI().hex()).isEqualTo("1234567890123456");
        assertThat(nullRow.skEi().isEmpty() && nullRow.skAi().isEmpty()).isTrue();
        assertThat(nullRow.encryption()).isEqualTo(WiresharkEncryption.NULL.spec());
        // "ANY 96-bits of Authentication [No Checking]": strip 12 bytes, verify nothing
        Ikev2Keys ctr = ring.ikev2().stream().filter(k -> k.spiI().hex().equals("a2926ae833c6f138")).findFirst()
                .orElseThrow();
        assertThat(ctr.integrity()).isEqualTo(new IntegritySpec(0, 12, false));
        assertThat(ctr.encryption().transformId()).isEqualTo(13);
        assertThat(ctr.encryption().keyBits()).isEqualTo(128);
        assertThat(ctr.skEi().length()).isEqualTo(20);
        for (Ikev2Keys k : ring.ikev2()) {
            assertThat(k.origin()).startsWith(keys.resolve("ikev2_decryption_table") + ":");
        }
    }

    @Test
    void openswanSecretsAndTheirDerivedTablesGiveTheSameKeySets() throws IOException {
        Path keys = publicCorpusOrSkip().resolve("openswan/keys");
        for (int n = 1; n <= 7; n++) {
            Ikev2Keys fromSecrets = only(KeySources.load(List.of(keys.resolve("ks" + n + ".ike-secrets.txt"))));
            Ikev2Keys fromTable = only(KeySources.load(List.of(keys.resolve("ks" + n + ".ikev2_decryption_table"))));
            assertThat(withoutOrigin(fromSecrets)).as("ks" + n).isEqualTo(withoutOrigin(fromTable));
        }
    }

    @Test
    void theOpenswanKeyFolderReusesSpiPairsWithOtherKeysAndEachConflictIsReported() throws IOException {
        Path keys = publicCorpusOrSkip().resolve("openswan/keys");
        // expected conflicts, from the tables themselves: later sets whose SPI pair an earlier set with other keys had
        Map<String, Ikev2Keys> first = new HashMap<>();
        Set<String> conflicting = new HashSet<>();
        for (int n = 1; n <= 7; n++) {
            Ikev2Keys k = only(KeySources.load(List.of(keys.resolve("ks" + n + ".ike-secrets.txt"))));
            String pair = k.spiI().hex() + "_i " + k.spiR().hex() + "_r";
            Ikev2Keys held = first.putIfAbsent(pair, k);
            if (held != null && !withoutOrigin(held).equals(withoutOrigin(new Ikev2Keys(held.spiI(), held.spiR(),
                    k.skEi(), k.skEr(), k.skAi(), k.skAr(), held.encryption(), held.integrity(), "")))) {
                conflicting.add("ks" + n + ".ike-secrets.txt:1: other IKEv2 keys than");
            }
        }
        assertThat(conflicting).isNotEmpty();
        LoadedKeys loaded = KeySources.read(List.of(keys));
        for (String c : conflicting) {
            assertThat(loaded.warnings()).filteredOn(w -> w.contains(c)).hasSize(1);
        }
        assertThat(loaded.warnings()).hasSize(conflicting.size());
        // no two sets left with the same SPIs, and every file's keys still there (a set whose SPIs were dropped
        // may merge with a later identical set that names other SPIs)
        Set<String> pairs = new HashSet<>();
        for (Ikev2Keys k : loaded.keyRing().ikev2()) {
            if (k.spiI() != null) {
                assertThat(pairs.add(k.spiI().hex() + k.spiR().hex())).isTrue();
            }
        }
        for (int n = 1; n <= 7; n++) {
            Ikev2Keys k = only(KeySources.load(List.of(keys.resolve("ks" + n + ".ike-secrets.txt"))));
            assertThat(loaded.keyRing().ikev2()).as("ks" + n).anySatisfy(held -> {
                assertThat(held.skEi()).isEqualTo(k.skEi());
                assertThat(held.skAi()).isEqualTo(k.skAi());
                assertThat(held.skAr()).isEqualTo(k.skAr());
            });
        }
        assertThat(loaded.keyRing().ikev2()).filteredOn(k -> k.spiI() == null).hasSizeLessThanOrEqualTo(conflicting.size());
    }

    @Test
    void writtenTablesReadBackToTheSameKeySets(@TempDir Path dir) throws IOException {
        Path corpus = publicCorpusOrSkip();
        KeyRing ring = KeySources.load(List.of(corpus.resolve("wireshark/keys"), corpus.resolve("packetgen/keys")));
        WiresharkTables.Tables tables = WiresharkTables.write(ring, KeySetResolver.NONE);
        assertThat(tables.skipped()).isEmpty();
        assertThat(tables.ikev1Rows()).isEqualTo(ring.ikev1().size());
        assertThat(tables.ikev2Rows()).isEqualTo(ring.ikev2().size());
        Path v1 = Files.writeString(dir.resolve("a"), tables.ikev1());
        Path v2 = Files.writeString(dir.resolve("b"), tables.ikev2());
        KeyRing again = KeySources.load(List.of(v1, v2));
        assertThat(again.ikev1()).map(CorpusKeyFilesTest::withoutOrigin)
                .isEqualTo(ring.ikev1().stream().map(CorpusKeyFilesTest::withoutOrigin).toList());
        assertThat(again.ikev2()).map(CorpusKeyFilesTest::withoutOrigin)
                .isEqualTo(ring.ikev2().stream().map(CorpusKeyFilesTest::withoutOrigin).toList());
    }

    private static Ikev2Keys only(KeyRing ring) {
        assertThat(ring.ikev1()).isEmpty();
        assertThat(ring.ikev2()).hasSize(1);
        return ring.ikev2().get(0);
    }

    static Ikev2Keys withoutOrigin(Ikev2Keys k) {
        return new Ikev2Keys(k.spiI(), k.spiR(), k.skEi(), k.skEr(), k.skAi(), k.skAr(), k.encryption(), k.integrity(), "");
    }

    static Ikev1Keys withoutOrigin(Ikev1Keys k) {
        return new Ikev1Keys(k.cookieI(), k.cookieR(), k.encryptionKey(), "");
    }
}
