package io.ikescope.crypto.keys;

import static io.ikescope.testsupport.TestPaths.publicCorpusOrSkip;
import static io.ikescope.testsupport.TestPaths.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.crypto.KeyRing;
import io.ikescope.net.DecoderOptions;
import io.ikescope.wire.Bytes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What becomes a table row, with which algorithm names, and why a key set does not. */
class WiresharkTablesTest {

    @Test
    void theProposalsAWiresharkCaptureChoseAreTheAlgorithmsItsKeyTableNames() throws IOException {
        Path corpus = publicCorpusOrSkip();
        List<Path> captures = KeyTestFiles.list(corpus.resolve("wireshark"), "glob:**/ikev2-decrypt-*");
        assertThat(captures).hasSizeGreaterThanOrEqualTo(8);
        CaptureProposals proposals = CaptureProposals.read(captures, DecoderOptions.defaults(), w -> { });
        int compared = 0;
        for (Ikev2Keys row : KeySources.load(List.of(corpus.resolve("wireshark/keys/ikev2_decryption_table"))).ikev2()) {
            CaptureProposals.Chosen chosen = proposals.chosen(row.spiI(), row.spiR());
            if (chosen == null || !row.integrity().verify()) {
                continue; // not among these captures, or an "ANY n-bits" row that names no real algorithm
            }
            assertThat(chosen.encryption()).as(row.origin()).isEqualTo(row.encryption());
            assertThat(chosen.integrity()).as(row.origin()).isEqualTo(row.integrity());
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(6);
    }

    @Test
    void keyLengthsNameTheAlgorithmsOnlyWhenOnePairFits() throws IOException {
        Path log = sample("ikev2-psk-ok.keys.log");
        Path pcap = sample("ikev2-psk-ok.pcap");
        KeyRing ring = KeySources.load(List.of(log));
        WiresharkTables.Tables inferred = WiresharkTables.write(ring, KeySetResolver.NONE);
        WiresharkTables.Tables fromCapture = WiresharkTables.write(ring,
                CaptureProposals.read(List.of(pcap), DecoderOptions.defaults(), w -> { }));
        assertThat(inferred.ikev2Rows()).isEqualTo(2);
        assertThat(rows(inferred.ikev2())).isEqualTo(rows(fromCapture.ikev2()));
        // the first SA's proposal is in its cleartext IKE_SA_INIT; the rekeyed SA's was encrypted
        assertThat(fromCapture.ikev2()).containsOnlyOnce("(algorithms inferred from the key lengths)");
        assertThat(inferred.ikev2()).contains(log + ":7 (algorithms inferred from the key lengths)\n");

        List<String> skipped = new ArrayList<>();
        for (int[] lengths : new int[][] {{24, 32}, {16, 20}, {20, 0}, {36, 0}}) {
            Ikev2Keys k = new Ikev2Keys(Bytes.of(new byte[8]), Bytes.of(new byte[8]), zeros(lengths[0]), zeros(lengths[0]),
                    zeros(lengths[1]), zeros(lengths[1]), null, null, "L" + lengths[0] + "/" + lengths[1]);
            WiresharkTables.Tables t = WiresharkTables.write(new KeyRing(List.of(), List.of(k)), KeySetResolver.NONE);
            assertThat(t.ikev2Rows()).isZero();
            skipped.addAll(t.skipped());
        }
        assertThat(skipped.get(0)).contains("fit \"3DES [RFC2451]\" or \"AES-CBC-192 [RFC3602]\" with \"HMAC_SHA2_256_128 [RFC4868]\"");
        assertThat(skipped.get(1)).contains("with \"HMAC_SHA1_96 [RFC2404]\" or \"HMAC_SHA1_160 [RFC4595]\"");
        assertThat(skipped.get(2)).contains("\"AES-GCM-128 with 8 octet ICV [RFC5282]\" or \"AES-GCM-128 with 12 octet ICV");
        assertThat(skipped.get(3)).contains("or \"CHACHA20-POLY1305 [RFC7634]\" with \"NONE [RFC4306]\"")
                .contains("give the capture (--capture)");
    }

    @Test
    void aChaCha20KeySetIsNamedByItsCaptureAndStillSkippedForWireshark() throws IOException {
        Path log = KeyTestFiles.charon("ikev2-chacha20-x25519-ok", "initiator.log");
        Path pcap = KeyTestFiles.charon("ikev2-chacha20-x25519-ok", "capture.pcap");
        KeyRing ring = KeySources.load(List.of(log));
        CaptureProposals proposals = CaptureProposals.read(List.of(pcap), DecoderOptions.defaults(), w -> { });
        Ikev2Keys resolved = proposals.resolve(ring.ikev2().get(0));
        assertThat(resolved.encryption()).isEqualTo(WiresharkEncryption.CHACHA20_POLY1305.spec());
        assertThat(resolved.integrity()).isEqualTo(WiresharkIntegrity.NONE.spec());
        WiresharkTables.Tables tables = WiresharkTables.write(ring, proposals);
        assertThat(tables.ikev2Rows()).isZero();
        assertThat(tables.skipped()).containsExactly(ring.ikev2().get(0).origin() + ": IKEv2 key set skipped:"
                + " CHACHA20-POLY1305 [RFC7634] is not in Wireshark's IKEv2 decryption table");
    }

    @Test
    void keySetsWithoutSpisOrWithASecondKeyForACookieAreSkippedByName() throws IOException {
        Ikev2Keys fromLog = KeySources.load(List.of(sample("ikev2-psk-ok.keys.log"))).ikev2().get(0);
        Ikev2Keys noSpis = new Ikev2Keys(null, null, fromLog.skEi(), fromLog.skEr(), fromLog.skAi(), fromLog.skAr(),
                null, null, "x.log:12");
        WiresharkTables.Tables t = WiresharkTables.write(new KeyRing(List.of(), List.of(noSpis)), KeySetResolver.NONE);
        assertThat(t.skipped()).containsExactly("x.log:12: IKEv2 key set skipped: its SPIs are unknown (its source"
                + " does not tie it to an IKE SA)");

        KeyRing mismatch = KeySources.load(List.of(sample("ikev1-main-psk-mismatch.keys.log")));
        WiresharkTables.Tables v1 = WiresharkTables.write(mismatch, KeySetResolver.NONE);
        assertThat(v1.ikev1Rows()).isOne();
        assertThat(v1.ikev1()).contains(mismatch.ikev1().get(0).cookieI().hex() + ","
                + mismatch.ikev1().get(0).encryptionKey().hex() + "\n");
        assertThat(v1.skipped()).singleElement().asString().startsWith(mismatch.ikev1().get(1).origin()
                + ": IKEv1 key skipped: Wireshark holds one key per initiator cookie");
    }

    private static List<String> rows(String table) {
        return table.lines().filter(l -> !l.startsWith("#")).toList();
    }

    private static Bytes zeros(int n) {
        return Bytes.of(new byte[n]);
    }
}
