package io.ikescope.probe.against;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ikescope.config.PeerConfig;
import io.ikescope.config.formats.ConfigFormats;
import io.ikescope.probe.Outcomes;
import io.ikescope.probe.ProbeReport;
import io.ikescope.probe.fingerprint.Fingerprint;
import io.ikescope.probe.ikev2.Ikev2Result;
import io.ikescope.probe.ikev2.Ikev2Suite;
import io.ikescope.probe.ikev2.Ikev2Transform;
import io.ikescope.probe.net.ProbeTarget;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A strongSwan configuration (read by the real reader) weighed against a probe result. */
class AgainstConfigTest {
    private static final Ikev2Transform AES256 = Ikev2Transform.encryption("ENCR_AES_CBC", 256);
    private static final Ikev2Transform AES128 = Ikev2Transform.encryption("ENCR_AES_CBC", 128);
    private static final Ikev2Suite AES256_SHA256_14 = new Ikev2Suite(AES256, 5, 12, 14);
    private static final Ikev2Suite AES128_SHA1_19 = new Ikev2Suite(AES128, 2, 2, 19);

    /** A peer configured with aes256-sha256-modp2048 and aes128-sha1-ecp256. */
    private static ProbeReport report(boolean complete) throws Exception {
        Ikev2Result r = new Ikev2Result(true, List.of(AES256_SHA256_14, AES128_SHA1_19), List.of(),
                new Outcomes<>(List.of(AES256, AES128), List.of(), List.of()),
                new Outcomes<>(List.of(5, 2), List.of(), List.of()), new Outcomes<>(List.of(12, 2), List.of(), List.of()),
                new Outcomes<>(List.of(14, 19), List.of(1, 2), List.of()), Outcomes.empty(), AES256_SHA256_14, false,
                true, List.of(), null, List.of(), List.of(), false,
                new Fingerprint(null, null, List.of(), null), complete, 60, List.of());
        ProbeTarget t = new ProbeTarget(new InetSocketAddress(InetAddress.getByName("198.51.100.2"), 500), false);
        return new ProbeReport(t, new InetSocketAddress(InetAddress.getByName("198.51.100.1"), 40000), 1.0, 10, 10, r,
                null);
    }

    private static PeerConfig config(Path dir, String proposals, String remote) throws Exception {
        Path f = dir.resolve("swanctl.conf");
        Files.writeString(f, "connections {\n  hq {\n    version = 2\n    remote_addrs = " + remote
                + "\n    proposals = " + proposals + "\n    local { auth = psk }\n    remote { auth = psk }\n"
                + "    children { net { local_ts = 10.2.0.0/24\n      remote_ts = 10.1.0.0/24 } }\n  }\n}\n");
        return ConfigFormats.standard().read(f, null);
    }

    @Test
    void aConfiguredCombinationThePeerAcceptedNegotiates(@TempDir Path dir) throws Exception {
        AgainstReport a = AgainstConfig.weigh(config(dir, "aes128-sha256-modp2048,aes256-sha256-modp2048",
                "198.51.100.2"), report(true), null);
        assertThat(a.negotiates()).isTrue();
        ConnectionFit c = a.connections().get(0);
        assertThat(c.matching()).containsExactly("AES-CBC-256 / PRF-HMAC-SHA2-256 / HMAC-SHA2-256-128 / group 14");
        assertThat(a.note()).contains("whose peer is 198.51.100.2");
    }

    @Test
    void everyAlgorithmAcceptedButNotThisMixFails(@TempDir Path dir) throws Exception {
        AgainstReport a = AgainstConfig.weigh(config(dir, "aes256-sha1-modp2048", "198.51.100.2"), report(true),
                null);
        ConnectionFit c = a.connections().get(0);
        assertThat(c.verdict()).isEqualTo(ConnectionFit.Verdict.FAILS);
        assertThat(c.changes()).singleElement().asString().contains("accepted on its own, but in none of these");
        assertThat(c.inferred()).isFalse();
    }

    @Test
    void perTypeResultsAreUsedAndSaidSoWhenTheCombinationsWereNotAllTested(@TempDir Path dir) throws Exception {
        AgainstReport a = AgainstConfig.weigh(config(dir, "aes256-sha1-modp2048", "198.51.100.2"), report(false),
                null);
        ConnectionFit c = a.connections().get(0);
        assertThat(c.verdict()).isEqualTo(ConnectionFit.Verdict.NEGOTIATES);
        assertThat(c.inferred()).isTrue();
    }

    @Test
    void aRefusedGroupIsNamedWithWhatThePeerAccepts(@TempDir Path dir) throws Exception {
        AgainstReport a = AgainstConfig.weigh(config(dir, "aes256-sha256-modp3072", "%any"), report(true), null);
        assertThat(a.note()).contains("every connection is weighed");
        assertThat(a.connections().get(0).changes())
                .containsExactly("DH group: the peer accepts none of 15; it accepts 14, 19");
    }

    @Test
    void anUnknownConnectionNameIsAnError(@TempDir Path dir) throws Exception {
        PeerConfig cfg = config(dir, "aes256-sha256-modp2048", "198.51.100.2");
        assertThatThrownBy(() -> AgainstConfig.weigh(cfg, report(true), "branch"))
                .hasMessageContaining("no connection branch");
    }
}
