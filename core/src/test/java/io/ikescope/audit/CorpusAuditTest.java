package io.ikescope.audit;

import static io.ikescope.testsupport.TestPaths.publicCorpusOrSkip;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import org.junit.jupiter.api.Test;

/** Public captures of shared/corpus (skipped with a message when ../shared is absent). */
class CorpusAuditTest {

    @Test
    void aWeakGroupOfferedButNeverChosenIsDowngradeExposure() throws Exception {
        Negotiation n = Reconstruct.run(publicCorpusOrSkip().resolve("suricata-verify/IKEv2_SA_INIT_2-8-weak.pcap"))
                .negotiations().get(0);
        NegotiationAudit a = Auditor.audit(n);

        assertThat(a.ratings()).filteredOn(r -> r.name().equals("2 (modp1024)")).singleElement().satisfies(r -> {
            assertThat(r.chosen()).isFalse();
            assertThat(r.offered()).isTrue();
            assertThat(r.rating()).isEqualTo(Rating.SHOULD_NOT);
        });
        assertThat(a.findings()).filteredOn(f -> f.code().equals("DOWNGRADE_EXPOSURE")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("2 (modp1024)").contains("AUTH payload");
                    assertThat(f.sources()).extracting(Source::cite).containsExactly("RFC 8247 3.4 SHOULD NOT");
                });
        // only an offer: nothing negotiated, so no MUST NOT either
        assertThat(a.mustNotNegotiated()).isFalse();
    }
}
