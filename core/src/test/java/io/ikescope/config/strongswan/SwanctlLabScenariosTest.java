package io.ikescope.config.strongswan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.PeerConfig;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every lab scenario's swanctl.conf, as the lab's strongSwan 5.9 daemons ran them. */
class SwanctlLabScenariosTest {

    private static final Path SCENARIOS = TestPaths.repositoryRoot().resolve("lab/scenarios");
    private final SwanctlReader reader = new SwanctlReader();

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> dirs = Files.list(SCENARIOS)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("initiator.swanctl.conf"))
                            || Files.isRegularFile(d.resolve("responder.swanctl.conf")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void theLabHasScenariosToRead() throws IOException {
        assertThat(scenarios().count()).isGreaterThan(40);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsWithoutErrorAndTheTwoEndsAgreeOnIdsAndKeys(String scenario) throws ConfigException {
        PeerConfig initiator = readIfPresent(scenario, "initiator");
        PeerConfig responder = readIfPresent(scenario, "responder");
        for (PeerConfig peer : Stream.of(initiator, responder).filter(p -> p != null).toList()) {
            assertThat(peer.connections()).isNotEmpty();
            assertThat(peer.connections()).allSatisfy(c -> assertThat(c.ikeProposals().value()).isNotEmpty());
            assertThat(peer.warnings()).allSatisfy(w -> assertThat(w.message()).doesNotContain("unknown"));
        }
        if (initiator == null || responder == null) {
            return;
        }
        ConnectionConfig r = responder.connections().get(0);
        for (ConnectionConfig i : initiator.connections()) {
            assertThat(i.local().id().value()).isEqualTo(r.remote().id().value());
            assertThat(r.local().id().value()).isEqualTo(i.remote().id().value());
            assertSameKeyUnlessMismatch(scenario, i, r);
        }
    }

    private static void assertSameKeyUnlessMismatch(String scenario, ConnectionConfig i, ConnectionConfig r) {
        if (i.local().method().value().equals("PSK")) {
            assertThat(i.local().psk().value()).isNotNull();
            assertThat(r.local().psk().value()).isNotNull();
            if (scenario.contains("psk-mismatch")) {
                assertThat(i.local().psk().value()).isNotEqualTo(r.local().psk().value());
            } else {
                assertThat(i.local().psk().value()).isEqualTo(r.local().psk().value());
            }
        } else {
            assertThat(i.local().psk().value()).isNull();
        }
    }

    @Test
    void psKOkScenarioInDetail() throws ConfigException {
        PeerConfig peer = readIfPresent("ikev2-psk-ok", "initiator");
        ConnectionConfig lab = peer.connection("lab").orElseThrow();
        String file = SCENARIOS.resolve("ikev2-psk-ok/initiator.swanctl.conf").toString();
        assertThat(lab.ikeVersion().value()).isEqualTo(2);
        assertThat(lab.ikeVersion().origin().line()).isEqualTo(3);
        assertThat(lab.remoteAddrs().value()).containsExactly("198.51.100.2");
        assertThat(lab.localAddrs().value()).containsExactly("%any");
        assertThat(lab.localAddrs().origin().isDefault()).isTrue();
        IkeProposalConfig p = lab.ikeProposals().value().get(0);
        assertThat(lab.ikeProposals().value()).hasSize(1);
        assertThat(p.encryption()).containsExactly("AES-CBC-256");
        assertThat(p.integrity()).containsExactly("HMAC-SHA2-256-128");
        assertThat(p.prf()).containsExactly("PRF-HMAC-SHA2-256");
        assertThat(p.dhGroups()).containsExactly(14);
        assertThat(p.origin().file()).isEqualTo(file);
        assertThat(p.origin().line()).isEqualTo(5);
        assertThat(lab.local().method().value()).isEqualTo("PSK");
        assertThat(lab.local().id().value()).isEqualTo("@initiator.lab.example");
        assertThat(lab.remote().id().value()).isEqualTo("@responder.lab.example");
        assertThat(lab.local().psk().origin().line()).isEqualTo(27);
        assertThat(lab.rekeySeconds().value()).isEqualTo(4 * 3600L);
        assertThat(lab.rekeySeconds().origin().isDefault()).isTrue();
        assertThat(lab.lifeSeconds().value()).isEqualTo(4 * 3600L + 1440);
        ChildConfig net = lab.children().get(0);
        assertThat(net.name()).isEqualTo("net");
        assertThat(net.localTs().value().get(0).start()).isEqualTo("203.0.113.0");
        assertThat(net.localTs().value().get(0).end()).isEqualTo("203.0.113.15");
        assertThat(net.remoteTs().value().get(0).start()).isEqualTo("203.0.113.16");
        assertThat(net.proposals().value()).hasSize(1);
        assertThat(net.proposals().value().get(0).encryption()).containsExactly("AES-CBC-128");
        assertThat(net.proposals().value().get(0).integrity()).containsExactly("HMAC-SHA2-256-128");
        assertThat(net.proposals().value().get(0).dhGroups()).containsExactly(14);
        assertThat(net.proposals().value().get(0).esn()).containsExactly(false);
        assertThat(net.mode().value()).isEqualTo("tunnel");
        assertThat(net.startAction().value()).isEqualTo("none");
        assertThat(net.rekeySeconds().value()).isEqualTo(3600L);
        assertThat(net.lifeSeconds().value()).isEqualTo(3960L);
    }

    @Test
    void pfsOnOneSideOnly() throws ConfigException {
        ChildConfig initiator = readIfPresent("ikev1-quick-pfs-one-side", "initiator").connection("lab")
                .orElseThrow().children().get(0);
        ChildConfig responder = readIfPresent("ikev1-quick-pfs-one-side", "responder").connection("lab")
                .orElseThrow().children().get(0);
        assertThat(initiator.proposals().value().get(0).hasPfs()).isTrue();
        assertThat(responder.proposals().value().get(0).hasPfs()).isFalse();
    }

    @Test
    void chachaAndX25519() throws ConfigException {
        ConnectionConfig lab = readIfPresent("ikev2-chacha20-x25519-ok", "initiator").connection("lab")
                .orElseThrow();
        IkeProposalConfig p = lab.ikeProposals().value().get(0);
        assertThat(p.encryption()).containsExactly("CHACHA20-POLY1305");
        assertThat(p.integrity()).isEmpty();
        assertThat(p.prf()).containsExactly("PRF-HMAC-SHA2-256");
        assertThat(p.dhGroups()).containsExactly(31);
        assertThat(lab.children().get(0).proposals().value().get(0).dhGroups()).containsExactly(31);
        assertThat(lab.children().get(0).proposals().value().get(0).integrity()).isEmpty();
    }

    @Test
    void ikev1AlgorithmsUseIkev1Names() throws ConfigException {
        List<IkeProposalConfig> proposals = readIfPresent("ikev1-algorithms-ok", "responder").connection("lab")
                .orElseThrow().ikeProposals().value();
        assertThat(proposals).hasSize(8);
        assertThat(proposals.get(0).encryption()).containsExactly("3DES-CBC");
        assertThat(proposals.get(0).ikev1Hashes()).containsExactly("MD5");
        assertThat(proposals).extracting(pr -> pr.encryption().get(0)).contains("BLOWFISH-CBC-128",
                "CAST-CBC-128", "AES-CBC-128", "AES-CBC-192", "CAMELLIA-CBC-192");
    }

    /** Each mismatch scenario differs in the model exactly where its name says. */
    @Test
    void mismatchScenariosDifferWhereTheirNamesSay() throws ConfigException {
        assertThat(ike("ikev2-dh-mismatch", "initiator").dhGroups()).containsExactly(14);
        assertThat(ike("ikev2-dh-mismatch", "responder").dhGroups()).containsExactly(19);
        assertThat(ike("ikev2-dh-invalid-ke-ok", "initiator").dhGroups()).containsExactly(14, 19);
        assertThat(ike("ikev2-proposal-mismatch", "initiator").encryption()).containsExactly("AES-CBC-256");
        assertThat(ike("ikev2-proposal-mismatch", "responder").encryption()).containsExactly("AES-CBC-128");
        assertThat(ike("ikev1-main-hash-mismatch", "initiator").ikev1Hashes()).containsExactly("SHA2-256");
        assertThat(ike("ikev1-main-hash-mismatch", "responder").ikev1Hashes()).containsExactly("SHA1");
        assertThat(esp("ikev2-rekey-pfs-mismatch", "initiator").dhGroups()).containsExactly(14);
        assertThat(esp("ikev2-rekey-pfs-mismatch", "responder").dhGroups()).isEmpty();
        assertThat(esp("ikev1-quick-pfs-group-mismatch", "responder").dhGroups()).containsExactly(19);
        assertThat(esp("ikev2-child-proposal-mismatch", "responder").encryption()).containsExactly("AES-GCM-256-16");
        assertThat(esp("ikev2-child-proposal-mismatch", "responder").integrity()).isEmpty();
        ChildConfig tsInitiator = child("ikev2-ts-mismatch", "initiator");
        ChildConfig tsResponder = child("ikev2-ts-mismatch", "responder");
        assertThat(tsInitiator.remoteTs().value().get(0).start()).isEqualTo("203.0.113.16");
        assertThat(tsResponder.localTs().value().get(0).start()).isEqualTo("203.0.113.32");
    }

    private ChildConfig child(String scenario, String role) throws ConfigException {
        return readIfPresent(scenario, role).connections().get(0).children().get(0);
    }

    private IkeProposalConfig ike(String scenario, String role) throws ConfigException {
        return readIfPresent(scenario, role).connections().get(0).ikeProposals().value().get(0);
    }

    private io.ikescope.config.ChildProposalConfig esp(String scenario, String role) throws ConfigException {
        return child(scenario, role).proposals().value().get(0);
    }

    private PeerConfig readIfPresent(String scenario, String role) throws ConfigException {
        Path file = SCENARIOS.resolve(scenario).resolve(role + ".swanctl.conf");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        assertThat(reader.recognises(file, "")).isTrue();
        return reader.read(file, null);
    }
}
