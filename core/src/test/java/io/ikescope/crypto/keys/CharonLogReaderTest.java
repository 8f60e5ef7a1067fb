package io.ikescope.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.crypto.Ikev1Keys;
import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.crypto.KeyRing;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * charon logs: the committed samples (cut to the key lines by lab/make-samples.sh) and full logs of lab runs
 * (src/test/resources/charon/SCENARIO: both peers' logs and the capture of the same run). The SPIs a key set
 * is tied to are checked against the capture as tshark reads it; where a test edits a real log, it does so to
 * exercise one rule and says which.
 */
class CharonLogReaderTest {
    private static final String IKEV2_ENCRYPTED = "isakmp.version == 0x20 and (isakmp.nextpayload == 46 or isakmp.nextpayload == 53)";
    private static final String IKEV1_ENCRYPTED = "isakmp.version == 0x10 and isakmp.flag_e == 1";

    @Test
    void everySampleLogTiesEachKeySetToAnEncryptedIkeSaOfItsCapture() throws IOException {
        KeyTestFiles.assumeTshark();
        List<Path> logs = KeyTestFiles.sampleKeyLogs();
        assertThat(logs).hasSizeGreaterThanOrEqualTo(30);
        int sets = 0;
        for (Path log : logs) {
            Path pcap = log.resolveSibling(log.getFileName().toString().replace(".keys.log", ".pcap"));
            LoadedKeys loaded = KeySources.read(List.of(log));
            assertThat(loaded.warnings()).as(log.toString()).isEmpty();
            checkAgainstCapture(log.toString(), loaded.keyRing(), pcap);
            sets += loaded.keyRing().ikev1().size() + loaded.keyRing().ikev2().size();
        }
        assertThat(sets).isGreaterThanOrEqualTo(logs.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ikev2-psk-ok", "ikev2-dh-invalid-ke-ok", "ikev2-psk-mismatch", "ikev1-main-psk-mismatch",
        "ikev1-aggr-psk-ok", "ikev2-chacha20-x25519-ok"})
    void eachPeersFullLogTiesItsKeySetsToTheCapturedSas(String scenario) throws IOException {
        KeyTestFiles.assumeTshark();
        Path pcap = KeyTestFiles.charon(scenario, "capture.pcap");
        Path initiator = KeyTestFiles.charon(scenario, "initiator.log");
        Path responder = KeyTestFiles.charon(scenario, "responder.log");
        for (List<Path> logs : List.of(List.of(initiator), List.of(responder), List.of(initiator, responder))) {
            LoadedKeys loaded = KeySources.read(logs);
            assertThat(loaded.warnings()).as(logs.toString()).isEmpty();
            checkAgainstCapture(scenario + " " + logs, loaded.keyRing(), pcap);
        }
    }

    @Test
    void bothPeersLogTheSameIkev2KeysAndTheCopiesMerge() throws IOException {
        for (String scenario : List.of("ikev2-psk-ok", "ikev2-dh-invalid-ke-ok", "ikev2-psk-mismatch")) {
            KeyRing i = KeySources.load(List.of(KeyTestFiles.charon(scenario, "initiator.log")));
            KeyRing r = KeySources.load(List.of(KeyTestFiles.charon(scenario, "responder.log")));
            KeyRing both = KeySources.load(List.of(KeyTestFiles.charon(scenario, "initiator.log"),
                    KeyTestFiles.charon(scenario, "responder.log")));
            assertThat(r.ikev2()).map(CorpusKeyFilesTest::withoutOrigin)
                    .isEqualTo(i.ikev2().stream().map(CorpusKeyFilesTest::withoutOrigin).toList());
            assertThat(both.ikev2()).hasSameSizeAs(i.ikev2());
        }
    }

    @Test
    void peersWhosePreSharedKeysDifferDeriveDifferentIkev1KeysAndBothAreKept() throws IOException {
        KeyRing both = KeySources.load(List.of(KeyTestFiles.charon("ikev1-main-psk-mismatch", "initiator.log"),
                KeyTestFiles.charon("ikev1-main-psk-mismatch", "responder.log")));
        assertThat(both.ikev1()).hasSize(2);
        assertThat(both.ikev1().get(0).cookieI()).isEqualTo(both.ikev1().get(1).cookieI());
        assertThat(both.ikev1().get(0).encryptionKey()).isNotEqualTo(both.ikev1().get(1).encryptionKey());
    }

    @Test
    void anIkeRekeyTiesTheNewKeysToTheNewSpisOnBothPeers() throws IOException {
        KeyTestFiles.assumeTshark();
        Path pcap = KeyTestFiles.charon("ikev2-psk-ok", "capture.pcap");
        List<String> capturedInOrder = new ArrayList<>(KeyTestFiles.spiPairs(pcap, IKEV2_ENCRYPTED));
        assertThat(capturedInOrder).hasSize(2);
        for (String side : List.of("initiator.log", "responder.log")) {
            KeyRing ring = KeySources.load(List.of(KeyTestFiles.charon("ikev2-psk-ok", side)));
            assertThat(ring.ikev2()).extracting(CharonLogReaderTest::pair).as(side).containsExactlyElementsOf(capturedInOrder);
        }
    }

    @Test
    void aResponderThatDestroysTheSaUnnamedTakesTheSpisItCheckedOut() throws IOException {
        // the PSK-mismatch responder derives the keys and destroys the SA: no check-in names its SPIs
        Path responder = KeyTestFiles.charon("ikev2-psk-mismatch", "responder.log");
        assertThat(Files.readString(responder)).contains("checkin and destroy IKE_SA lab[1]")
                .doesNotContainPattern("checkin IKEv2 SA lab\\[1\\] with SPIs [0-9a-f]+_i [1-9a-f]");
        Ikev2Keys fromResponder = KeySources.load(List.of(responder)).ikev2().get(0);
        Ikev2Keys fromInitiator = KeySources.load(List.of(KeyTestFiles.charon("ikev2-psk-mismatch", "initiator.log")))
                .ikev2().get(0);
        assertThat(pair(fromResponder)).isEqualTo(pair(fromInitiator));
    }

    @Test
    void aRekeyWhoseNewSaIsNeverCheckedInLeavesTheKeysWithoutSpis(@TempDir Path dir) throws IOException {
        // edited: the initiator's check-in of the new SA lab[2] removed; the CREATE_CHILD_SA line remains
        Path log = edited(dir, "ikev2-psk-ok", "initiator.log", l -> l.contains("checkin IKEv2 SA lab[2]"));
        LoadedKeys loaded = KeySources.read(List.of(log));
        assertThat(loaded.keyRing().ikev2()).hasSize(2);
        assertThat(loaded.keyRing().ikev2().get(0).spiI()).isNotNull();
        assertThat(loaded.keyRing().ikev2().get(1).spiI()).isNull();
        assertThat(loaded.warnings()).singleElement().asString().contains("CREATE_CHILD_SA").contains("never checked in");
    }

    @Test
    void withoutTheExchangeLineTheConflictRuleStillKeepsTheOldSpisFromTheNewKeys(@TempDir Path dir) throws IOException {
        // edited further: no "parsed CREATE_CHILD_SA" either, so the keys meet the old SA's check-in; an IKE SA's
        // keys never change, so the second set for the old SPIs loses them
        Path log = edited(dir, "ikev2-psk-ok", "initiator.log",
                l -> l.contains("checkin IKEv2 SA lab[2]") || l.contains("CREATE_CHILD_SA"));
        LoadedKeys loaded = KeySources.read(List.of(log));
        assertThat(loaded.keyRing().ikev2()).hasSize(2);
        assertThat(loaded.keyRing().ikev2().get(1).spiI()).isNull();
        assertThat(loaded.warnings()).singleElement().asString().contains("other IKEv2 keys than");
    }

    @Test
    void aResponderRekeyDumpedUnderTheNewSaDoesNotBindToTheOldSasCheckIn(@TempDir Path dir) throws IOException {
        // edited: the responder's check-in of lab[2] removed; its keys were dumped as <lab|2>, the next check-in is lab[1]'s
        Path log = edited(dir, "ikev2-psk-ok", "responder.log",
                l -> l.contains("checkin IKEv2 SA lab[2]") || l.contains("CREATE_CHILD_SA"));
        LoadedKeys loaded = KeySources.read(List.of(log));
        assertThat(loaded.keyRing().ikev2().get(1).spiI()).isNull();
        assertThat(loaded.warnings()).singleElement().asString().contains("dumped for IKE_SA #2");
    }

    @Test
    void aDumpCutShortIsReportedAndItsKeySetSkipped(@TempDir Path dir) throws IOException {
        Path full = KeyTestFiles.charon("ikev2-psk-mismatch", "initiator.log");
        List<String> lines = Files.readAllLines(full);
        int header = indexOf(lines, "Sk_ei secret => 32 bytes");
        Path log = Files.write(dir.resolve("cut.log"), lines.subList(0, header + 2)); // header and its first hex line
        LoadedKeys cut = KeySources.read(List.of(log)); // nothing usable: warnings, not an error
        assertThat(cut.keyRing().isEmpty()).isTrue();
        assertThat(cut.warnings()).anySatisfy(w -> assertThat(w).contains("inside the Sk_ei secret dump"));
        // Sk_ai and Sk_ar whole, Sk_ei cut: no set
        assertThat(cut.withoutKeys()).isEqualTo(log + ": its 3 key dumps gave no usable key set (see the warnings"
                + " about them)");
        Path longer = Files.write(dir.resolve("cut2.log"), concat(lines.subList(0, header + 2),
                lines.subList(header + 3, lines.size())));
        // with the responder's log, which holds the same keys whole, something remains to load
        LoadedKeys loaded = KeySources.read(List.of(longer, KeyTestFiles.charon("ikev2-psk-mismatch", "responder.log")));
        assertThat(loaded.keyRing().ikev2()).singleElement().extracting(Ikev2Keys::origin).asString()
                .startsWith(KeyTestFiles.charon("ikev2-psk-mismatch", "responder.log").toString());
        assertThat(loaded.warnings()).anySatisfy(w -> assertThat(w).contains(longer + ":" + (header + 3))
                .contains("Sk_ei secret dump (line " + (header + 1) + ") cut short after 16 of 32 bytes"));
        assertThat(loaded.warnings()).anySatisfy(w -> assertThat(w).contains("incomplete IKEv2 key set"));
    }

    @Test
    void theAsciiColumnOfADumpIsNeverRead(@TempDir Path dir) throws IOException {
        // edited: the ASCII column of every dump line replaced with text that looks like log syntax
        Path full = KeyTestFiles.charon("ikev2-psk-ok", "initiator.log");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(full)) {
            lines.add(line.matches(".*\\] <[^>]*> +\\d+: ([0-9A-F]{2} )+ .*")
                    ? line.substring(0, line.indexOf(": ") + 2 + 16 * 3) + " 12[MGR] checkin IKEv2 SA x[9] with SPIs"
                    + " 0000000000000001_i 0000000000000002_r => 3 bytes @ 0x1 <lab|7>"
                    : line);
        }
        Path log = Files.write(dir.resolve("ascii.log"), lines);
        assertThat(KeySources.load(List.of(log)).ikev2()).map(CorpusKeyFilesTest::withoutOrigin)
                .isEqualTo(KeySources.load(List.of(full)).ikev2().stream().map(CorpusKeyFilesTest::withoutOrigin).toList());
    }

    @Test
    void syslogLinesAndGzipCompressedLogsReadTheSame(@TempDir Path dir) throws IOException {
        Path full = KeyTestFiles.charon("ikev1-aggr-psk-ok", "responder.log");
        List<String> syslog = Files.readAllLines(full).stream()
                .map(l -> l.substring(0, 16) + "responder charon[4242]: " + l.substring(16)).toList();
        Path syslogFile = Files.write(dir.resolve("syslog"), syslog);
        Path gz = dir.resolve("charon.log.1.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(full, out);
        }
        List<Ikev1Keys> expected = KeySources.load(List.of(full)).ikev1().stream().map(CorpusKeyFilesTest::withoutOrigin).toList();
        assertThat(expected).hasSize(1);
        assertThat(KeySources.load(List.of(syslogFile)).ikev1()).map(CorpusKeyFilesTest::withoutOrigin).isEqualTo(expected);
        assertThat(KeySources.load(List.of(gz)).ikev1()).map(CorpusKeyFilesTest::withoutOrigin).isEqualTo(expected);
    }

    @Test
    void aLogWithoutKeyDumpsSaysWhichLogLevelIsNeeded(@TempDir Path dir) throws IOException {
        // edited: every [IKE] line removed, as with the default log levels; its ENC lines show IKE_AUTH
        Path log = edited(dir, "ikev2-psk-ok", "initiator.log", l -> l.contains("[IKE]"));
        LoadedKeys loaded = KeySources.read(List.of(log));
        assertThat(loaded.keyRing().isEmpty()).isTrue();
        assertThat(loaded.warnings()).singleElement().asString()
                .startsWith(log + ": a charon log without key dumps, although keys were derived in it (line ")
                .contains(": parsed IKE_SA_INIT response 0 [ SA KE No ")
                .endsWith("its ike log level is below 4; set charon.filelog.NAME.ike = 4 (or charondebug=\"ike 4\")"
                        + " and run the negotiation again");
    }

    /**
     * Every key set has SPIs, they belong to SAs of the capture, and every SA with encrypted messages in the
     * capture has keys (a capture may lack an SA's encrypted messages: lost IP fragments).
     */
    private static void checkAgainstCapture(String what, KeyRing ring, Path pcap) {
        Set<String> fromKeys = new LinkedHashSet<>();
        for (Ikev2Keys k : ring.ikev2()) {
            assertThat(k.spiI()).as(what + " " + k.origin()).isNotNull();
            fromKeys.add(pair(k));
        }
        if (!ring.ikev2().isEmpty()) {
            assertThat(fromKeys).as(what).containsAll(KeyTestFiles.spiPairs(pcap, IKEV2_ENCRYPTED))
                    .isSubsetOf(KeyTestFiles.spiPairs(pcap, "isakmp.version == 0x20"));
        }
        Set<String> cookies = new LinkedHashSet<>();
        for (Ikev1Keys k : ring.ikev1()) {
            assertThat(k.cookieI()).as(what + " " + k.origin()).isNotNull();
            cookies.add(k.cookieI().hex() + "_" + k.cookieR().hex());
        }
        if (!ring.ikev1().isEmpty()) {
            assertThat(cookies).as(what).containsAll(KeyTestFiles.spiPairs(pcap, IKEV1_ENCRYPTED))
                    .isSubsetOf(KeyTestFiles.spiPairs(pcap, "isakmp.version == 0x10"));
        }
    }

    private static String pair(Ikev2Keys k) {
        return k.spiI().hex() + "_" + k.spiR().hex();
    }

    private static Path edited(Path dir, String scenario, String file, Predicate<String> drop) throws IOException {
        List<String> kept = Files.readAllLines(KeyTestFiles.charon(scenario, file)).stream().filter(drop.negate()).toList();
        return Files.write(dir.resolve(scenario + "-" + file), kept);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
