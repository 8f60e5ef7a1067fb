package io.ikescope.audit;

import static io.ikescope.testsupport.TestPaths.publicCorpusOrSkip;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void aCreateChildSaRekeyWithoutKeIsNoPfs() throws Exception {
        // openswan's "rekey without PFS" test case, decrypted with its key table
        Path corpus = publicCorpusOrSkip();
        Path capture = corpus.resolve("openswan/libpluto__lp58-rekeyv2nopfs-inCR1__rekeyCR1.pcap");
        Negotiation n = Reconstruct.runWithKeys(capture,
                List.of(corpus.resolve("openswan/keys/ks1.ikev2_decryption_table"))).negotiations().get(0);
        NegotiationAudit a = Auditor.audit(n);

        assertThat(a.findings()).filteredOn(f -> f.code().equals("NO_PFS")).singleElement().satisfies(f -> {
            assertThat(f.rating()).isEqualTo(Rating.SHOULD_NOT);
            assertThat(f.message()).contains("CREATE_CHILD_SA");
        });
        assertThat(a.ratings()).filteredOn(r -> r.phase() == 2 && r.transformType().equals("dhGroup")).isEmpty();
    }
}
