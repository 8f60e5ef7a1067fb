package io.ikescope.audit;

import static io.ikescope.testsupport.TestPaths.sample;
import static io.ikescope.testsupport.TestPaths.sampleCapture;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lab's algorithm scenarios audited as {@code ikescope audit -k} does: every chosen transform of every
 * negotiation gets the rating the RFC tables give it (expected values written here, per the RFC levels).
 */
class SampleAuditTest {

    private static List<NegotiationAudit> audit(String name) throws Exception {
        List<NegotiationAudit> out = new ArrayList<>();
        for (Negotiation n : Reconstruct.runWithKeys(sampleCapture(name), List.of(sample(name + ".keys.log")))
                .negotiations()) {
            out.add(Auditor.audit(n));
        }
        return out;
    }

    /** "phase/child type name" of each chosen transform and its rating. */
    private static Map<String, Rating> chosen(NegotiationAudit a) {
        Map<String, Rating> out = new LinkedHashMap<>();
        for (TransformRating r : a.ratings()) {
            if (r.chosen()) {
                out.put(r.transformType() + " " + r.name(), r.rating());
            }
        }
        return out;
    }

    @Test
    void ikev1AlgorithmsEightMainModes() throws Exception {
        List<NegotiationAudit> audits = audit("ikev1-algorithms-ok");
        assertThat(audits).hasSize(8);
        // 3des-md5, des-sha1, blowfish128-sha256, blowfish256-sha1, cast128-sha384, camellia192-sha512,
        // aes128-sha1, aes192-md5; every one ecp256 (19) and PSK, all IKEv1 (RFC 9395: deprecated)
        List<Map<String, Rating>> expected = List.of(
                Map.of("encryption 3DES-CBC", Rating.OK, "hash MD5", Rating.MUST_NOT),
                Map.of("encryption DES-CBC", Rating.MUST_NOT, "hash SHA1", Rating.OK),
                Map.of("encryption BLOWFISH-CBC-128", Rating.SHOULD_NOT, "hash SHA2-256", Rating.OK),
                Map.of("encryption BLOWFISH-CBC-256", Rating.SHOULD_NOT, "hash SHA1", Rating.OK),
                Map.of("encryption CAST-CBC-128", Rating.SHOULD_NOT, "hash SHA2-384", Rating.NOT_RATED),
                Map.of("encryption CAMELLIA-CBC-192", Rating.NOT_RATED, "hash SHA2-512", Rating.OK),
                Map.of("encryption AES-CBC-128", Rating.OK, "hash SHA1", Rating.OK),
                Map.of("encryption AES-CBC-192", Rating.OK, "hash MD5", Rating.MUST_NOT));
        for (int i = 0; i < audits.size(); i++) {
            Map<String, Rating> want = new LinkedHashMap<>(expected.get(i));
            want.put("ikeVersion IKEv1", Rating.SHOULD_NOT);
            want.put("dhGroup 19 (ecp256)", Rating.OK);
            want.put("authMethod PSK", Rating.OK);
            assertThat(chosen(audits.get(i))).as("negotiation " + (i + 1)).containsExactlyInAnyOrderEntriesOf(want);
        }
        assertThat(audits).extracting(NegotiationAudit::mustNotNegotiated)
                .containsExactly(true, true, false, false, false, false, false, true);
    }

    @Test
    void ikev2AlgorithmsFifteenIkeSas() throws Exception {
        List<NegotiationAudit> audits = audit("ikev2-algorithms-ok");
        assertThat(audits).hasSize(15);
        // per IKE SA: encryption, PRF, integrity (null for AEAD), each with the RFC 8247 / RFC 9395 rating
        List<List<Object>> expected = List.of(
                List.of("AES-CTR-128", Rating.NOT_RATED, "PRF-HMAC-SHA2-384", Rating.NOT_RATED,
                        "HMAC-SHA2-384-192", Rating.NOT_RATED),
                List.of("AES-CTR-256", Rating.NOT_RATED, "PRF-AES128-XCBC", Rating.OK, "AES-XCBC-96", Rating.OK),
                List.of("AES-CBC-192", Rating.OK, "PRF-AES128-CMAC", Rating.NOT_RATED, "AES-CMAC-96",
                        Rating.NOT_RATED),
                List.of("AES-CCM-128-8", Rating.OK, "PRF-HMAC-SHA2-256", Rating.OK),
                List.of("AES-CCM-192-12", Rating.NOT_RATED, "PRF-HMAC-SHA2-256", Rating.OK),
                List.of("AES-CCM-256-16", Rating.NOT_RATED, "PRF-HMAC-SHA2-384", Rating.NOT_RATED),
                List.of("AES-GCM-128-12", Rating.NOT_RATED, "PRF-HMAC-SHA2-256", Rating.OK),
                List.of("AES-GCM-192-8", Rating.NOT_RATED, "PRF-HMAC-SHA2-256", Rating.OK),
                List.of("CAMELLIA-CBC-256", Rating.NOT_RATED, "PRF-HMAC-SHA2-256", Rating.OK, "HMAC-SHA2-256-128",
                        Rating.OK),
                List.of("CAMELLIA-CTR-128", Rating.NOT_RATED, "PRF-HMAC-SHA1", Rating.OK, "HMAC-SHA1-96",
                        Rating.OK),
                List.of("CAMELLIA-CCM-192-16", Rating.NOT_RATED, "PRF-HMAC-SHA2-256", Rating.OK),
                List.of("3DES", Rating.OK, "PRF-HMAC-MD5", Rating.MUST_NOT, "HMAC-MD5-96", Rating.MUST_NOT),
                List.of("CAST-128", Rating.SHOULD_NOT, "PRF-HMAC-SHA1", Rating.OK, "HMAC-SHA1-96", Rating.OK),
                List.of("BLOWFISH-256", Rating.SHOULD_NOT, "PRF-HMAC-SHA2-512", Rating.OK, "HMAC-SHA2-512-256",
                        Rating.OK),
                List.of("AES-CBC-128", Rating.OK, "PRF-HMAC-SHA1", Rating.OK, "HMAC-SHA1-160", Rating.NOT_RATED));
        for (int i = 0; i < audits.size(); i++) {
            List<Object> e = expected.get(i);
            Map<String, Rating> want = new LinkedHashMap<>();
            want.put("encryption " + e.get(0), (Rating) e.get(1));
            want.put("prf " + e.get(2), (Rating) e.get(3));
            if (e.size() > 4) {
                want.put("integrity " + e.get(4), (Rating) e.get(5));
            }
            want.put("dhGroup 19 (ecp256)", Rating.OK);
            want.put("authMethod PSK", Rating.OK);
            assertThat(chosen(audits.get(i))).as("IKE SA " + (i + 1)).containsExactlyInAnyOrderEntriesOf(want);
            assertThat(audits.get(i).mustNotNegotiated()).as("IKE SA " + (i + 1)).isEqualTo(i == 11);
        }
    }

    @Test
    void chachaAndCurve25519AreStrongThroughout() throws Exception {
        NegotiationAudit a = audit("ikev2-chacha20-x25519-ok").get(0);
        assertThat(chosen(a)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "encryption CHACHA20-POLY1305", Rating.OK, "prf PRF-HMAC-SHA2-256", Rating.OK,
                "dhGroup 31 (Curve25519)", Rating.OK, "authMethod PSK", Rating.OK));
        assertThat(a.ratings()).filteredOn(r -> r.phase() == 2).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("CHACHA20-POLY1305");
            assertThat(r.sources()).extracting(Source::cite).containsExactly("RFC 8221 5 SHOULD");
        });
        assertThat(a.worst()).isEqualTo(Rating.OK);
        assertThat(a.mustNotNegotiated()).isFalse();
        // the IKE_AUTH child uses the IKE SA's key exchange: not a missing PFS
        assertThat(a.findings()).extracting(AuditFinding::code).containsExactly("NO_POST_QUANTUM_KE");
    }

    @Test
    void aggressiveModeWithPskIsAFinding() throws Exception {
        NegotiationAudit a = audit("ikev1-aggr-psk-ok").get(0);
        assertThat(a.findings()).extracting(AuditFinding::code).contains("AGGRESSIVE_MODE_PSK");
        assertThat(a.findings()).filteredOn(f -> f.code().equals("AGGRESSIVE_MODE_PSK")).singleElement()
                .satisfies(f -> assertThat(f.rating()).isEqualTo(Rating.SHOULD_NOT));
        assertThat(a.findings()).extracting(AuditFinding::code).doesNotContain("NO_PFS");
    }

    @Test
    void pfsGroupOfARekeyIsRatedAsAGroup() throws Exception {
        NegotiationAudit a = audit("ikev2-psk-ok").get(0);
        assertThat(a.ratings()).filteredOn(r -> r.phase() == 2 && r.transformType().equals("dhGroup"))
                .singleElement().satisfies(r -> {
                    assertThat(r.name()).isEqualTo("14 (modp2048)");
                    assertThat(r.sources()).extracting(Source::cite).containsExactly("RFC 8247 3.4 MUST");
                });
        assertThat(a.findings()).extracting(AuditFinding::code).doesNotContain("NO_PFS");
    }

    @Test
    void aRefusedPfsOfferIsNoMissingPfs() throws Exception {
        // the responder refused the Quick Mode that offered PFS: nothing was chosen, so no child lacks PFS
        NegotiationAudit a = audit("ikev1-quick-pfs-one-side").get(0);
        assertThat(a.findings()).extracting(AuditFinding::code).doesNotContain("NO_PFS");
        assertThat(a.ratings()).filteredOn(r -> r.phase() == 2 && r.transformType().equals("dhGroup"))
                .allSatisfy(r -> assertThat(r.chosen()).isFalse());
    }
}
