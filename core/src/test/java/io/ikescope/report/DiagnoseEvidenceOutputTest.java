package io.ikescope.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.diagnosis.Diagnoser;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import io.ikescope.testsupport.TestPaths;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The capture point, NAT assessment and fingerprints in the diagnose JSON and text (README, diagnose JSON). */
class DiagnoseEvidenceOutputTest {

    private static String run(Negotiation n, DiagnoseWriter w, StringWriter out) throws Exception {
        w.negotiation(n, Diagnoser.diagnose(n));
        w.close();
        return out.toString();
    }

    @Test
    void jsonCarriesTheEvidenceBesideTheContractsFields() throws Exception {
        // ikev2-nat-ok: a NAT in front of the initiator, kernel-libipsec on both, captured at the responder.
        Negotiation n = Reconstruct.run(TestPaths.sampleCapture("ikev2-nat-ok")).only();
        StringWriter out = new StringWriter();
        JsonNode neg = new ObjectMapper().readTree(run(n, new DiagnoseJsonWriter(out), out)).get("negotiations").get(0);
        assertThat(neg.get("natT").get("natDetected").asString()).isEqualTo("both");
        assertThat(neg.get("natT").get("forcedEncapsulation").asString()).isEqualTo("responder");
        assertThat(neg.get("natT").get("natPlacement").isNull()).isTrue();
        assertThat(neg.get("natT").get("responder").get("forcesEncapsulation").asBoolean()).isTrue();
        assertThat(neg.get("natT").get("initiator").get("behindNat").isNull()).isTrue();
        assertThat(neg.get("capturePoint").get("location").asString()).isEqualTo("responder");
        assertThat(neg.get("capturePoint").get("initiator").get("ttl").asInt()).isEqualTo(63);
        assertThat(neg.get("capturePoint").get("initiator").get("hops").asInt()).isEqualTo(1);
        assertThat(neg.get("initiator").get("address").asString()).isEqualTo("198.51.100.65");
        assertThat(neg.get("initiator").get("implementation").isNull()).isTrue();
    }

    @Test
    void jsonNamesAnImplementationWithItsEvidence() throws Exception {
        Negotiation n = Reconstruct.run(TestPaths.sampleCapture("ikev2-no-response")).only();
        StringWriter out = new StringWriter();
        JsonNode impl = new ObjectMapper().readTree(run(n, new DiagnoseJsonWriter(out), out)).get("negotiations").get(0)
                .get("initiator").get("implementation");
        assertThat(impl.get("name").asString()).isEqualTo("strongSwan");
        assertThat(impl.get("basis").asString()).isEqualTo("retransmissions");
        assertThat(impl.get("certainty").asString()).isEqualTo("inferred");
        assertThat(impl.get("evidence").get(0).asString()).startsWith("retransmissions of frame 1 at +1.0 s, +2.4 s");
    }

    @Test
    void textSaysForcedEncapsulationInWords() throws Exception {
        // direct topology, kernel-libipsec on both: no NAT, both peers fake their NAT-D source hash.
        Negotiation n = Reconstruct.run(TestPaths.sampleCapture("ikev1-quick-ts-mismatch")).only();
        StringWriter out = new StringWriter();
        String text = run(n, new DiagnoseTextWriter(out), out);
        assertThat(text).contains("NAT detected: both (both peers force UDP encapsulation; no NAT between them)");
        assertThat(text).contains("Capture point: on the segment both peers share: no router, hence no NAT, between"
                + " them (initiator TTL 64, untouched; responder TTL 64, untouched)");
    }
}
