package io.ikescope.cli;

import static io.ikescope.testsupport.TestPaths.sampleCapture;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.cli.DiagnoseCommandTest.Run;
import io.ikescope.testsupport.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code ikescope diagnose --config}: the refined verdict in every format, the JSON object, bad configurations. */
class DiagnoseConfigCommandTest {

    /** {@link DiagnoseCommandTest#run}: the exit status, the output file and standard error. */
    private static Run run(Path out, String... args) throws Exception {
        return DiagnoseCommandTest.run(out, args);
    }

    private static Path lab(String scenario, String file) {
        return TestPaths.repositoryRoot().resolve("lab/scenarios").resolve(scenario).resolve(file);
    }

    @Test
    void bothConfigurationsRefineTheVerdictInJson(@TempDir Path temp) throws Exception {
        Path ini = lab("ikev2-dh-mismatch", "initiator.swanctl.conf");
        Path res = lab("ikev2-dh-mismatch", "responder.swanctl.conf");
        Run r = run(temp.resolve("out.json"), "diagnose", "-f", "json", "--config", res.toString(), "--config",
                ini.toString(), sampleCapture("ikev2-dh-mismatch").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.NEGOTIATION_FAILED);
        JsonNode n = new ObjectMapper().readTree(r.output()).get("negotiations").get(0);
        assertThat(n.get("verdict").get("code").asString()).isEqualTo("DH_GROUP_MISMATCH");
        assertThat(n.get("verdict").get("certainty").asString()).isEqualTo("confirmed");
        JsonNode c = n.get("configuration");
        assertThat(names(c)).containsExactly("initiator", "responder", "predicted", "agrees", "changes");
        // the order on the command line does not decide the roles: the addresses do
        assertThat(c.get("initiator").get("file").asString()).isEqualTo(ini.toString());
        assertThat(names(c.get("initiator"))).containsExactly("file", "connection", "roleInferred");
        assertThat(c.get("initiator").get("connection").asString()).isEqualTo("lab");
        assertThat(c.get("responder").get("file").asString()).isEqualTo(res.toString());
        assertThat(c.get("predicted").asString()).isEqualTo("DH_GROUP_MISMATCH");
        assertThat(c.get("agrees").asBoolean()).isTrue();
        assertThat(c.get("changes")).isNotEmpty();
        JsonNode change = c.get("changes").get(0);
        assertThat(names(change)).containsExactly("side", "file", "line", "setting", "now", "to");
        assertThat(change.get("line").asInt()).isPositive();
        assertThat(n.get("verdict").get("fix").asString()).contains(change.get("file").asString() + " line "
                + change.get("line").asInt());
    }

    @Test
    void textAndHtmlShowTheRefinedVerdictToo(@TempDir Path temp) throws Exception {
        String[] configs = {"--config", lab("ikev1-quick-pfs-one-side", "initiator.swanctl.conf").toString(),
            "--config", lab("ikev1-quick-pfs-one-side", "responder.swanctl.conf").toString()};
        for (String format : List.of("text", "html")) {
            List<String> args = new ArrayList<>(List.of("diagnose", "-f", format));
            args.addAll(List.of(configs));
            args.add(sampleCapture("ikev1-quick-pfs-one-side").toString());
            Run r = run(temp.resolve("out." + format), args.toArray(new String[0]));
            assertThat(r.status()).isEqualTo(ExitCodes.NEGOTIATION_FAILED);
            assertThat(r.output().replaceAll("\\s+", " ")).as(format).contains("PFS_MISMATCH")
                    .contains("The capture shows the refusal, the configurations show the cause");
        }
    }

    @Test
    void anUnreadableConfigurationIsOneLineAndExit2BeforeAnyOutput(@TempDir Path temp) throws Exception {
        Path missing = temp.resolve("nowhere.conf");
        Path out = temp.resolve("out.json");
        Run r = run(out, "diagnose", "-f", "json", "--config", missing.toString(),
                sampleCapture("ikev2-psk-ok").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("ikescope: ").contains("nowhere.conf");
        assertThat(r.output()).isNull();

        Path bad = temp.resolve("bad.swanctl.conf");
        Files.writeString(bad, "connections {\n  lab {\n    version = 2\n");
        r = run(out, "diagnose", "--config", bad.toString(), sampleCapture("ikev2-psk-ok").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("bad.swanctl.conf").doesNotContain("Exception");
        assertThat(r.output()).isNull();
    }

    @Test
    void aConfigurationNoNegotiationMatchesIsAWarning(@TempDir Path temp) throws Exception {
        Path v1 = lab("ikev1-main-psk-ok", "initiator.swanctl.conf");
        Run r = run(temp.resolve("out.json"), "diagnose", "-f", "json", "--config", v1.toString(),
                sampleCapture("ikev2-psk-ok").toString());
        assertThat(r.status()).isEqualTo(ExitCodes.OK);
        JsonNode doc = new ObjectMapper().readTree(r.output());
        assertThat(doc.get("inputs").get(0).get("warnings").toString()).contains("--config " + v1,
                "no negotiation in the captures matches");
        for (JsonNode n : doc.get("negotiations")) {
            assertThat(n.get("configuration").get("initiator").isNull()).isTrue();
            assertThat(n.get("verdict").get("code").asString()).isEqualTo("ESTABLISHED");
        }
    }

    /**
     * Without --config every sample's report is what it was: each negotiation has {@code "configuration": null}, and
     * nothing of the configurations appears (the byte comparison against the previous jar is in the report of the
     * change: identical once that null is removed).
     */
    @Test
    void withoutConfigEveryNegotiationHasANullConfiguration(@TempDir Path temp) throws Exception {
        List<String> args = new ArrayList<>(List.of("diagnose", "-f", "json"));
        try (Stream<Path> files = Files.list(TestPaths.samples())) {
            files.filter(p -> p.toString().endsWith(".pcap")).sorted().forEach(p -> args.add(p.toString()));
        }
        Run r = run(temp.resolve("out.json"), args.toArray(new String[0]));
        JsonNode doc = new ObjectMapper().readTree(r.output());
        assertThat(doc.get("negotiations")).isNotEmpty();
        for (JsonNode n : doc.get("negotiations")) {
            assertThat(n.has("configuration")).isTrue();
            assertThat(n.get("configuration").isNull()).isTrue();
            assertThat(names(n)).containsSubsequence("correlation", "configuration", "messages");
            for (JsonNode f : n.get("findings")) {
                assertThat(f.get("code").asString()).doesNotStartWith("CONFIG_").doesNotStartWith("LATENT_");
            }
        }
        assertThat(r.output()).doesNotContain("the configurations");
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.propertyNames().forEach(out::add);
        return out;
    }
}
