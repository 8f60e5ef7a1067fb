package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.Authentication;
import io.ikescope.config.ChildConfig;
import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.Origin;
import io.ikescope.config.PeerConfig;
import io.ikescope.config.PskDigest;
import io.ikescope.config.Setting;
import io.ikescope.config.TrafficSelectorConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code ikescope check}: its error paths on real files (no reader is registered yet, so every file is "not a
 * configuration format"), and its reports and exit statuses on model objects given through the loader seam.
 */
class CheckCommandTest {
    private static final String SECRET_A = "correct horse battery staple";
    private static final String SECRET_B = "a different secret";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(CheckCommand.ConfigLoader loader, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = Main.commandLine(new StandardStreams(new ByteArrayInputStream(new byte[0]), out, false));
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        if (loader != null) {
            ((CheckCommand) cli.getSubcommands().get("check").getCommand()).loader = loader;
        }
        int exit = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(null, args);
    }

    @Test
    void missingFileIsOneLineAndExitTwo() {
        Path missing = dir.resolve("nowhere.conf");
        Run r = run("check", missing.toString(), missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly("ikescope: " + missing + ": no such file or directory");
    }

    @Test
    void fileOfNoKnownFormatIsOneLineAndExitTwo() throws Exception {
        Path file = dir.resolve("router.txt");
        Files.writeString(file, "hostname router1\ninterface eth0\n");
        Run r = run("check", file.toString(), file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("ikescope: " + file + ": not a configuration format ikescope reads")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void readerErrorNamesFileAndLine() {
        Run r = run((path, secrets) -> {
            throw new ConfigException(path.toString(), 7, "expected '}' to close 'children'");
        }, "check", "a.conf", "b.conf");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly("ikescope: a.conf line 7: expected '}' to close"
                + " 'children'");
    }

    @Test
    void htmlAndUnknownFormatsAreRefused() {
        Map<String, PeerConfig> peers = Map.of("a", initiator(SECRET_A), "b", responder(SECRET_A, null));
        Run html = run(loader(peers), "check", "a", "b", "-f", "html");
        assertThat(html.exit()).isEqualTo(2);
        assertThat(html.err().lines().toList()).containsExactly("ikescope: --format html is for diagnose only:"
                + " check writes text or json");
        Run yaml = run(loader(peers), "check", "a", "b", "-f", "yaml");
        assertThat(yaml.exit()).isEqualTo(2);
        assertThat(yaml.err()).contains("'yaml' is not a format");
    }

    @Test
    void unknownConnectionNameIsAUsageError() {
        Map<String, PeerConfig> peers = Map.of("a", initiator(SECRET_A), "b", responder(SECRET_A, null));
        Run r = run(loader(peers), "check", "a", "b", "--connection", "office");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("--connection office: no connection named 'office'");
    }

    @Test
    void agreeingConfigurationsExitZeroWithTheVerdictFirst() {
        Run r = run(loader(Map.of("a", initiator(SECRET_A), "b", responder(SECRET_A, null))), "check", "a", "b");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("A initiates lab -> B lab: ESTABLISHED")
                .contains("B initiates lab -> A lab: NOT INITIATED")
                .contains("OK: 1 of 1 simulated negotiations establish");
        assertThat(r.out()).doesNotContain(SECRET_A);
    }

    @Test
    void pskMismatchExitsOneAndNeverPrintsASecret() {
        Run text = run(loader(Map.of("a", initiator(SECRET_A), "b", responder(SECRET_B, null))), "check", "a", "b");
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("A initiates lab -> B lab: AUTH_FAILED")
                .contains("change B responder.conf line 20 (pre-shared key)");
        Run json = run(loader(Map.of("a", initiator(SECRET_A), "b", responder(SECRET_B, null))), "check", "a", "b",
                "--format", "json");
        assertThat(json.exit()).isEqualTo(1);
        for (Run r : List.of(text, json)) {
            assertThat(r.out()).doesNotContain(SECRET_A).doesNotContain(SECRET_B);
        }
    }

    @Test
    void jsonDocumentHasTheSchemaFields() throws Exception {
        // the responder has no PFS: established in IKE_AUTH, PFS_MISMATCH at the first rekey
        Run r = run(loader(Map.of("a", initiator(SECRET_A), "b", responder(SECRET_A, List.of()))), "check", "a",
                "b", "-f", "json");
        assertThat(r.exit()).as("a latent rekey failure is not established").isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("schema").asString()).isEqualTo("ikescope.check/1");
        assertThat(doc.get("established").asBoolean()).isFalse();
        assertThat(doc.get("peers")).hasSize(2);
        assertThat(doc.get("peers").get(0).get("implementation").asString()).isEqualTo("strongSwan");
        JsonNode n = doc.get("negotiations").get(0);
        assertThat(n.get("initiator").asString()).isEqualTo("A");
        assertThat(n.get("responder").asString()).isEqualTo("B");
        assertThat(n.get("verdict").asString()).isEqualTo("PFS_MISMATCH");
        assertThat(n.get("established").asBoolean()).isFalse();
        JsonNode phase1 = n.get("phase1");
        assertThat(phase1.get("ikeVersion").asInt()).isEqualTo(2);
        assertThat(phase1.get("exchangeMode").asString()).isEqualTo("ikev2");
        assertThat(phase1.get("outcome").get("code").asString()).isEqualTo("ESTABLISHED");
        assertThat(phase1.get("chosen").get("encryption").asString()).isEqualTo("AES-CBC-256");
        assertThat(phase1.get("chosen").get("prf").asString()).isEqualTo("PRF-HMAC-SHA2-256");
        assertThat(phase1.get("chosen").get("dhGroup").asInt()).isEqualTo(14);
        assertThat(phase1.get("lifetimes").get("initiator").get("rekeySeconds").asLong()).isEqualTo(14400);
        JsonNode child = n.get("children").get(0);
        assertThat(child.get("exchange").asString()).isEqualTo("IKE_AUTH");
        assertThat(child.get("outcome").get("code").asString()).isEqualTo("ESTABLISHED");
        assertThat(child.get("chosen").get("dhGroup").isNull()).isTrue();
        assertThat(child.get("trafficSelectors").get("installed").get("initiator").get(0).asString())
                .isEqualTo("203.0.113.0/28");
        JsonNode latent = child.get("latent");
        assertThat(latent.get("code").asString()).isEqualTo("PFS_MISMATCH");
        assertThat(latent.get("earliestSeconds").asLong()).isEqualTo(3240);
        assertThat(latent.get("latestSeconds").asLong()).isEqualTo(3600);
        JsonNode change = latent.get("changes").get(0);
        assertThat(change.get("side").asString()).isEqualTo("B");
        assertThat(change.get("origin").get("file").asString()).isEqualTo("responder.conf");
        assertThat(change.get("origin").get("line").asInt()).isEqualTo(17);
        JsonNode notInitiated = doc.get("negotiations").get(1);
        assertThat(notInitiated.get("simulated").asBoolean()).isFalse();
        assertThat(notInitiated.get("phase1").isNull()).isTrue();
        assertThat(notInitiated.get("notInitiated").asString()).contains("no remote address");
        assertThat(doc.get("unpaired")).isEmpty();
    }

    @Test
    void outputFileGetsTheReport() throws Exception {
        Path out = dir.resolve("report.json");
        Run r = run(loader(Map.of("a", initiator(SECRET_A), "b", responder(SECRET_A, null))), "check", "a", "b",
                "-f", "json", "-o", out.toString());
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(Files.readString(out)).get("schema").asString())
                .isEqualTo("ikescope.check/1");
    }

    @Test
    void secretsOptionsReachTheLoader() {
        Map<String, String> seen = new java.util.HashMap<>();
        CheckCommand.ConfigLoader loader = (path, secrets) -> {
            seen.put(path.toString(), String.valueOf(secrets));
            return path.toString().equals("a") ? initiator(SECRET_A) : responder(SECRET_A, null);
        };
        Run r = run(loader, "check", "a", "b", "--secrets-a", "a.secrets", "--secrets-b", "b.secrets");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(seen).containsEntry("a", "a.secrets").containsEntry("b", "b.secrets");
    }

    @Test
    void helpListsCheck() {
        Run r = run("--help");
        assertThat(r.out()).contains("check");
        Run none = run();
        assertThat(none.err()).contains("diagnose, audit, dissect, keys, check, probe, psk-check, watch or serve");
    }

    @Test
    void readerWarningsArePassedThrough() throws Exception {
        PeerConfig a = initiator(SECRET_A);
        PeerConfig warned = new PeerConfig(a.implementation(), a.defaultsOf(), a.files(), a.connections(),
                List.of(new ConfigWarning(Origin.at("initiator.conf", 9), "unknown keyword 'mobikee' ignored")));
        Map<String, PeerConfig> peers = Map.of("a", warned, "b", responder(SECRET_A, null));
        Run text = run(loader(peers), "check", "a", "b");
        assertThat(text.out()).contains("warning: initiator.conf line 9: unknown keyword 'mobikee' ignored");
        Run json = run(loader(peers), "check", "a", "b", "-f", "json");
        JsonNode w = new ObjectMapper().readTree(json.out()).get("peers").get(0).get("warnings").get(0);
        assertThat(w.get("origin").get("line").asInt()).isEqualTo(9);
        assertThat(w.get("message").asString()).isEqualTo("unknown keyword 'mobikee' ignored");
    }

    @Test
    void configurationTextCannotDriveTheTerminal() {
        PeerConfig a = initiator(SECRET_A);
        PeerConfig evil = new PeerConfig(a.implementation(), a.defaultsOf(), List.of("in\u001b[31mitiator.conf"),
                a.connections(), List.of());
        Run r = run(loader(Map.of("a", evil, "b", responder(SECRET_A, null))), "check", "a", "b");
        assertThat(r.out()).doesNotContain("\u001b").contains("\\x1b[31m");
        // file names reach the changes through origins too
        Run mismatch = run(loader(Map.of("a", initiator(SECRET_A),
                "b", responder(SECRET_B, null, "re\u001bsponder.conf"))), "check", "a", "b");
        assertThat(mismatch.out()).contains("change B re\\x1bsponder.conf line 20").doesNotContain("\u001b");
        // the JSON keeps C1 controls (8-bit CSI) and bidirectional overrides out of the bytes as well
        PeerConfig c1 = new PeerConfig(a.implementation(), a.defaultsOf(), List.of("in\u009b31m\u202eitiator.conf"),
                a.connections(), List.of());
        Run json = run(loader(Map.of("a", c1, "b", responder(SECRET_A, null))), "check", "a", "b", "-f", "json");
        assertThat(json.out()).doesNotContain("\u009b").doesNotContain("\u202e").contains("\\u009B31m\\u202Eitiator");
    }

    private static CheckCommand.ConfigLoader loader(Map<String, PeerConfig> peers) {
        return (path, secrets) -> peers.get(path.toString());
    }

    /** The lab's initiator.swanctl.conf of ikev2-psk-ok, line numbers as there. */
    static PeerConfig initiator(String secret) {
        String f = "initiator.conf";
        ConnectionConfig c = connection(f, "198.51.100.2", "initiator.lab.example", "responder.lab.example",
                "203.0.113.0/28", "203.0.113.16/28", List.of(14), secret);
        return new PeerConfig(Implementation.STRONGSWAN, "strongSwan 5.9", List.of(f), List.of(c), List.of());
    }

    /** @param pfs null: modp2048 as the initiator; empty: no PFS */
    static PeerConfig responder(String secret, List<Integer> pfs) {
        return responder(secret, pfs, "responder.conf");
    }

    static PeerConfig responder(String secret, List<Integer> pfs, String f) {
        ConnectionConfig c = connection(f, "%any", "responder.lab.example", "initiator.lab.example",
                "203.0.113.16/28", "203.0.113.0/28", pfs == null ? List.of(14) : pfs, secret);
        return new PeerConfig(Implementation.STRONGSWAN, "strongSwan 5.9", List.of(f), List.of(c), List.of());
    }

    private static ConnectionConfig connection(String f, String remote, String localId, String remoteId,
                                               String localTs, String remoteTs, List<Integer> pfs, String secret) {
        Origin d = Origin.byDefault("strongSwan 5.9 default");
        IkeProposalConfig ike = new IkeProposalConfig(List.of("AES-CBC-256"), List.of("HMAC-SHA2-256-128"),
                List.of("PRF-HMAC-SHA2-256"), List.of(14), Origin.at(f, 5));
        ChildProposalConfig esp = new ChildProposalConfig("ESP", List.of("AES-CBC-128"),
                List.of("HMAC-SHA2-256-128"), pfs, List.of(), Origin.at(f, 17));
        ChildConfig child = new ChildConfig("net", Origin.at(f, 14),
                Setting.of(List.of(TrafficSelectorConfig.network(localTs, Origin.at(f, 15))), Origin.at(f, 15)),
                Setting.of(List.of(TrafficSelectorConfig.network(remoteTs, Origin.at(f, 16))), Origin.at(f, 16)),
                Setting.of(List.of(esp), Origin.at(f, 17)), Setting.of("tunnel", d), Setting.of("none", d),
                Setting.of(3600L, d), Setting.of(3960L, d));
        Setting<PskDigest> psk = Setting.of(PskDigest.of(secret), Origin.at(f, 20));
        return new ConnectionConfig("lab", Origin.at(f, 2), Implementation.STRONGSWAN, Setting.of(2, Origin.at(f, 3)),
                Setting.of(false, d), Setting.of(List.of("%any"), d),
                Setting.of(List.of(remote), remote.equals("%any") ? d : Origin.at(f, 4)),
                Setting.of(List.of(ike), Origin.at(f, 5)), Setting.of(true, d),
                new Authentication(Setting.of("PSK", Origin.at(f, 7)), Setting.of(localId, Origin.at(f, 8)), psk),
                new Authentication(Setting.of("PSK", Origin.at(f, 11)), Setting.of(remoteId, Origin.at(f, 12)), psk),
                List.of(child), Setting.of(false, d), Setting.of(14400L, d), Setting.of(15840L, d));
    }
}
