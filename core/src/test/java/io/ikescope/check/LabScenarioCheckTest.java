package io.ikescope.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.PeerConfig;
import io.ikescope.diagnosis.VerdictCode;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every lab scenario's two configurations, simulated with the initiator's as A: the verdict of the direction A
 * initiates is the cause the daemons logged ({@code rootCause} in samples/index.json). Where the failure was the
 * network's (no response, NAT-T blocked, lost fragments) or a certificate's trust, which configurations do not
 * show, the configurations agree and the check says ESTABLISHED.
 */
class LabScenarioCheckTest {
    private static final Set<String> NOT_IN_CONFIGURATIONS = Set.of("NO_RESPONSE", "NAT_T_BLOCKED",
            "FRAGMENTATION_LOSS");
    /** The responder does not trust the initiator's certificate: the configurations cannot tell. */
    private static final Set<String> TRUST_ONLY = Set.of("ikev2-cert-untrusted");

    static Stream<Arguments> scenarios() throws IOException {
        JsonNode index = JsonMapper.builder().build().readTree(TestPaths.samples().resolve("index.json").toFile());
        List<Arguments> out = new ArrayList<>();
        for (JsonNode sample : index) {
            String name = sample.get("name").asString();
            if (name.contains(".") || !Files.isDirectory(LabConfigs.scenario(name)) || !hasResponderFile(name)) {
                continue;
            }
            String cause = sample.get("rootCause").asString();
            String predicted = NOT_IN_CONFIGURATIONS.contains(cause) || TRUST_ONLY.contains(name) ? "ESTABLISHED"
                    : cause;
            out.add(Arguments.of(name, predicted));
        }
        return out.stream();
    }

    /** ikev2-port-unreachable has no responder daemon, hence no responder configuration. */
    private static boolean hasResponderFile(String name) {
        return Files.exists(LabConfigs.scenario(name).resolve("responder.swanctl.conf"))
                || Files.exists(LabConfigs.scenario(name).resolve("responder.ipsec.conf"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("scenarios")
    void predictsTheLoggedCause(String scenario, String expected) throws IOException {
        PeerConfig a = LabConfigs.peer(scenario, "initiator");
        PeerConfig b = LabConfigs.peer(scenario, "responder");
        CheckReport report = CheckSimulator.check(a, b, null);
        List<SimulatedNegotiation> fromA = report.negotiations().stream()
                .filter(n -> n.initiator() == Side.A && n.simulated()).toList();
        assertThat(fromA).as("A's connections initiate").isNotEmpty();
        for (SimulatedNegotiation n : fromA) {
            assertThat(n.verdict()).as(scenario + " " + n.initiatorConnection() + ": " + describe(n))
                    .isEqualTo(VerdictCode.valueOf(expected));
        }
        assertThat(report.unpaired()).as("every connection has a partner").isEmpty();
        assertThat(report.established()).isEqualTo(expected.equals("ESTABLISHED"));
    }

    static String describe(SimulatedNegotiation n) {
        StringBuilder s = new StringBuilder(n.phase1().outcome().explanation());
        for (ChildResult c : n.children()) {
            s.append(" | ").append(c.initiatorChild()).append(": ").append(c.outcome().explanation());
        }
        n.findings().forEach(f -> s.append(" | ").append(f.message()));
        return s.toString();
    }
}
