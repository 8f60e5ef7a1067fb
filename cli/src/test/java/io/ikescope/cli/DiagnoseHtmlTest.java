package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.report.TextEscaper;
import io.ikescope.testsupport.IkeSurgery;
import io.ikescope.testsupport.TestPaths;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code diagnose --format html} end to end: every lab sample (with its keys when it has them) gives a page an XML
 * parser accepts, naming for each negotiation the verdict code and certainty that {@code --format json} gives for
 * the same input, with the same exit status; nothing in it is fetched or run; text a peer sent stays text.
 */
class DiagnoseHtmlTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), out, err, args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The page as XML: fails the test when it is not well-formed. No DTD or entity is ever fetched. */
    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    private static List<Element> all(Document doc, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPATH.evaluate(xpath, doc, XPathConstants.NODESET);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static String text(Document doc, String xpath) throws Exception {
        return ((String) XPATH.evaluate(xpath, doc, XPathConstants.STRING)).trim();
    }

    /** The HTML report of these arguments, its JSON twin, and checks that both agree negotiation by negotiation. */
    private Document diagnoseBoth(String name, List<String> args) throws Exception {
        List<String> html = new ArrayList<>(List.of("diagnose", "-f", "html"));
        html.addAll(args);
        List<String> json = new ArrayList<>(List.of("diagnose", "-f", "json"));
        json.addAll(args);
        Run h = run(html.toArray(new String[0]));
        Run j = run(json.toArray(new String[0]));

        assertThat(h.exit()).as(name + " exit status; stderr: " + h.err()).isEqualTo(j.exit()).isIn(0, 1);
        assertThat(h.err()).as(name).isEqualTo(j.err());
        Document doc = parse(h.out());
        selfContained(name, h.out(), doc);

        JsonNode report = new ObjectMapper().readTree(j.out());
        List<Element> rows = all(doc, "//table[contains(@class,'summary')]/tbody/tr");
        assertThat(rows).as(name + " summary rows").hasSize(report.get("negotiations").size());
        int i = 0;
        for (JsonNode n : report.get("negotiations")) {
            String id = n.get("id").asString();
            String code = n.get("verdict").get("code").asString();
            String certainty = n.get("verdict").get("certainty").asString();
            String row = "//table[contains(@class,'summary')]/tbody/tr[" + (++i) + "]";
            assertThat(text(doc, row + "/td[1]")).as(name).isEqualTo(id);
            assertThat(text(doc, row + "//span[contains(@class,'badge')]")).as(name + " #" + id).isEqualTo(code);
            assertThat(text(doc, row + "//span[@class='certainty']")).as(name + " #" + id).isEqualTo(certainty);
            String section = "//section[@id='negotiation-" + id + "']";
            assertThat(all(doc, section)).as(name + " section of #" + id).hasSize(1);
            assertThat(text(doc, section + "//div[contains(@class,'verdict')]//span[contains(@class,'badge')]"))
                    .as(name + " #" + id).isEqualTo(code);
            assertThat(text(doc, section + "//div[contains(@class,'verdict')]//span[@class='certainty']"))
                    .as(name + " #" + id).isEqualTo(certainty);
            String colour = code.equals("ESTABLISHED") ? "ok"
                    : code.equals("INCOMPLETE") || code.equals("UNDETERMINED") ? "unknown" : "fail";
            assertThat(text(doc, row + "//span[contains(@class,'badge')]/@class")).isEqualTo("badge " + colour);
            // the words of the verdict and findings, whole, with the frames they cite linked or not
            String verdict = section + "//div[contains(@class,'verdict')]";
            assertThat(text(doc, verdict + "//p[@class='summary']")).as(name + " #" + id)
                    .isEqualTo(TextEscaper.escape(n.get("verdict").get("summary").asString()));
            assertThat(text(doc, verdict + "//dt[.='Why']/following-sibling::dd[1]")).as(name + " #" + id)
                    .isEqualTo(TextEscaper.escape(n.get("verdict").get("explanation").asString()));
            if (!n.get("verdict").get("fix").isNull()) {
                assertThat(text(doc, verdict + "//dt[.='Fix']/following-sibling::dd[1]")).as(name + " #" + id)
                        .isEqualTo(TextEscaper.escape(n.get("verdict").get("fix").asString()));
            }
            List<Element> findings = all(doc, section + "//ul[@class='findings']/li");
            assertThat(findings).as(name + " #" + id).hasSize(n.get("findings").size());
            for (int f = 0; f < findings.size(); f++) {
                JsonNode finding = n.get("findings").get(f);
                assertThat(findings.get(f).getTextContent()).as(name + " #" + id).contains(finding.get("code").asString()
                        + ": " + TextEscaper.escape(finding.get("message").asString()));
            }
            phase1Encryption(doc, section, n.get("phase1"), name + " #" + id);
            // one ladder row per message and per ICMP error of the JSON, in frame order, each arrow pointing the way
            // it went (an ICMP error back to the peer whose datagram it refused)
            List<long[]> expectedRows = new ArrayList<>(); // {frame, 1 when the arrow points to the responder}
            for (JsonNode message : n.get("messages")) {
                expectedRows.add(new long[] {message.get("frame").asLong(),
                        message.get("from").asString().equals("initiator") ? 1 : 0});
            }
            for (JsonNode icmp : n.get("icmpErrors")) {
                expectedRows.add(new long[] {icmp.get("frame").asLong(),
                        icmp.get("refused").asString().equals("responder") ? 1 : 0});
            }
            expectedRows.sort((a, b) -> Long.compare(a[0], b[0]));
            List<Element> ladder = all(doc, section + "//table[@class='ladder']/tbody/tr");
            assertThat(ladder).as(name + " ladder of #" + id).hasSize(expectedRows.size());
            int m = 0;
            for (long[] expectedRow : expectedRows) {
                Element tr = ladder.get(m++);
                assertThat(tr.getAttribute("id")).isEqualTo("negotiation-" + id + "-frame-" + expectedRow[0]);
                String arrow = text(doc, "//tr[@id='" + tr.getAttribute("id") + "']//div[contains(@class,'arrow')]/@class");
                assertThat(arrow).isEqualTo(expectedRow[1] == 1 ? "arrow to-right" : "arrow to-left");
            }
        }
        assertThat(all(doc, "//section[contains(@class,'inputs')]//tbody/tr")).hasSize(report.get("inputs").size());
        return doc;
    }

    /** Phase 1's table offers the encryption algorithms the JSON lists as offered, and chose the one it chose. */
    private static void phase1Encryption(Document doc, String section, JsonNode phase1, String what) throws Exception {
        String table = section + "//table[contains(@class,'proposals')][1]";
        List<String> titles = all(doc, table + "/thead/tr/th").stream().map(Element::getTextContent).toList();
        int column = titles.indexOf("Encryption") + 1;
        Set<String> offered = new HashSet<>();
        Set<String> shown = new HashSet<>();
        if (phase1.get("offered").isArray()) {
            phase1.get("offered").forEach(o -> offered.add(o.get("encryption").asString()));
            assertThat(column).as(what + " Encryption column").isPositive();
            for (Element cell : all(doc, table + "/tbody/tr[starts-with(td[1], 'offered')]/td[" + column + "]")) {
                shown.addAll(List.of(cell.getTextContent().split(", ")));
            }
        }
        assertThat(shown).as(what + " offered encryption").isEqualTo(offered);
        if (!phase1.get("chosen").isNull()) {
            assertThat(text(doc, table + "/tbody/tr[@class='chosen']/td[" + column + "]")).as(what + " chosen")
                    .isEqualTo(phase1.get("chosen").get("encryption").asString());
        }
    }

    /** Nothing that runs or is fetched: no script, no event handler, no external reference of any kind. */
    private static void selfContained(String name, String html, Document doc) throws Exception {
        assertThat(html).as(name).startsWith("<!DOCTYPE html>");
        assertThat(all(doc, "//script | //link | //img | //iframe | //object | //embed")).as(name).isEmpty();
        assertThat(all(doc, "//*[@src]")).as(name).isEmpty();
        for (Element a : all(doc, "//*[@href]")) {
            assertThat(a.getAttribute("href")).as(name).startsWith("#");
        }
        assertThat(all(doc, "//*[@*[starts-with(name(), 'on')]]")).as(name + ": event handlers").isEmpty();
        assertThat(html).as(name).doesNotContain("url(").doesNotContain("@import");
    }

    @Test
    void everySampleRendersWithTheVerdictsOfTheJsonReport() throws Exception {
        Path samples = TestPaths.samples();
        JsonNode index = new ObjectMapper().readTree(samples.resolve("index.json").toFile());
        int checked = 0;
        for (JsonNode sample : index) {
            List<String> args = new ArrayList<>();
            if (sample.hasNonNull("keys")) {
                args.addAll(List.of("-k", samples.resolve(sample.get("keys").asString()).toString()));
            }
            args.add(samples.resolve(sample.get("capture").asString()).toString());
            Document doc = diagnoseBoth(sample.get("name").asString(), args);
            // the lab's expected verdict is among those shown (index.json, checked against the daemons' logs)
            assertThat(all(doc, "//table[contains(@class,'summary')]//span[contains(@class,'badge')]").stream()
                    .map(Element::getTextContent).toList()).as(sample.get("name").asString())
                    .contains(sample.get("expected").asString());
            checked++;
        }
        assertThat(checked).isEqualTo(index.size()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void aCauseTheEvidenceRuledOutIsShownWithItsReasonAndFrameLinks() throws Exception {
        // samples/ikev1-encap-psk-mismatch.pcap: MM5 on UDP 4500 answered by an Informational each time, so the
        // NAT-T pattern is ruled out (see the text report's "Ruled out:" line).
        Run r = run("diagnose", "-f", "html", TestPaths.samples().resolve("ikev1-encap-psk-mismatch.pcap").toString());
        Document doc = parse(r.out());
        List<Element> ruledOut = all(doc, "//dt[.='Ruled out']/following-sibling::dd[1]");
        assertThat(ruledOut).hasSize(1);
        assertThat(ruledOut.get(0).getTextContent()).startsWith("NAT_T_BLOCKED: the responder reacted to MM5");
        assertThat(all(doc, "//dt[.='Ruled out']/following-sibling::dd[1]/a")).extracting(a -> a.getTextContent())
                .containsExactly("6", "8", "10");
    }

    @Test
    void severalCapturesMakeOnePageWithEveryNegotiationAndInput() throws Exception {
        Path samples = TestPaths.samples();
        List<String> names = List.of("ikev1-main-psk-ok", "ikev2-proposal-mismatch", "ikev2-dh-invalid-ke-ok",
                "ikev1-quick-ts-mismatch", "ikev2-port-unreachable");
        List<String> args = new ArrayList<>(List.of("-k", samples.resolve("ikev1-quick-ts-mismatch.keys.log").toString()));
        for (String n : names) {
            args.add(samples.resolve(n + ".pcap").toString());
        }
        Document doc = diagnoseBoth("five captures", args);

        List<Element> sections = all(doc, "//section[contains(@class,'negotiation')]");
        assertThat(sections).hasSizeGreaterThanOrEqualTo(names.size());
        Set<String> ids = new HashSet<>();
        sections.forEach(s -> ids.add(s.getAttribute("id")));
        assertThat(ids).hasSameSizeAs(sections);
        assertThat(all(doc, "//section[contains(@class,'inputs')]//tbody/tr/td[1]").stream()
                .map(Element::getTextContent).toList())
                .containsExactlyElementsOf(names.stream().map(n -> samples.resolve(n + ".pcap").toString()).toList());
        assertThat(text(doc, "//p[@class='lead']")).isEqualTo(sections.size() + " negotiations, 2 established.");
        // the explanation links the frames it cites: IKE_SA_INIT request (frame 1) and its NO_PROPOSAL_CHOSEN (frame 2)
        String refused = "//section[.//dd[contains(., 'ikev2-proposal-mismatch.pcap')]]";
        assertThat(all(doc, refused + "//dt[.='Why']/following-sibling::dd[1]/a").stream()
                .map(a -> a.getTextContent() + " " + a.getAttribute("href")).toList())
                .containsExactly("1 #negotiation-2-frame-1", "2 #negotiation-2-frame-2");
        // every frame the verdicts cite links to a row of its own negotiation's ladder
        for (Element a : all(doc, "//div[contains(@class,'verdict')]//a")) {
            String target = a.getAttribute("href").substring(1);
            assertThat(all(doc, "//tr[@id='" + target + "']")).as(target).hasSize(1);
            assertThat(target).endsWith("-frame-" + a.getTextContent());
        }
        // the port unreachables the NO_RESPONSE verdict cites are rows of the ladder too
        assertThat(all(doc, "//tr[.//span[contains(@class,'icmp')]]")).isNotEmpty();
    }

    @Test
    void theSameSaInThreeCapturesShowsWhereEachMessageWasSeen() throws Exception {
        // A lab matrix run (core/src/test/resources/correlation): strongSwan's MM5 on UDP 4500 leaves the
        // initiator three times and reaches neither the router's nor the responder's capture point.
        Path dir = TestPaths.repositoryRoot()
                .resolve("core/src/test/resources/correlation/v1-natt-blocked.i-strongswan.r-libreswan.nat.encap");
        Document doc = diagnoseBoth("three capture points", List.of(dir.resolve("capture-initiator.pcap").toString(),
                dir.resolve("capture-router.pcap").toString(), dir.resolve("capture-responder.pcap").toString()));
        assertThat(all(doc, "//section[contains(@class,'negotiation')]")).hasSize(1);
        assertThat(text(doc, "//h3[starts-with(., 'Seen at')]"))
                .isEqualTo("Seen at 3 capture points (initiator's end first, ordered by timing)");
        List<Element> rows = all(doc, "//table[@class='correlation']/tbody/tr");
        assertThat(rows).hasSize(10);
        assertThat(rows.stream().filter(r -> r.getAttribute("class").equals("missing"))
                .map(r -> r.getTextContent().replaceAll("\\s+", " ").trim()).toList())
                .containsExactly("I> MM5 5 - -", "I> MM5 7 - -", "I> MM5 9 - -");
        // each label links to its own row of the ladder above
        for (Element a : all(doc, "//table[@class='correlation']//a")) {
            assertThat(all(doc, "//table[contains(@class,'ladder')]//tr[@id='" + a.getAttribute("href").substring(1)
                    + "']")).as(a.getTextContent()).hasSize(1);
        }
        assertThat(text(doc, "//table[@class='correlation']/following-sibling::p[1]"))
                .isEqualTo("7 of 10 messages were seen at all 3 capture points; '-': not in that capture");
        assertThat(text(doc, "//table[@class='correlation']/following-sibling::ul[1]/li[1]"))
                .startsWith("MM5 (frames 5, 7 and 9 at ").contains("left the initiator but never reached");
    }

    @Test
    void oneCaptureShowsNoCorrelationSection() throws Exception {
        Run r = run("diagnose", "-f", "html", TestPaths.samples().resolve("ikev2-psk-ok.pcap").toString());
        assertThat(all(parse(r.out()), "//table[@class='correlation']")).isEmpty();
    }

    /** What a hostile peer could put in a gateway name: markup, an entity, quotes, terminal and bidi controls. */
    private static final String HOSTILE = "<script>alert(\"x\")</script><img src=x onerror=alert(1)>&amp;'\u001b[2J\u202e\u009a";

    @Test
    void aRedirectToAHostileGatewayNameStaysText() throws Exception {
        // samples/ikev2-proposal-mismatch.pcap: frame 2 is the responder's IKE_SA_INIT answer, one notify
        // (NO_PROPOSAL_CHOSEN). It becomes a REDIRECT (RFC 5685, type 16407) naming an FQDN gateway (type 3).
        Path original = TestPaths.samples().resolve("ikev2-proposal-mismatch.pcap");
        List<byte[]> frames = IkeSurgery.frames(original);
        byte[] frame = frames.get(1);
        int udp = 14 + (frame[14] & 0x0F) * 4;
        byte[] ike = java.util.Arrays.copyOfRange(frame, udp + 8, frame.length);
        byte[] gateway = HOSTILE.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0, 0, 0x40, 0x17, 3, (byte) gateway.length});
        body.writeBytes(gateway);
        frames.set(1, IkeSurgery.withIke(frame, IkeSurgery.replacePayloadBody(ike, 0, body.toByteArray())));
        Path capture = Files.write(dir.resolve("redirect.pcap"), IkeSurgery.ethernetPcap(frames));

        Run json = run("diagnose", "-f", "json", capture.toString());
        String summary = new ObjectMapper().readTree(json.out()).get("negotiations").get(0).get("verdict")
                .get("summary").asString();
        assertThat(summary).as("the hostile name reaches the report").contains(HOSTILE);
        // ... escaped in the JSON text itself: no terminal-active character raw (C0, C1, bidi), as in dissect
        assertThat(json.out()).doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\u009a");

        Document doc = diagnoseBoth("hostile redirect", List.of(capture.toString()));
        String raw = run("diagnose", "-f", "html", capture.toString()).out();
        assertThat(raw).doesNotContain("<script").doesNotContain("<img").doesNotContain("\u001b").doesNotContain("\u202e");
        assertThat(all(doc, "//script | //img")).isEmpty();
        // shown as the characters it is made of, controls made visible as in the text report
        assertThat(text(doc, "//table[contains(@class,'summary')]/tbody/tr[1]/td[7]"))
                .isEqualTo(TextEscaper.escape(summary)).contains("<script>alert(\"x\")</script><img src=x");
        assertThat(text(doc, "//section[@id='negotiation-1']//p[@class='summary']")).isEqualTo(TextEscaper.escape(summary));
    }

    @Test
    void aHostileCaptureFileNameStaysText() throws Exception {
        String name = "<b onclick=\"x\">&amp;'\u001b[31m.pcap";
        Path capture = Files.copy(TestPaths.samples().resolve("ikev2-psk-ok.pcap"), dir.resolve(name));

        Document doc = diagnoseBoth("hostile file name", List.of(capture.toString()));
        assertThat(all(doc, "//b")).isEmpty();
        assertThat(text(doc, "//section[contains(@class,'inputs')]//tbody/tr/td[1]"))
                .isEqualTo(TextEscaper.escape(capture.toString()));
    }

    @Test
    void dissectAndKeysRefuseHtmlWithOneLine() {
        Path capture = TestPaths.samples().resolve("ikev2-psk-ok.pcap");
        Run dissect = run("dissect", "-f", "html", capture.toString());
        assertThat(dissect.exit()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
        assertThat(dissect.out()).isEmpty();
        assertThat(dissect.err().lines().toList())
                .containsExactly("ikescope: --format html is for diagnose only: dissect writes text or json");
        Run keys = run("keys", "--format", "HTML", TestPaths.samples().resolve("ikev2-psk-ok.keys.log").toString());
        assertThat(keys.exit()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
        assertThat(keys.out()).isEmpty();
        assertThat(keys.err().lines().toList())
                .containsExactly("ikescope: keys writes Wireshark tables: --format html does not apply");
    }

    /** IPv4 ESP, or ESP in UDP 4500 (RFC 3948: a non-zero SPI where IKE has its zero marker). */
    private static boolean isEsp(byte[] frame) {
        int ip = 14;
        int protocol = frame[ip + 9];
        if (protocol == 50) {
            return true;
        }
        int udp = ip + (frame[ip] & 0x0F) * 4;
        boolean natT = protocol == 17 && ((frame[udp + 2] & 0xFF) << 8 | (frame[udp + 3] & 0xFF)) == 4500;
        return natT && frame.length >= udp + 12 && (frame[udp + 8] | frame[udp + 9] | frame[udp + 10] | frame[udp + 11]) != 0;
    }

    @Test
    void aCaptureWithoutIkeStillGivesAWholePage() throws Exception {
        // the ESP packets of a real capture alone: no IKE message, exit status 0 as for the other formats
        List<byte[]> frames = IkeSurgery.frames(TestPaths.samples().resolve("ikev2-psk-ok.pcap"));
        List<byte[]> esp = frames.stream().filter(DiagnoseHtmlTest::isEsp).toList();
        assertThat(esp).isNotEmpty();
        Path capture = Files.write(dir.resolve("esp-only.pcap"), IkeSurgery.ethernetPcap(esp));

        Document doc = diagnoseBoth("no IKE", List.of(capture.toString()));
        assertThat(text(doc, "//p[@class='lead']")).isEqualTo("No IKE negotiation found.");
        assertThat(text(doc, "//section[contains(@class,'inputs')]//tbody/tr/td[4]")).isEqualTo("0");
    }
}
