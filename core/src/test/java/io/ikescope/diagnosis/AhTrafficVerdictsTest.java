package io.ikescope.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.report.DiagnoseJsonWriter;
import io.ikescope.session.ChildSa;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A tunnel that carries AH is as established as one carrying ESP: ikev2-psk-ok-ah.pcap is the lab sample
 * ikev2-psk-ok with each ESP packet replaced by an AH packet on the same SPI (see
 * core/src/test/resources/captures/README.md), so every verdict and count must be the ESP sample's, moved to AH.
 */
class AhTrafficVerdictsTest {
    @TempDir
    Path temp;

    private static Path ahCapture() {
        return TestPaths.captureFixtures().resolve("ikev2-psk-ok-ah.pcap");
    }

    private static List<Path> keys() {
        return List.of(TestPaths.sample("ikev2-psk-ok.keys.log"));
    }

    @Test
    void withKeysAhIsCountedPerChildAndDirectionWhereTheEspSampleCountsEsp() throws IOException {
        List<Negotiation> esp = Reconstruct.runWithKeys(TestPaths.sampleCapture("ikev2-psk-ok"), keys()).negotiations();
        List<Negotiation> ah = Reconstruct.runWithKeys(ahCapture(), keys()).negotiations();
        assertThat(ah).hasSameSizeAs(esp).hasSize(2);
        long childrenWithTraffic = 0;
        for (int i = 0; i < esp.size(); i++) {
            assertThat(ah.get(i).ah()).isEqualTo(esp.get(i).esp());
            assertThat(ah.get(i).esp().toResponder() + ah.get(i).esp().toInitiator()).isZero();
            List<ChildSa> espChildren = esp.get(i).children();
            List<ChildSa> ahChildren = ah.get(i).children();
            assertThat(ahChildren).hasSameSizeAs(espChildren);
            for (int c = 0; c < espChildren.size(); c++) {
                assertThat(ahChildren.get(c).ahToResponder()).isEqualTo(espChildren.get(c).espToResponder());
                assertThat(ahChildren.get(c).ahToInitiator()).isEqualTo(espChildren.get(c).espToInitiator());
                assertThat(ahChildren.get(c).trafficBothWays()).isEqualTo(espChildren.get(c).trafficBothWays());
                childrenWithTraffic += ahChildren.get(c).trafficBothWays() ? 1 : 0;
            }
            Verdict espVerdict = Diagnoser.diagnose(esp.get(i)).verdict();
            Verdict ahVerdict = Diagnoser.diagnose(ah.get(i)).verdict();
            assertThat(ahVerdict.code()).isEqualTo(espVerdict.code()).isEqualTo(VerdictCode.ESTABLISHED);
            assertThat(ahVerdict.certainty()).isEqualTo(espVerdict.certainty());
            // "AH traffic seen both ways (...)" where the ESP sample says ESP; "no ESP traffic seen" stays as it was
            assertThat(ahVerdict.summary().replace("AH", "ESP")).isEqualTo(espVerdict.summary());
            assertThat(ahVerdict.summary().contains("AH traffic")).isEqualTo(espVerdict.summary().contains("ESP traffic seen both"));
            assertThat(Diagnoser.diagnose(ah.get(i)).phase2Status())
                    .isEqualTo(Diagnoser.diagnose(esp.get(i)).phase2Status());
        }
        assertThat(childrenWithTraffic).as("children with traffic both ways on their SPIs").isEqualTo(2);
    }

    @Test
    void withoutKeysAhBothWaysAfterIkeAuthIsTheEvidenceEspWouldBe() throws IOException {
        Negotiation esp = Reconstruct.run(TestPaths.sampleCapture("ikev2-psk-ok")).negotiations().get(0);
        Negotiation ah = Reconstruct.run(ahCapture()).negotiations().get(0);
        Verdict espVerdict = Diagnoser.diagnose(esp).verdict();
        Verdict ahVerdict = Diagnoser.diagnose(ah).verdict();
        assertThat(espVerdict.code()).isEqualTo(VerdictCode.ESTABLISHED);
        assertThat(ahVerdict.code()).isEqualTo(VerdictCode.ESTABLISHED);
        assertThat(ahVerdict.certainty()).isEqualTo(espVerdict.certainty()).isEqualTo(Certainty.INFERRED);
        assertThat(ahVerdict.summary()).contains("AH traffic seen both ways (5 packets initiator to responder, 5 back)");
        assertThat(ahVerdict.explanation()).contains("from frames 5/6").contains("and the AH traffic");
    }

    @Test
    void ahOnAnSpiNoChildNegotiatedIsNotCountedForAChild() throws IOException {
        // edited: the first byte of every AH SPI of the capture changed, so no negotiated SPI matches
        byte[] pcap = Files.readAllBytes(ahCapture());
        int edited = 0;
        for (String spi : List.of("d1d0f8a3", "715c1889", "e9b345d3", "847fea5a")) {
            byte[] value = java.util.HexFormat.of().parseHex(spi);
            for (int at = 0; at + 4 <= pcap.length; at++) {
                if (java.util.Arrays.equals(pcap, at, at + 4, value, 0, 4) && pcap[at - 3] == 5 /* AH length */) {
                    pcap[at] ^= (byte) 0x80;
                    edited++;
                }
            }
        }
        assertThat(edited).isEqualTo(10);
        Path other = Files.write(temp.resolve("other-spis.pcap"), pcap);
        List<Negotiation> ah = Reconstruct.runWithKeys(other, keys()).negotiations();
        assertThat(ah.get(0).ah().toResponder()).isEqualTo(5); // between the peers, whichever SPI
        assertThat(ah).flatMap(Negotiation::children).allSatisfy(c -> {
            assertThat(c.ahSeen()).isFalse();
            assertThat(c.trafficBothWays()).isFalse();
        });
    }

    @Test
    void theJsonReportCarriesAhNextToEspPerNegotiationAndPerChild() throws IOException {
        List<Negotiation> ah = Reconstruct.runWithKeys(ahCapture(), keys()).negotiations();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (DiagnoseJsonWriter writer = new DiagnoseJsonWriter(out)) {
            for (Negotiation n : ah) {
                writer.negotiation(n, Diagnoser.diagnose(n));
            }
        }
        JsonNode first = new ObjectMapper().readTree(out.toByteArray()).get("negotiations").get(0);
        assertThat(first.get("esp").toString()).isEqualTo("{\"initiatorToResponder\":0,\"responderToInitiator\":0}");
        assertThat(first.get("ah").toString()).isEqualTo("{\"initiatorToResponder\":5,\"responderToInitiator\":5}");
        JsonNode child = first.get("phase2").get(0);
        assertThat(child.get("espPackets").toString()).isEqualTo("{\"initiatorToResponder\":0,\"responderToInitiator\":0}");
        assertThat(child.get("ahPackets").toString()).isEqualTo("{\"initiatorToResponder\":3,\"responderToInitiator\":3}");
        assertThat(first.get("verdict").get("summary").asString()).contains("AH traffic seen both ways");
    }
}
