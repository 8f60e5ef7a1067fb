package io.ikescope.diagnosis;

import static io.ikescope.testsupport.TestPaths.publicCorpusOrSkip;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.report.DiagnoseJsonWriter;
import io.ikescope.report.DiagnoseTextWriter;
import io.ikescope.report.InputSummary;
import io.ikescope.session.ExchangeNames;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Third-party captures: every one is diagnosed and reported without failing; a few are checked by hand. */
class CorpusDiagnoseTest {

    @Test
    void everyCorpusCaptureIsDiagnosedAndReported() throws Exception {
        Path corpus = publicCorpusOrSkip();
        List<Path> captures;
        try (Stream<Path> files = Files.walk(corpus)) {
            captures = files.filter(p -> p.toString().matches(".*\\.(pcap|pcapng|cap)(\\.gz)?$")).sorted().toList();
        }
        int negotiations = 0;
        for (Path capture : captures) {
            StringWriter json = new StringWriter();
            StringWriter text = new StringWriter();
            try (DiagnoseJsonWriter j = new DiagnoseJsonWriter(json); DiagnoseTextWriter t = new DiagnoseTextWriter(text)) {
                for (Negotiation n : Reconstruct.run(capture).negotiations()) {
                    Diagnosis d = Diagnoser.diagnose(n);
                    Verdict v = d.verdict();
                    assertThat(v.summary()).as(capture + " #" + n.id()).isNotBlank();
                    assertThat(v.explanation()).as(capture + " #" + n.id()).isNotBlank();
                    assertThat(v.evidence()).as(capture + " #" + n.id()).isNotEmpty()
                            .allMatch(f -> f >= n.firstFrame());
                    assertThat(d.phase2Status()).hasSize(n.children().size());
                    j.negotiation(n, d);
                    t.negotiation(n, d);
                    negotiations++;
                }
                InputSummary input = new InputSummary(capture.toString(), "pcap", 0, 0, List.of());
                j.input(input);
                t.input(input);
            }
            JsonNode doc = new ObjectMapper().readTree(json.toString());
            assertThat(doc.get("schema").asString()).isEqualTo("ikescope.diagnose/1");
        }
        System.out.println(captures.size() + " corpus captures, " + negotiations + " negotiations diagnosed");
        assertThat(captures.size()).isGreaterThan(120);
        assertThat(negotiations).isGreaterThan(120);
    }

    @Test
    void redirectThenNoProposalChosenFromTheNewGateway() throws Exception {
        List<Negotiation> all = Reconstruct.run(publicCorpusOrSkip().resolve("scapy/ikev2_notify_redirect.pcap"))
                .negotiations();

        assertThat(all).hasSize(2);
        Verdict redirected = Diagnoser.diagnose(all.get(0)).verdict();
        assertThat(redirected.code()).isEqualTo(VerdictCode.PEER_ERROR);
        assertThat(redirected.summary()).contains("REDIRECT");
        Verdict refused = Diagnoser.diagnose(all.get(1)).verdict();
        assertThat(refused.code()).isEqualTo(VerdictCode.PROPOSAL_MISMATCH);
        assertThat(refused.certainty()).isEqualTo(Certainty.CONFIRMED);
        assertThat(refused.phase()).isEqualTo(1);
        assertThat(refused.evidence()).containsExactly(3L, 4L);
    }

    @Test
    void invalidKePayloadThenARetryIsOneNegotiationWithARetryFinding() throws Exception {
        Negotiation n = Reconstruct.run(publicCorpusOrSkip().resolve("zeek-plugin-ikev2/ikev2.pcap")).only();
        Diagnosis d = Diagnoser.diagnose(n);

        assertThat(n.exchanges(ExchangeNames.IKE_SA_INIT)).hasSize(2);
        assertThat(d.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("INVALID_KE_RETRY");
            assertThat(f.frames()).containsExactly(2L, 3L);
        });
        // The retry succeeded; the IKE_AUTH answer (frame 7, 80 bytes) has no room for AUTH.
        assertThat(d.verdict().code()).isEqualTo(VerdictCode.AUTH_FAILED);
        assertThat(d.verdict().certainty()).isEqualTo(Certainty.INFERRED);
        assertThat(d.verdict().explanation()).contains("SK_ei/SK_er");
    }

    @Test
    void invalidKePayloadWithoutRetryNamesTheWantedGroup() throws Exception {
        List<Negotiation> all = Reconstruct.run(publicCorpusOrSkip()
                .resolve("openswan/libpluto__lp08-parentR1__parentR1notify.pcap")).negotiations();
        Verdict v = Diagnoser.diagnose(all.get(0)).verdict();

        assertThat(v.code()).isEqualTo(VerdictCode.DH_GROUP_MISMATCH);
        assertThat(v.certainty()).isEqualTo(Certainty.CONFIRMED);
        assertThat(v.mismatch()).singleElement().satisfies(m -> {
            assertThat(m.attribute()).isEqualTo("dhGroup");
            assertThat(m.wanted()).isEqualTo("14");
        });
        assertThat(v.fix()).contains("DH group 14 (modp2048)");
    }

    @Test
    void largeRequestsUnansweredOnPort4500AreNatTraversalBlocked() throws Exception {
        Negotiation n = Reconstruct.run(publicCorpusOrSkip().resolve("zeek-spicy-ipsec/ipsec_client.pcap")).only();
        Verdict v = Diagnoser.diagnose(n).verdict();

        assertThat(v.code()).isEqualTo(VerdictCode.NAT_T_BLOCKED);
        assertThat(v.evidence()).contains(5L, 8L, 11L);
        assertThat(v.explanation()).contains("IP fragments");
        assertThat(n.natDetected()).isEqualTo("initiator");
    }

    @Test
    void weakOfferIsReportedAsOffered() throws Exception {
        Negotiation n = Reconstruct.run(publicCorpusOrSkip().resolve("suricata-verify/IKEv2_SA_INIT_2-8-weak.pcap"))
                .negotiations().get(0);
        Diagnosis d = Diagnoser.diagnose(n);
        System.out.println(d.findings());
        assertThat(d.findings()).anySatisfy(f -> assertThat(f.code()).startsWith("WEAK_"));
    }
}
