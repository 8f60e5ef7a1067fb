package io.ikescope.cli;

import static io.ikescope.testsupport.TestPaths.sample;
import static io.ikescope.testsupport.TestPaths.sampleCapture;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.cli.DiagnoseCommandTest.Run;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code ikescope audit} on the lab's samples, as a user runs it. */
class AuditCommandTest {
    @TempDir
    Path temp;

    private Run audit(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "audit";
        System.arraycopy(args, 0, all, 1, args.length);
        return DiagnoseCommandTest.run(temp.resolve("out"), all);
    }

    @Test
    void onlyStrongAlgorithmsExitZero() throws Exception {
        Run r = audit("-k", sample("ikev2-chacha20-x25519-ok.keys.log").toString(),
                sampleCapture("ikev2-chacha20-x25519-ok").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isEqualTo(ExitCodes.OK);
        assertThat(r.output()).contains("worst OK")
                .containsPattern("encryption +CHACHA20-POLY1305 +chosen +OK +RFC 8247 3.1 SHOULD")
                .containsPattern("2 +0 +encryption +CHACHA20-POLY1305 +chosen +OK +RFC 8221 5 SHOULD")
                .contains("NO_POST_QUANTUM_KE")
                .contains("OK: 1 negotiation(s)");
    }

    @Test
    void aNegotiatedMustNotExitsOne() throws Exception {
        Run r = audit("-k", sample("ikev2-algorithms-ok.keys.log").toString(),
                sampleCapture("ikev2-algorithms-ok").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.NEGOTIATION_FAILED);
        assertThat(r.output()).containsPattern("prf +PRF-HMAC-MD5 +chosen +MUST NOT +RFC 8247 3.2 MUST NOT")
                .contains("FAILED: 15 negotiation(s)").contains("1 with a MUST NOT transform negotiated");
    }

    @Test
    void jsonListsEveryRatingWithItsSources() throws Exception {
        Run r = audit("-f", "json", "-k", sample("ikev1-algorithms-ok.keys.log").toString(),
                sampleCapture("ikev1-algorithms-ok").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.NEGOTIATION_FAILED);
        JsonNode doc = new ObjectMapper().readTree(r.output());
        assertThat(doc.get("schema").asString()).isEqualTo("ikescope.audit/1");
        assertThat(doc.get("inputs").get(0).get("path").asString()).endsWith("ikev1-algorithms-ok.pcap");
        JsonNode negotiations = doc.get("negotiations");
        assertThat(negotiations).hasSize(8);
        JsonNode second = negotiations.get(1);
        assertThat(second.get("ikeVersion").asInt()).isEqualTo(1);
        assertThat(second.get("exchangeMode").asString()).isEqualTo("main");
        assertThat(second.get("worst").asString()).isEqualTo("MUST_NOT");
        assertThat(second.get("mustNotNegotiated").asBoolean()).isTrue();
        JsonNode des = null;
        for (JsonNode rating : second.get("ratings")) {
            if (rating.get("name").asString().equals("DES-CBC")) {
                des = rating;
            }
        }
        assertThat(des).isNotNull();
        assertThat(des.get("phase").asInt()).isEqualTo(1);
        assertThat(des.get("child").isNull()).isTrue();
        assertThat(des.get("transformType").asString()).isEqualTo("encryption");
        assertThat(des.get("chosen").asBoolean()).isTrue();
        assertThat(des.get("rating").asString()).isEqualTo("MUST_NOT");
        assertThat(des.get("sources").get(0).get("document").asString()).isEqualTo("RFC 8247");
        assertThat(des.get("sources").get(0).get("level").asString()).isEqualTo("MUST NOT");
        JsonNode version = second.get("ratings").get(0);
        assertThat(version.get("transformType").asString()).isEqualTo("ikeVersion");
        assertThat(version.get("sources").get(0).get("document").asString()).isEqualTo("RFC 9395");
        JsonNode summary = doc.get("summary");
        assertThat(summary.get("negotiations").asInt()).isEqualTo(8);
        assertThat(summary.get("mustNotNegotiated").asInt()).isEqualTo(3);
        assertThat(summary.get("worst").get("MUST_NOT").asInt()).isEqualTo(3);
    }

    @Test
    void htmlIsDiagnosesReportWithAnAuditSection() throws Exception {
        Path out = temp.resolve("report.html");
        Run r = DiagnoseCommandTest.run(out, "audit", "-f", "html", "-k",
                sample("ikev1-aggr-psk-ok.keys.log").toString(), sampleCapture("ikev1-aggr-psk-ok").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.OK);
        String html = Files.readString(out);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        var xpath = XPathFactory.newInstance().newXPath();
        assertThat(xpath.evaluate("normalize-space(//h3[@id='negotiation-1-audit'])", doc))
                .isEqualTo("Audit: SHOULD NOT");
        NodeList rows = (NodeList) xpath.evaluate("//table[contains(@class,'audit')]/tbody/tr", doc,
                XPathConstants.NODESET);
        assertThat(rows.getLength()).isEqualTo(8);
        assertThat(xpath.evaluate("normalize-space(//table[contains(@class,'audit')]/tbody/tr[1])", doc))
                .contains("ikeVersion").contains("RFC 9395 Abstract DEPRECATED");
        assertThat(html).contains("AGGRESSIVE_MODE_PSK");
    }

    @Test
    void aMissingCaptureIsOneLineAndExitTwo() throws Exception {
        Run r = audit(temp.resolve("missing.pcap").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("missing.pcap");
    }
}
