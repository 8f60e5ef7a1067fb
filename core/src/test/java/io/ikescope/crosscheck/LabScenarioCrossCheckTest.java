package io.ikescope.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.ConfigException;
import io.ikescope.config.PeerConfig;
import io.ikescope.config.formats.ConfigFormats;
import io.ikescope.diagnosis.Certainty;
import io.ikescope.diagnosis.Diagnoser;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.diagnosis.Finding;
import io.ikescope.diagnosis.VerdictCode;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Reconstruct;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code diagnose --config} on every lab scenario with both configurations (the very files the daemons ran): each
 * sample, with its key log and without, gets its {@code rootCause} (samples/index.json), which the capture alone
 * cannot always name (DH_GROUP_MISMATCH, PFS_MISMATCH behind a PROPOSAL_MISMATCH or an encrypted refusal). The
 * configurations never contradict these captures, and a verdict the capture confirms stays confirmed.
 */
class LabScenarioCrossCheckTest {

    static Stream<Arguments> samples() throws IOException {
        JsonNode index = JsonMapper.builder().build().readTree(TestPaths.samples().resolve("index.json").toFile());
        List<Arguments> out = new ArrayList<>();
        for (JsonNode sample : index) {
            String name = sample.get("name").asString();
            Path dir = scenario(name);
            if (name.contains(".") || !Files.isDirectory(dir) || config(dir, "responder") == null) {
                continue;
            }
            String keys = sample.path("keys").isNull() || sample.path("keys").isMissingNode() ? null
                    : sample.get("keys").asString();
            out.add(Arguments.of(name, sample.get("rootCause").asString(), null));
            if (keys != null) {
                out.add(Arguments.of(name, sample.get("rootCause").asString(), keys));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} keys={2}: {1}")
    @MethodSource("samples")
    void bothConfigurationsGiveTheRootCause(String name, String rootCause, String keys) throws Exception {
        CrossChecker checker = new CrossChecker(both(name));
        for (Negotiation n : negotiations(name, keys)) {
            Diagnosis plain = Diagnoser.diagnose(n);
            CrossChecker.Result r = checker.check(n, plain);
            String why = name + " " + n.id() + ": " + r.diagnosis().verdict().explanation();
            assertThat(r.diagnosis().verdict().code()).as(why).isEqualTo(VerdictCode.valueOf(rootCause));
            assertThat(r.configuration().agrees()).as(why).isTrue();
            assertThat(r.diagnosis().findings()).extracting(Finding::code).as(why).doesNotContain("CONFIG_DISAGREES");
            assertThat(r.configuration().initiator()).as(why).isNotNull();
            assertThat(r.configuration().responder()).as(why).isNotNull();
            if (plain.verdict().certainty() == Certainty.CONFIRMED) {
                assertThat(r.diagnosis().verdict().certainty()).as(why).isEqualTo(Certainty.CONFIRMED);
            }
        }
        assertThat(checker.unmatchedWarnings()).isEmpty();
    }

    static Path scenario(String name) {
        return TestPaths.repositoryRoot().resolve("lab/scenarios").resolve(name);
    }

    /** ROLE.swanctl.conf or ROLE.ipsec.conf (its ROLE.ipsec.secrets is found beside it), or null. */
    static Path config(Path dir, String role) {
        for (String suffix : List.of(".swanctl.conf", ".ipsec.conf")) {
            Path p = dir.resolve(role + suffix);
            if (Files.exists(p)) {
                return p;
            }
        }
        return null;
    }

    static PeerConfig read(Path path) throws ConfigException {
        return ConfigFormats.standard().read(path, null);
    }

    static Map<String, PeerConfig> both(String name) throws ConfigException {
        Map<String, PeerConfig> out = new LinkedHashMap<>();
        for (String role : List.of("initiator", "responder")) {
            Path p = config(scenario(name), role);
            out.put(p.toString(), read(p));
        }
        return out;
    }

    static List<Negotiation> negotiations(String name, String keys) throws IOException {
        Path capture = TestPaths.samples().resolve(name + ".pcap");
        return keys == null ? Reconstruct.run(capture).negotiations()
                : Reconstruct.runWithKeys(capture, List.of(TestPaths.samples().resolve(keys))).negotiations();
    }
}
