package io.ikescope.session;

import static io.ikescope.testsupport.TestPaths.sample;
import static io.ikescope.testsupport.TestPaths.sampleCapture;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.crypto.DecryptionStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fragmented message (IKEv2 RFC 7383 SKF, IKEv1 payload 132) is one message of its exchange: every fragment stays
 * a record (the ladder shows them all), the one that completed it stands for the message, with the whole decrypted
 * content when keys are given, and the others are parts of it, neither further requests nor retransmissions.
 */
class FragmentedMessagesTest {

    private static Path keys(String sample) {
        return sample(sample + ".keys.log");
    }

    @Test
    void ikev2SkfFragmentsWithoutKeysAreOneRequestAndOneResponse() throws Exception {
        Negotiation n = Reconstruct.run(sampleCapture("ikev2-cert-fragmented-ok")).only();
        Exchange auth = n.exchanges(ExchangeNames.IKE_AUTH).get(0);

        assertThat(auth.frames()).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(auth.from(Role.INITIATOR)).extracting(MessageRecord::frame).containsExactly(7L);
        assertThat(auth.responses()).extracting(MessageRecord::frame).containsExactly(12L);
        assertThat(auth.messages()).filteredOn(m -> m.from() == Role.INITIATOR && m.frame() < 7)
                .extracting(MessageRecord::partOf).containsOnly(7L);
        assertThat(auth.messages()).extracting(m -> m.fragment().number()).containsExactly(1, 2, 3, 4, 5, 1, 2, 3, 4, 5);
        assertThat(auth.messages()).noneMatch(MessageRecord::retransmission).allMatch(MessageRecord::opaque);
        assertThat(n.children()).singleElement().satisfies(c -> assertThat(c.contentHidden()).isTrue());
        assertThat(n.decryption()).isEqualTo("no_keys");
    }

    @Test
    void ikev2SkfFragmentsWithKeysCarryTheWholeContentInTheLastOne() throws Exception {
        Negotiation n = Reconstruct.runWithKeys(sampleCapture("ikev2-cert-rsa-ok"),
                List.of(keys("ikev2-cert-rsa-ok"))).only();
        Exchange auth = n.exchanges(ExchangeNames.IKE_AUTH).get(0);
        MessageRecord request = auth.from(Role.INITIATOR).get(0);
        MessageRecord response = auth.responses().get(0);

        assertThat(auth.messages()).hasSize(4);
        assertThat(request.frame()).isEqualTo(4);
        assertThat(request.payloads()).contains("IDi", "CERT", "AUTH", "SA", "TSi", "TSr");
        assertThat(response.frame()).isEqualTo(6);
        assertThat(response.payloads()).contains("IDr", "CERT", "AUTH", "SA");
        // the first fragments decrypt on their own (each has its checksum) but hold no payload of their own
        assertThat(auth.messages()).filteredOn(MessageRecord::fragmentPart)
                .extracting(MessageRecord::frame, MessageRecord::partOf, MessageRecord::payloads)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 4L, List.of("SKF")),
                        org.assertj.core.groups.Tuple.tuple(5L, 6L, List.of("SKF")));
        assertThat(auth.messages()).allMatch(MessageRecord::decrypted);
        ChildSa child = n.children().get(0);
        assertThat(child.contentHidden()).isFalse();
        assertThat(child.chosen().encryption()).isEqualTo("AES-CBC-128");
        assertThat(child.trafficSelectorsInitiator()).containsExactly("203.0.113.0/28");
        assertThat(n.phase1().chosen().authMethod()).isEqualTo("DIGITAL-SIGNATURE");
        assertThat(n.decryption()).isEqualTo("ok");
    }

    @Test
    void ikev1FragmentsWithoutKeysAreOneEncryptedMm5() throws Exception {
        Negotiation n = Reconstruct.run(sampleCapture("ikev1-cert-rsa-ok")).only();

        assertThat(n.messages().subList(0, 7)).extracting(MessageRecord::step)
                .containsExactly("MM1", "MM2", "MM3", "MM4", "MM5", "MM5", "MM6");
        MessageRecord first = n.messages().get(4);
        MessageRecord last = n.messages().get(5);
        assertThat(first.partOf()).isEqualTo(6L);
        assertThat(last.partOf()).isNull();
        assertThat(last.fragment().number()).isEqualTo(2);
        // a piece of an encrypted message is as unreadable as the message
        assertThat(List.of(first, last)).allMatch(MessageRecord::encrypted).allMatch(MessageRecord::opaque);
        assertThat(n.exchanges(ExchangeNames.MAIN_MODE).get(0).originalsFrom(Role.INITIATOR))
                .extracting(MessageRecord::frame).containsExactly(1L, 3L, 6L);
        assertThat(n.decryption()).isEqualTo("no_keys");
    }

    @Test
    void ikev1FragmentsWithKeysAreTheReassembledDecryptedMm5() throws Exception {
        Negotiation n = Reconstruct.runWithKeys(sampleCapture("ikev1-cert-rsa-ok"),
                List.of(keys("ikev1-cert-rsa-ok"))).only();

        assertThat(n.messages().subList(0, 10)).extracting(MessageRecord::step)
                .containsExactly("MM1", "MM2", "MM3", "MM4", "MM5", "MM5", "MM6", "QM1", "QM2", "QM3");
        MessageRecord piece = n.messages().get(4);
        MessageRecord mm5 = n.messages().get(5);
        assertThat(piece.payloads()).containsExactly("FRAG");
        assertThat(piece.partOf()).isEqualTo(6L);
        assertThat(piece.decryption()).isEqualTo(DecryptionStatus.OK); // its message was reassembled and decrypted
        assertThat(mm5.frame()).isEqualTo(6);
        assertThat(mm5.payloads()).startsWith("ID", "CERT", "SIG");
        assertThat(mm5.decrypted()).isTrue();
        assertThat(mm5.fragment().number()).isEqualTo(2); // the fragment that completed it
        assertThat(n.decryption()).isEqualTo("ok");
    }

    @Test
    void aFragmentedMessageWithAFragmentLostStaysOneUnansweredMessage(@TempDir Path temp) throws Exception {
        Assumptions.assumeTrue(runs("editcap", "-v"), "editcap not installed");
        // the capture of a path that lost the third fragment of the IKE_AUTH request: frames 1-4, 6, 7
        Path cut = temp.resolve("lost.pcap");
        exec("editcap", "-r", sampleCapture("ikev2-cert-fragmented-ok").toString(), cut.toString(), "1-4", "6-7");

        for (boolean withKeys : new boolean[] {false, true}) {
            Negotiation n = (withKeys ? Reconstruct.runWithKeys(cut, List.of(keys("ikev2-cert-fragmented-ok")))
                    : Reconstruct.run(cut)).only();
            Exchange auth = n.exchanges(ExchangeNames.IKE_AUTH).get(0);
            // never completed: its first fragment stands for it
            assertThat(auth.from(Role.INITIATOR)).extracting(MessageRecord::frame).containsExactly(3L);
            assertThat(auth.messages()).filteredOn(MessageRecord::fragmentPart).extracting(MessageRecord::partOf)
                    .containsOnly(3L).hasSize(3);
            assertThat(auth.answered()).isFalse();
            // no content of the request was read: the IKE_AUTH child is unknown, not invented
            assertThat(n.children()).isEmpty();
            assertThat(n.decryption()).isEqualTo(withKeys ? "ok" : "no_keys");
        }
    }

    @Test
    void aRetransmittedFragmentedMessageIsOneRetransmission(@TempDir Path temp) throws Exception {
        Assumptions.assumeTrue(runs("editcap", "-v") && runs("mergecap", "-v"), "editcap/mergecap not installed");
        // the IKE_AUTH request (5 fragments) sent again 1 s later and never answered
        Path sample = sampleCapture("ikev2-cert-fragmented-ok");
        Path first = temp.resolve("first.pcap");
        Path again = temp.resolve("again.pcap");
        Path shifted = temp.resolve("shifted.pcap");
        Path merged = temp.resolve("merged.pcap");
        exec("editcap", "-r", sample.toString(), first.toString(), "1-7");
        exec("editcap", "-r", sample.toString(), again.toString(), "3-7");
        exec("editcap", "-t", "1.0", again.toString(), shifted.toString());
        exec("mergecap", "-w", merged.toString(), first.toString(), shifted.toString());

        Negotiation n = Reconstruct.run(merged).only();
        Exchange auth = n.exchanges(ExchangeNames.IKE_AUTH).get(0);

        assertThat(auth.messages()).hasSize(10);
        assertThat(auth.from(Role.INITIATOR)).extracting(MessageRecord::frame, MessageRecord::retransmissionOf)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7L, null),
                        org.assertj.core.groups.Tuple.tuple(12L, 7L));
        assertThat(auth.retransmissions()).isEqualTo(1);
        assertThat(auth.messages()).filteredOn(m -> m.frame() > 7 && m.frame() < 12)
                .allMatch(m -> m.retransmission() && Long.valueOf(7).equals(m.partOf()));
    }

    static void exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
