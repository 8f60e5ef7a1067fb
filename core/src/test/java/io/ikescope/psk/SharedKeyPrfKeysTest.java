package io.ikescope.psk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedKeyPrfKeysTest {
    @TempDir
    Path dir;

    /**
     * ikev2-psk-ok's log holds both charons' lines, one after the other: each SA's keys twice, the first IKE SA's at
     * its check-in, the rekeyed SA's under its new SPIs; both peers derived the same SK_pi and SK_pr.
     */
    @Test
    void bindsEachDumpToTheSaCheckedInAfterIt() throws IOException {
        SharedKeyPrfKeys keys = SharedKeyPrfKeys.read(List.of(TestPaths.sample("ikev2-psk-ok.keys.log")));
        List<SharedKeyPrfKeys.Keys> first = keys.forSa("cda76182d61c1b13", "3a267daf1fc57bb1");
        assertEquals(2, first.size());
        assertEquals(32, first.get(0).skPi().length);
        assertEquals(32, first.get(0).skPr().length);
        assertTrue(java.util.Arrays.equals(first.get(0).skPi(), first.get(1).skPi()));
        assertTrue(java.util.Arrays.equals(first.get(0).skPr(), first.get(1).skPr()));
        assertEquals(List.of(19, 75), first.stream().map(SharedKeyPrfKeys.Keys::line).toList());
        List<SharedKeyPrfKeys.Keys> rekeyed = keys.forSa("75384736e811304f", "2685e51b8ba7d480");
        assertEquals(2, rekeyed.size());
        assertTrue(!java.util.Arrays.equals(first.get(0).skPi(), rekeyed.get(0).skPi()));
        assertTrue(keys.forSa("cda76182d61c1b13", "0000000000000000").isEmpty());
    }

    /** libreswan-init: charon responds and destroys the SA (PSK refused) without a check-in naming SPIs. */
    @Test
    void aDestroyedSaKeepsTheSpisItWasCheckedOutBy() throws IOException {
        SharedKeyPrfKeys keys = SharedKeyPrfKeys.read(List.of(TestPaths.sample(
                "libreswan-init-ikev2-psk-mismatch.keys.log")));
        List<SharedKeyPrfKeys.Keys> k = keys.forSa("cca13f0936e3984a", "e6a70701fb048101");
        assertEquals(1, k.size());
        assertEquals("7b4c62c312491d44", HexFormat.of().formatHex(k.get(0).skPi(), 0, 8));
        assertEquals("9e699cd4c37f0948", HexFormat.of().formatHex(k.get(0).skPr(), 0, 8));
    }

    @Test
    void aCutDumpIsDropped() throws IOException {
        Path log = dir.resolve("cut.log");
        Files.writeString(log, String.join("\n",
                "Dec  1 19:34:52 16[MGR] checkout IKEv2 SA by message with SPIs 1111111111111111_i 2222222222222222_r",
                "Dec  1 19:34:52 16[IKE] <1> Sk_pi secret => 32 bytes @ 0x1",
                "Dec  1 19:34:52 16[IKE] <1>    0: 7B 4C 62 C3 12 49 1D 44 F1 D2 92 35 2C F5 BB 27  {Lb..I.D...5,..'",
                "Dec  1 19:34:52 16[IKE] <1> Sk_pr secret => 16 bytes @ 0x2",
                "Dec  1 19:34:52 16[IKE] <1>    0: 7B 4C 62 C3 12 49 1D 44 F1 D2 92 35 2C F5 BB 27  {Lb..I.D...5,..'",
                "Dec  1 19:34:52 16[MGR] <1> checkin IKEv2 SA x[1] with SPIs 1111111111111111_i 2222222222222222_r",
                ""));
        assertTrue(SharedKeyPrfKeys.read(List.of(log)).forSa("1111111111111111", "2222222222222222").isEmpty());
    }
}
