package io.ikescope.probe.against;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.PeerConfig;
import io.ikescope.config.formats.ConfigFormats;
import io.ikescope.probe.Outcomes;
import io.ikescope.probe.ProbeReport;
import io.ikescope.probe.fingerprint.Fingerprint;
import io.ikescope.probe.ikev1.Ikev1Result;
import io.ikescope.probe.ikev1.Ikev1Suite;
import io.ikescope.probe.net.ProbeTarget;
import io.ikescope.wire.registry.Ikev1Registry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IKEv1 connections of a strongSwan file (read by the real reader) weighed against an IKEv1 probe result. */
class AgainstIkev1Test {
    private static final int AES = (int) Ikev1Registry.IKE_ENCRYPTION_ALGORITHM.valueOf("AES-CBC");
    private static final int SHA256 = (int) Ikev1Registry.IKE_HASH_ALGORITHM.valueOf("SHA2-256");
    private static final int PSK = (int) Ikev1Registry.IKE_AUTH_METHOD.valueOf("Pre-shared key");
    private static final Ikev1Suite AES256_SHA256_PSK_14 = new Ikev1Suite(AES, 256, SHA256, PSK, 14);

    private static ProbeReport report(Ikev1Result.AggressiveMode aggressive) throws Exception {
        Ikev1Result r = new Ikev1Result(true, List.of(AES256_SHA256_PSK_14), List.of(),
                new Outcomes<>(List.of("AES-CBC-256"), List.of("AES-CBC-128"), List.of()),
                new Outcomes<>(List.of("SHA2-256"), List.of("SHA1"), List.of()),
                new Outcomes<>(List.of("PSK"), List.of(), List.of()),
                new Outcomes<>(List.of(14), List.of(2), List.of()), aggressive, List.of(),
                new Fingerprint(null, null, List.of(), null), true, 20, List.of());
        ProbeTarget t = new ProbeTarget(new InetSocketAddress(InetAddress.getByName("198.51.100.2"), 500), false);
        return new ProbeReport(t, new InetSocketAddress(InetAddress.getByName("198.51.100.1"), 40000), 1.0, 10, 10,
                null, r);
    }

    private static PeerConfig config(Path dir, String proposals, boolean aggressive) throws Exception {
        Path f = dir.resolve("swanctl.conf");
        Files.writeString(f, "connections {\n  hq {\n    version = 1\n    remote_addrs = 198.51.100.2\n"
                + "    aggressive = " + (aggressive ? "yes" : "no") + "\n    proposals = " + proposals + "\n"
                + "    local { auth = psk }\n    remote { auth = psk }\n"
                + "    children { net { local_ts = 10.2.0.0/24\n      remote_ts = 10.1.0.0/24 } }\n  }\n}\n");
        return ConfigFormats.standard().read(f, null);
    }

    @Test
    void aSuiteThePeerChoseNegotiates(@TempDir Path dir) throws Exception {
        ConnectionFit c = AgainstConfig.weigh(config(dir, "aes128-sha1-modp1024,aes256-sha256-modp2048", false),
                report(null), null).connections().get(0);
        assertThat(c.ikeVersion()).isEqualTo(1);
        assertThat(c.verdict()).isEqualTo(ConnectionFit.Verdict.NEGOTIATES);
        assertThat(c.matching()).containsExactly("AES-CBC-256 / SHA2-256 / PSK / group 14");
    }

    @Test
    void refusedValuesAreNamedWithWhatThePeerAccepts(@TempDir Path dir) throws Exception {
        ConnectionFit c = AgainstConfig.weigh(config(dir, "aes128-sha1-modp1024", false), report(null), null)
                .connections().get(0);
        assertThat(c.verdict()).isEqualTo(ConnectionFit.Verdict.FAILS);
        assertThat(c.changes()).containsExactly(
                "encryption: the peer accepts none of AES-CBC-128; it accepts AES-CBC-256",
                "hash: the peer accepts none of SHA1; it accepts SHA2-256",
                "DH group: the peer accepts none of 2; it accepts 14");
    }

    @Test
    void anAggressiveModeConnectionNeedsAggressiveModeToAnswer(@TempDir Path dir) throws Exception {
        PeerConfig cfg = config(dir, "aes256-sha256-modp2048", true);
        ConnectionFit notAsked = AgainstConfig.weigh(cfg, report(null), null).connections().get(0);
        assertThat(notAsked.verdict()).isEqualTo(ConnectionFit.Verdict.FAILS);
        assertThat(notAsked.changes()).singleElement().asString().contains("probe with --aggressive");
        ConnectionFit answered = AgainstConfig.weigh(cfg, report(new Ikev1Result.AggressiveMode(true,
                AES256_SHA256_PSK_14, null, "crackable")), null).connections().get(0);
        assertThat(answered.verdict()).isEqualTo(ConnectionFit.Verdict.NEGOTIATES);
    }
}
