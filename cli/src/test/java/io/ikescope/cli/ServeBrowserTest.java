package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ikescope.testsupport.IkeSurgery;
import io.ikescope.testsupport.TestPaths;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code ikescope serve} in real Chromium (Debian's chromium and chromedriver, driven by Selenium; nothing is
 * downloaded): the server runs as a user starts it, the page is used as a user would. Screenshots of the main views
 * go to target/screenshots/ (kept by CI as artefacts).
 */
class ServeBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a hostile peer could put in an identity or vendor ID: markup, handlers, quotes. */
    private static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'><svg onload=alert(3)>";

    private static ChromeDriver driver;
    private static Path downloads;

    @TempDir
    Path temp;

    private Process server;
    private Path serverTemp;

    @BeforeAll
    static void browser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver);"
                        + " lab/install-deps.sh installs them as root");
        downloads = Files.createTempDirectory("ikescope-browser-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1100", "--no-first-run", "--disable-extensions");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (downloads != null) {
            try (var files = Files.list(downloads)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(downloads);
        }
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.destroy(); // SIGTERM, as Ctrl-C would
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            try (var left = Files.list(serverTemp)) {
                assertThat(left).as("uploads deleted when the server stops").isEmpty();
            }
        }
    }

    /** Starts {@code ikescope serve --port 0 ARGS} as a process; its address. */
    private String serve(String... args) throws IOException {
        serverTemp = Files.createDirectories(temp.resolve("server-temp"));
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                "io.ikescope.cli.Main", "serve", "--port", "0", "--temp-dir", serverTemp.toString()));
        command.addAll(List.of(args));
        server = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        String line = err.readLine();
        assertThat(line).as("serve's first line").startsWith("ikescope: serving http://127.0.0.1:");
        Thread drain = new Thread(() -> {
            try {
                err.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the server stopped
            }
        });
        drain.setDaemon(true);
        drain.start();
        return line.substring("ikescope: serving ".length(), line.indexOf('/', "ikescope: serving http://".length()) + 1);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Opens the page and waits until it has loaded its session. */
    private static void open(String url) {
        driver.get(url);
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    private static List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#negotiations tbody tr"));
    }

    /** {@code ikescope diagnose -f json -k KEYS CAPTURES} run as a user would, in a directory holding the same files. */
    private String diagnoseDirectly(List<Path> captures, List<Path> keys) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("direct"));
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                "io.ikescope.cli.Main", "diagnose", "-f", "json"));
        for (Path k : keys) {
            Files.copy(k, dir.resolve(k.getFileName()));
            command.addAll(List.of("-k", k.getFileName().toString()));
        }
        for (Path c : captures) {
            Files.copy(c, dir.resolve(c.getFileName()));
            command.add(c.getFileName().toString());
        }
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String paths(List<Path> files) {
        return String.join("\n", files.stream().map(p -> p.toAbsolutePath().toString()).toList());
    }

    private void uploadAndDiagnose(List<Path> captures, List<Path> keys, int negotiations) throws IOException {
        try {
            uploadAndDiagnoseOrTimeOut(captures, keys, negotiations);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-upload");
            throw new AssertionError("the page says: " + driver.findElement(By.id("message")).getText()
                    + "; files: " + driver.findElement(By.id("files")).getText(), e);
        }
    }

    private void uploadAndDiagnoseOrTimeOut(List<Path> captures, List<Path> keys, int negotiations) {
        driver.findElement(By.id("pick-capture")).sendKeys(paths(captures));
        waiting().until(d -> d.findElements(By.cssSelector("#files li[data-kind=capture]")).size() == captures.size());
        if (!keys.isEmpty()) {
            driver.findElement(By.id("pick-keys")).sendKeys(paths(keys));
            waiting().until(d -> d.findElements(By.cssSelector("#files li[data-kind=keys]")).size() == keys.size());
        }
        driver.findElement(By.id("diagnose")).click();
        waiting().until(d -> rows().size() == negotiations);
    }

    @Test
    void uploadDiagnoseOpenANegotiationAndDownloadTheJson() throws Exception {
        List<Path> captures = List.of(TestPaths.samples().resolve("ikev2-psk-mismatch.pcap"),
                TestPaths.samples().resolve("ikev1-quick-ts-mismatch.pcap"), TestPaths.samples().resolve("ikev2-psk-ok.pcap"));
        List<Path> keys = List.of(TestPaths.samples().resolve("ikev2-psk-mismatch.keys.log"),
                TestPaths.samples().resolve("ikev1-quick-ts-mismatch.keys.log"), TestPaths.samples().resolve("ikev2-psk-ok.keys.log"));
        String direct = diagnoseDirectly(captures, keys);
        JsonNode expected = JSON.readTree(direct);
        int count = expected.get("negotiations").size();
        assertThat(count).isGreaterThanOrEqualTo(3);

        open(serve());
        uploadAndDiagnose(captures, keys, count);
        // the table's verdicts are the report's
        for (JsonNode n : expected.get("negotiations")) {
            WebElement row = driver.findElement(By.cssSelector("#negotiations tbody tr[data-id='" + n.get("id").asString() + "']"));
            assertThat(row.findElement(By.cssSelector("td.verdict")).getText()).isEqualTo(n.get("verdict").get("code").asString());
        }
        screenshot("serve-negotiations");

        // sorted by verdict, then filtered to one
        driver.findElement(By.cssSelector("th[data-key=verdict]")).click();
        List<String> sorted = rows().stream().map(r -> r.findElement(By.cssSelector("td.verdict")).getText()).toList();
        assertThat(sorted).isSorted();
        driver.findElement(By.id("filter")).sendKeys("AUTH_FAILED");
        assertThat(rows()).hasSize(1);
        assertThat(driver.findElement(By.id("shown")).getText()).isEqualTo("1 of " + count + " negotiations");

        // the negotiation: verdict, ladder, payloads of a decrypted message
        rows().get(0).click();
        WebElement detail = driver.findElement(By.id("detail"));
        waiting().until(d -> detail.isDisplayed());
        assertThat(detail.findElement(By.tagName("h2")).getText()).contains("AUTH_FAILED");
        assertThat(detail.findElements(By.cssSelector("svg.ladder g.message"))).hasSize(4);
        detail.findElement(By.cssSelector("svg.ladder g.message[data-frame='3']")).click();
        WebElement payloads = detail.findElement(By.cssSelector(".payloads"));
        waiting().until(d -> payloads.getText().contains("initiator.lab.example"));
        assertThat(payloads.getText()).contains("decryption: ok").contains("IDi").contains("AUTH");
        screenshot("serve-negotiation-payloads");
        // an evidence link selects its message in the ladder
        detail.findElement(By.cssSelector(".evidence .frame-link")).click();
        String evidenceFrame = detail.findElement(By.cssSelector(".evidence .frame-link")).getAttribute("data-frame");
        assertThat(detail.findElement(By.cssSelector("svg.ladder g.message.selected")).getAttribute("data-frame"))
                .isEqualTo(evidenceFrame);

        // so does a frame named in the explanation
        WebElement inline = detail.findElement(By.cssSelector(".explanation .frame-link"));
        assertThat(detail.findElement(By.cssSelector(".explanation")).getText()).contains("(frame " + inline.getText() + ")");
        detail.findElement(By.cssSelector("svg.ladder g.message[data-frame='1']")).click();
        inline.click();
        assertThat(detail.findElement(By.cssSelector("svg.ladder g.message.selected")).getAttribute("data-frame"))
                .isEqualTo(inline.getText());

        // the JSON download is what diagnose prints
        driver.findElement(By.id("download-json")).click();
        Path downloaded = downloads.resolve("ikev2-psk-mismatch.diagnose.json");
        waiting().until(d -> Files.exists(downloaded) && !Files.exists(downloads.resolve(downloaded.getFileName() + ".crdownload")));
        assertThat(Files.readString(downloaded)).isEqualTo(direct);
    }

    @Test
    void offeredAndChosenShowTheDifferingAttribute() throws Exception {
        // a rekey whose CREATE_CHILD_SA offered PFS group 14 to a responder configured without PFS
        Path capture = TestPaths.samples().resolve("ikev2-rekey-pfs-mismatch.pcap");
        open(serve());
        uploadAndDiagnose(List.of(capture), List.of(TestPaths.samples().resolve("ikev2-rekey-pfs-mismatch.keys.log")), 1);
        rows().get(0).click();
        List<WebElement> tables = driver.findElements(By.cssSelector("#detail .proposals table"));
        WebElement refused = tables.get(tables.size() - 1);
        assertThat(refused.findElement(By.tagName("caption")).getText()).startsWith("failed");
        List<WebElement> marked = refused.findElements(By.cssSelector("td.differs"));
        assertThat(marked).extracting(WebElement::getText).containsExactly("14");
        int column = refused.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList()
                .indexOf("dhGroup");
        assertThat(refused.findElements(By.cssSelector("tr.offered td")).get(column - 1).getAttribute("class"))
                .isEqualTo("differs");
        assertThat(driver.findElement(By.cssSelector("#detail .differs-note")).getText())
                .isEqualTo("dhGroup: offered 14, the other side wants none");
        // tables of SAs that were established mark nothing the verdict names
        for (WebElement t : tables.subList(0, tables.size() - 1)) {
            assertThat(t.findElements(By.cssSelector("th.differs"))).isEmpty();
        }
        screenshot("serve-proposals");
    }

    @Test
    void aCaptureWithMarkupInItsIdentityAndVendorIdStaysText() throws Exception {
        // samples/ikev1-aggr-psk-ok.pcap: frame 1 is Aggressive Mode's first message, identities in clear:
        // payload 3 its ID, payload 4 a vendor ID; both become the hostile text
        Path original = TestPaths.samples().resolve("ikev1-aggr-psk-ok.pcap");
        List<byte[]> frames = IkeSurgery.frames(original);
        byte[] frame = frames.get(0);
        int udp = 14 + (frame[14] & 0x0F) * 4;
        byte[] ike = java.util.Arrays.copyOfRange(frame, udp + 8, frame.length);
        byte[] hostile = HOSTILE.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream id = new ByteArrayOutputStream();
        id.writeBytes(new byte[] {2, 0, 0, 0}); // ID_FQDN, protocol and port 0
        id.writeBytes(hostile);
        ike = IkeSurgery.replacePayloadBody(ike, 3, id.toByteArray());
        ike = IkeSurgery.replacePayloadBody(ike, 4, hostile);
        frames.set(0, IkeSurgery.withIke(frame, ike));
        Path capture = Files.write(temp.resolve("hostile.pcap"), IkeSurgery.ethernetPcap(frames));

        open(serve());
        uploadAndDiagnose(List.of(capture), List.of(), 1);
        rows().get(0).click();
        driver.findElement(By.cssSelector("svg.ladder g.message[data-frame='1']")).click();
        WebElement payloads = driver.findElement(By.cssSelector("#detail .payloads"));
        waiting().until(d -> payloads.getText().contains("VID"));
        // shown as the characters it is made of, in the ID and as the vendor ID's text
        List<String> shown = payloads.findElements(By.tagName("dd")).stream().map(WebElement::getText)
                .filter(HOSTILE::equals).toList();
        assertThat(shown).hasSize(2);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", payloads.findElements(By.tagName("dd"))
                .stream().filter(d -> d.getText().equals(HOSTILE)).findFirst().orElseThrow());
        assertThat(driver.findElements(By.cssSelector("img, iframe, object, embed, main svg:not(.ladder)"))).isEmpty();
        assertThat(driver.findElements(By.tagName("script"))).hasSize(1);
        try {
            driver.switchTo().alert();
            throw new AssertionError("an alert opened");
        } catch (NoAlertPresentException expected) {
            // inert
        }
        screenshot("serve-hostile-capture");
    }

    @Test
    void anUploadOverTheLimitIsRefusedWithTheLimitNamed() throws Exception {
        Path big = temp.resolve("big.pcap");
        RepeatedNegotiationsCapture.write(big, List.of(TestPaths.samples().resolve("ikev2-psk-ok.pcap")), 8);
        long size = Files.size(big);
        assertThat(size).isGreaterThan(40_000);
        open(serve("--max-upload", "40K"));
        driver.findElement(By.id("pick-capture")).sendKeys(big.toString());
        WebElement message = driver.findElement(By.id("message"));
        waiting().until(d -> !message.getText().isEmpty() && !message.getText().startsWith("uploading"));
        assertThat(message.getText()).isEqualTo("big.pcap (" + io.ikescope.cli.serve.ByteSize.format(size)
                + ") is larger than the 40 KB this server accepts per file (serve --max-upload)");
        assertThat(driver.findElements(By.cssSelector("#files li"))).isEmpty();
        screenshot("serve-upload-refused");
        // the server refuses it as well, whatever a page does
        Object answer = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/files?kind=capture&name=big.pcap', {method: 'POST', headers: {'X-Ikescope': '1'},"
                + " body: new Uint8Array(50000)}).then(r => r.text().then(t => done(r.status + ' ' + t)));");
        assertThat(answer).isEqualTo("413 {\"error\":\"big.pcap (50 KB) is larger than the 40 KB this server accepts"
                + " per file (serve --max-upload)\"}");
    }

    @Test
    void theLivePageShowsWatchVerdictsAsTheyCome() throws Exception {
        Path capture = TestPaths.samples().resolve("ikev2-psk-mismatch.pcap");
        String url = serve("--watch", capture.toAbsolutePath().toString());
        driver.get(url + "live");
        waiting().until(d -> rows().size() == 1);
        WebElement row = rows().get(0);
        waiting().until(d -> !row.findElement(By.cssSelector("td.verdict")).getText().isEmpty());
        JsonNode expected = JSON.readTree(diagnoseDirectly(List.of(capture), List.of()));
        assertThat(row.findElement(By.cssSelector("td.verdict")).getText())
                .isEqualTo(expected.get("negotiations").get(0).get("verdict").get("code").asString());
        waiting().until(d -> d.findElement(By.id("status")).getText().startsWith("ended"));
        screenshot("serve-live");
    }
}
