package io.ikescope.config.libreswan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.PeerConfig;
import io.ikescope.config.PskDigest;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every libreswan configuration the lab runs (lab/scenarios/*&#47;*.ipsec.conf with ROLE.ipsec.secrets beside it)
 * reads without error or warning and gives the conn the lab's pluto 4.10 ran: proposals in the contract's names,
 * traffic selectors, IDs, and the PSK digest compared with the strongSwan peer's secret in the same scenario.
 */
class LibreswanLabScenariosTest {

    private static final Pattern SWANCTL_SECRET = Pattern.compile("secret\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern CONF_SUBNET = Pattern.compile("(left|right)subnet=(\\S+)");

    @TestFactory
    Stream<DynamicTest> everyLabLibreswanFileReads() throws IOException {
        Path scenarios = TestPaths.repositoryRoot().resolve("lab/scenarios");
        List<Path> confs;
        try (Stream<Path> all = Files.walk(scenarios, 2)) {
            confs = all.filter(p -> p.getFileName().toString().endsWith(".ipsec.conf")).sorted().toList();
        }
        assertThat(confs).hasSizeGreaterThanOrEqualTo(8);
        return confs.stream().map(conf -> DynamicTest.dynamicTest(scenarios.relativize(conf).toString(),
                () -> check(conf)));
    }

    private static void check(Path conf) throws Exception {
        String role = conf.getFileName().toString().replace(".ipsec.conf", "");
        Path secrets = conf.resolveSibling(role + ".ipsec.secrets");
        PeerConfig peer = new LibreswanReader().read(conf, secrets);
        String text = Files.readString(conf);
        assertThat(new LibreswanReader().recognises(conf, text)).isTrue();
        assertThat(peer.warnings()).isEmpty();
        assertThat(peer.files()).containsExactly(conf.toString(), secrets.toString());
        ConnectionConfig lab = peer.connection("lab").orElseThrow();
        assertThat(peer.connections()).hasSize(1);

        boolean v1 = text.contains("ikev2=no");
        assertThat(lab.ikeVersion().value()).isEqualTo(v1 ? 1 : 2);
        assertThat(lab.aggressive().value()).isEqualTo(text.contains("aggressive=yes"));
        assertThat(lab.strictProposals().value()).isTrue();

        // ike=aes(128|256)-sha2_256-modp2048: one proposal, exactly those algorithms
        int ikeBits = text.contains("ike=aes128") ? 128 : 256;
        assertThat(lab.ikeProposals().value()).containsExactly(new IkeProposalConfig(List.of("AES-CBC-" + ikeBits),
                List.of("HMAC-SHA2-256-128"), List.of("PRF-HMAC-SHA2-256"), List.of(14),
                lab.ikeProposals().origin()));
        assertThat(lab.ikeProposals().origin().line()).isEqualTo(lineOf(text, "ike="));

        boolean initiator = role.equals("initiator");
        String me = initiator ? "initiator" : "responder";
        String peerName = initiator ? "responder" : "initiator";
        assertThat(lab.local().id().value()).isEqualTo("@" + me + ".lab.example");
        assertThat(lab.remote().id().value()).isEqualTo("@" + peerName + ".lab.example");
        assertThat(lab.local().method().value()).isEqualTo("PSK");
        assertThat(lab.localAddrs().value()).containsExactly(initiator ? "198.51.100.1" : "198.51.100.2");
        assertThat(lab.remoteAddrs().value()).containsExactly(initiator ? "198.51.100.2" : "%any");

        assertThat(lab.children()).hasSize(1);
        ChildConfig child = lab.children().get(0);
        assertThat(child.name()).isEqualTo("lab");
        Matcher subnets = CONF_SUBNET.matcher(text);
        while (subnets.find()) {
            List<io.ikescope.config.TrafficSelectorConfig> ts = subnets.group(1).equals("left")
                    ? child.localTs().value() : child.remoteTs().value();
            assertThat(ts).singleElement().satisfies(t -> {
                assertThat(t.text()).isEqualTo(subnets.group(2));
                assertThat(t.dynamic()).isFalse();
            });
        }
        // esp=aes128-sha2_256-modp2048 with pfs defaulting to yes: PFS group 14
        assertThat(child.proposals().value()).containsExactly(new ChildProposalConfig("ESP", List.of("AES-CBC-128"),
                List.of("HMAC-SHA2-256-128"), List.of(14), List.of(), child.proposals().origin()));
        assertThat(child.mode().value()).isEqualTo("tunnel");
        assertThat(child.startAction().value()).isEqualTo("none");
        if (text.contains("rekey=no")) {
            assertThat(child.rekeySeconds().value()).isNull();
            assertThat(lab.rekeySeconds().value()).isNull();
        } else {
            assertThat(child.rekeySeconds().value()).isEqualTo(8 * 3600 - 9 * 60);
        }

        // the PSK: the strongSwan peer's literal, digested here, equals ours unless the scenario is a PSK mismatch
        Path other = Files.list(conf.getParent()).filter(p -> p.toString().endsWith(".swanctl.conf")).findFirst()
                .orElseThrow();
        Matcher secret = SWANCTL_SECRET.matcher(Files.readString(other));
        assertThat(secret.find()).isTrue();
        PskDigest theirs = PskDigest.of(secret.group(1));
        assertThat(lab.local().psk().value()).isNotNull();
        assertThat(lab.local().psk().origin().file()).isEqualTo(secrets.toString());
        boolean mismatch = conf.getParent().getFileName().toString().contains("psk-mismatch");
        if (mismatch) {
            assertThat(lab.local().psk().value()).isNotEqualTo(theirs);
        } else {
            assertThat(lab.local().psk().value()).isEqualTo(theirs);
        }
        assertThat(peer.toString()).doesNotContain(secret.group(1)).doesNotContain("a different secret");
    }

    private static int lineOf(String text, String prefix) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith(prefix)) {
                return i + 1;
            }
        }
        return -1;
    }
}
