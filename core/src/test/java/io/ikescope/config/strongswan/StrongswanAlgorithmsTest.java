package io.ikescope.config.strongswan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.strongswan.StrongswanAlgorithms.Algorithm;
import io.ikescope.config.strongswan.StrongswanAlgorithms.Kind;
import io.ikescope.session.AlgorithmNames;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table's written-out names are exactly what AlgorithmNames derives from the registries (captures' names). */
class StrongswanAlgorithmsTest {

    /** IKEv2 ENCR number -> IKEv1 Phase 1 Encryption Algorithm number (RFC 2409 appendix A, RFC 4312). */
    private static final Map<Integer, Integer> IKEV1_PHASE1 = Map.of(2, 1, 7, 3, 3, 5, 6, 6, 12, 7, 23, 8);
    /** IKEv2 INTEG number -> IKEv1 Authentication Algorithm attribute (RFC 2407 4.5, RFC 4868). */
    private static final Map<Integer, Integer> IKEV1_AUTH = Map.of(1, 1, 2, 2, 12, 5, 13, 6, 14, 7, 5, 9);

    @Test
    void everyNameMatchesAlgorithmNames() {
        assertThat(StrongswanAlgorithms.all()).hasSize(158);
        int checked = 0;
        for (Algorithm a : StrongswanAlgorithms.all().values()) {
            Integer bits = a.bits() == 0 ? null : a.bits();
            if (a.id() >= 1024) {
                if (a.kind() != Kind.KEY_EXCHANGE) {
                    assertThat(a.name()).as(a.keyword()).matches("[A-Z0-9-]+").doesNotStartWith("ENCR-");
                }
                continue;
            }
            switch (a.kind()) {
                case ENCRYPTION -> {
                    assertThat(a.name()).as(a.keyword()).isEqualTo(AlgorithmNames.ikev2Encryption(a.id(), bits));
                    Integer v1 = IKEV1_PHASE1.get(a.id());
                    assertThat(a.ikev1Phase1Name()).as(a.keyword())
                            .isEqualTo(v1 == null ? a.name() : AlgorithmNames.ikev1Encryption(v1, bits));
                    assertThat(a.ikev1Phase2Name()).as(a.keyword()).isEqualTo(a.id() == 23
                            ? AlgorithmNames.ikev1EspEncryption(22, bits) : a.name());
                    checked++;
                }
                case INTEGRITY -> {
                    assertThat(a.name()).as(a.keyword()).isEqualTo(AlgorithmNames.ikev2Integrity(a.id()));
                    Integer attribute = IKEV1_AUTH.get(a.id());
                    assertThat(a.ikev1Phase2Name()).as(a.keyword()).isEqualTo(attribute == null ? a.name()
                            : AlgorithmNames.ikev1Phase2Integrity(attribute));
                    checked++;
                }
                case PRF -> {
                    assertThat(a.name()).as(a.keyword()).isEqualTo(AlgorithmNames.ikev2Prf(a.id()));
                    checked++;
                }
                default -> {
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
        for (String gmac : new String[] {"aes128gmac", "aes192gmac", "aes256gmac"}) {
            Algorithm ah = StrongswanAlgorithms.ahGmac(StrongswanAlgorithms.byKeyword(gmac));
            assertThat(ah.name()).isEqualTo(AlgorithmNames.ikev2Integrity(ah.id()));
        }
    }

    @Test
    void groupsAreIanaNumbers() {
        assertThat(StrongswanAlgorithms.byKeyword("modp2048").id()).isEqualTo(14);
        assertThat(AlgorithmNames.groupName(2, StrongswanAlgorithms.byKeyword("ecp384").id())).isEqualTo("ecp384");
        assertThat(AlgorithmNames.groupName(2, StrongswanAlgorithms.byKeyword("modp8192").id())).isEqualTo("modp8192");
        assertThat(StrongswanAlgorithms.byKeyword("x448").id()).isEqualTo(32);
    }
}
