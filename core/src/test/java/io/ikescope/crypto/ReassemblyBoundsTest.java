package io.ikescope.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ikescope.wire.Bytes;
import io.ikescope.wire.CiscoFragmentPayload;
import io.ikescope.wire.PayloadHeader;
import org.junit.jupiter.api.Test;

/** The fragment stores hold what arrived, within fixed bounds, whatever totals the fragments claim. */
class ReassemblyBoundsTest {

    @Test
    void skfFragmentsReassembleInNumberOrderWhateverTheArrivalOrder() throws Exception {
        SkfReassembly r = new SkfReassembly();
        assertThat(r.add(7, true, false, 3, 3, 0, new byte[] {5, 6})).isNull();
        assertThat(r.add(7, true, false, 1, 3, 35, new byte[] {1, 2})).isNull();
        assertThat(r.add(7, true, false, 1, 3, 35, new byte[] {1, 2})).isNull(); // retransmitted: nothing new
        SkfReassembly.Whole whole = r.add(7, true, false, 2, 3, 0, new byte[] {3, 4});
        assertThat(whole.content()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(whole.firstPayloadType()).isEqualTo(35);
        assertThat(r.pendingFragments()).isZero();
    }

    @Test
    void skfRefusesImpossibleOrHugeTotalsWithoutAllocatingForThem() {
        SkfReassembly r = new SkfReassembly();
        assertThatThrownBy(() -> r.add(1, true, false, 0, 3, 0, new byte[1])).hasMessageContaining("impossible");
        assertThatThrownBy(() -> r.add(1, true, false, 4, 3, 0, new byte[1])).hasMessageContaining("impossible");
        assertThatThrownBy(() -> r.add(1, true, false, 1, 65535, 0, new byte[1]))
                .hasMessageContaining("exceeds the limit of " + SkfReassembly.MAX_FRAGMENTS);
    }

    @Test
    void skfKeepsAtMostEightMessagesAndABoundedNumberOfBytes() throws Exception {
        SkfReassembly r = new SkfReassembly();
        for (int id = 0; id < 20; id++) {
            r.add(id, true, false, 1, 2, 35, new byte[10]);
        }
        assertThat(r.pendingFragments()).isEqualTo(SkfReassembly.MAX_PENDING_MESSAGES);
        SkfReassembly big = new SkfReassembly();
        byte[] chunk = new byte[60_000];
        big.add(1, true, false, 1, 10, 35, chunk);
        big.add(1, true, false, 2, 10, 0, chunk);
        big.add(1, true, false, 3, 10, 0, chunk);
        big.add(1, true, false, 4, 10, 0, chunk);
        assertThatThrownBy(() -> big.add(1, true, false, 5, 10, 0, chunk)).hasMessageContaining("exceed");
        assertThat(big.pendingFragments()).isZero(); // the oversized message is dropped whole
    }

    @Test
    void skfStartsOverWhenARetransmissionIsFragmentedDifferently() throws Exception {
        SkfReassembly r = new SkfReassembly();
        r.add(3, false, true, 1, 3, 36, new byte[] {1});
        assertThat(r.add(3, false, true, 2, 2, 0, new byte[] {2})).isNull();
        assertThat(r.add(3, false, true, 1, 2, 36, new byte[] {1}).content()).containsExactly(1, 2);
    }

    private static CiscoFragmentPayload fragment(int id, int number, boolean last, int... data) {
        byte[] b = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            b[i] = (byte) data[i];
        }
        return new CiscoFragmentPayload(new PayloadHeader(132, 0, false, 8 + b.length, 28), id, number, last ? 1 : 0,
                Bytes.of(b));
    }

    @Test
    void ikev1FragmentsCompleteWhenEveryPieceUpToTheLastIsThere() {
        Ikev1Fragments f = new Ikev1Fragments();
        assertThat(f.add(fragment(9, 2, true, 3))).isNull();
        assertThat(f.add(fragment(9, 1, false, 1, 2))).containsExactly(1, 2, 3);
        assertThat(f.add(fragment(10, 1, false, 1))).isNull();
        assertThat(f.add(fragment(10, 3, true, 3))).isNull(); // piece 2 missing
        assertThat(f.add(fragment(10, 200, false, 9))).isNull(); // beyond the bound: ignored
        assertThat(f.add(fragment(10, 2, false, 2))).containsExactly(1, 2, 3);
    }

    @Test
    void ikev1PaddingIsZerosUpToABlockOrCountsItself() {
        byte[] zeros = {9, 9, 0, 0, 0};
        assertThat(Ikev1Decryption.paddingValid(zeros, 2, 8)).isTrue();
        byte[] counted = {9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
        counted[18] = 17; // 18 bytes of padding after offset 1, the last one counting the 17 others
        assertThat(Ikev1Decryption.paddingValid(counted, 1, 16)).isTrue();
        counted[18] = 3;
        assertThat(Ikev1Decryption.paddingValid(counted, 1, 16)).isFalse();
        byte[] noisy = {9, 0, 5, 0};
        assertThat(Ikev1Decryption.paddingValid(noisy, 1, 8)).isFalse();
    }
}
