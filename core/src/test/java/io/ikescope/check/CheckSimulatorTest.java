package io.ikescope.check;

import static io.ikescope.check.ModelBuilder.child;
import static io.ikescope.check.ModelBuilder.conn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.PeerConfig;
import io.ikescope.diagnosis.VerdictCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulation's rules one by one, on configurations built in code after the lab's. */
class CheckSimulatorTest {
    private static final String SECRET = "correct horse battery staple";

    /** The lab's initiator: IKEv2, PSK, one child 203.0.113.0/28 === 203.0.113.16/28. */
    static ModelBuilder.Conn initiator() {
        return conn("lab", "a.conf").version(2, 3).remote("198.51.100.2", 4).proposals("aes256-sha256-modp2048", 5)
                .auth("PSK", 7, "PSK", 11).ids("initiator.lab.example", 8, "responder.lab.example", 12)
                .psk(SECRET, "a.conf", 30);
    }

    static ModelBuilder.Conn responder() {
        return conn("lab", "b.conf").version(2, 3).proposals("aes256-sha256-modp2048", 4)
                .auth("PSK", 6, "PSK", 10).ids("responder.lab.example", 7, "initiator.lab.example", 11)
                .psk(SECRET, "b.conf", 30);
    }

    static ModelBuilder.Child net(String local, String remote, String esp) {
        return child("net", 14).ts(local, 15, remote, 16).esp(esp, 17);
    }

    static ModelBuilder.Conn withNet(ModelBuilder.Conn c, boolean initiator) {
        return initiator ? c.child(net("203.0.113.0/28", "203.0.113.16/28", "aes128-sha256-modp2048"))
                : c.child(net("203.0.113.16/28", "203.0.113.0/28", "aes128-sha256-modp2048"));
    }

    static CheckReport check(ConnectionConfig a, ConnectionConfig b) {
        return CheckSimulator.check(peer(a), peer(b), null);
    }

    static PeerConfig peer(ConnectionConfig... c) {
        return ModelBuilder.peer(c[0].implementation(), c[0].origin().file(), c);
    }

    static SimulatedNegotiation fromA(CheckReport r) {
        return r.negotiations().stream().filter(n -> n.initiator() == Side.A).findFirst().orElseThrow();
    }

    static List<String> codes(SimulatedNegotiation n) {
        return n.findings().stream().map(CheckFinding::code).toList();
    }

    @Test
    void agreeingPeersEstablishAndTheAnsweringSideCannotInitiate() {
        CheckReport r = check(withNet(initiator(), true).build(), withNet(responder(), false).build());
        SimulatedNegotiation n = fromA(r);
        assertThat(n.verdict()).isEqualTo(VerdictCode.ESTABLISHED);
        assertThat(n.phase1().chosen()).isEqualTo(new ChosenIke("AES-CBC-256", "HMAC-SHA2-256-128",
                "PRF-HMAC-SHA2-256", null, 14));
        assertThat(n.children().get(0).chosen()).isEqualTo(new ChosenChild("ESP", "AES-CBC-128",
                "HMAC-SHA2-256-128", null, false));
        SimulatedNegotiation back = r.negotiations().get(1);
        assertThat(back.initiator()).isEqualTo(Side.B);
        assertThat(back.simulated()).isFalse();
        assertThat(back.notInitiated()).contains("no remote address");
        assertThat(r.established()).isTrue();
    }

    @Test
    void bothDirectionsWhenBothKnowTheOther() {
        CheckReport r = check(withNet(initiator(), true).local("198.51.100.1", 2).build(),
                withNet(responder(), false).remote("198.51.100.1", 2).build());
        assertThat(r.negotiations()).hasSize(2).allMatch(SimulatedNegotiation::simulated)
                .allMatch(SimulatedNegotiation::established);
        assertThat(r.negotiations().get(1).initiatorConnection()).isEqualTo("lab");
    }

    @Test
    void invalidKeRetryEstablishesWithAFinding() {
        CheckReport r = check(withNet(initiator().proposals("aes256-sha256-modp2048-ecp256", 5), true).build(),
                withNet(responder().proposals("aes256-sha256-ecp256", 4), false).build());
        SimulatedNegotiation n = fromA(r);
        assertThat(n.verdict()).isEqualTo(VerdictCode.ESTABLISHED);
        assertThat(n.phase1().chosen().dhGroup()).isEqualTo(19);
        assertThat(codes(n)).contains("INVALID_KE_RETRY");
    }

    @Test
    void noCommonGroupIsDhGroupMismatchWithBothLines() {
        SimulatedNegotiation n = fromA(check(withNet(initiator(), true).build(),
                withNet(responder().proposals("aes256-sha256-ecp256", 4), false).build()));
        assertThat(n.verdict()).isEqualTo(VerdictCode.DH_GROUP_MISMATCH);
        assertThat(n.phase1().outcome().mismatch()).containsExactly("dhGroup");
        assertThat(n.phase1().outcome().changes()).extracting(c -> c.side() + " " + c.origin() + " " + c.to())
                .containsExactly("B b.conf line 4 also accept modp2048 (14) (DH group)",
                        "A a.conf line 5 also offer ecp256 (19) (DH group)");
    }

    @Test
    void dhGroupMismatchNamesTheProposalThatDiffersOnlyInTheGroup() {
        SimulatedNegotiation n = fromA(check(withNet(initiator(), true).build(), withNet(responder()
                .proposals("aes128-sha256-modp2048,aes256-sha256-ecp256", 4), false).build()));
        assertThat(n.verdict()).isEqualTo(VerdictCode.DH_GROUP_MISMATCH);
        assertThat(n.phase1().outcome().changes().get(0).now()).contains("AES-CBC-256").contains("ecp256");
    }

    @Test
    void otherDifferencesArePropsalMismatchNamingTheAttribute() {
        SimulatedNegotiation n = fromA(check(withNet(initiator(), true).build(),
                withNet(responder().proposals("aes128-sha1-ecp256", 4), false).build()));
        assertThat(n.verdict()).isEqualTo(VerdictCode.PROPOSAL_MISMATCH);
        assertThat(n.phase1().outcome().mismatch()).containsExactly("encryption", "integrity", "prf", "dhGroup");
        assertThat(n.phase1().outcome().explanation()).contains("encryption: A offers AES-CBC-256 (a.conf line 5)");
    }

    @Test
    void responderOrderWins() {
        SimulatedNegotiation n = fromA(check(withNet(initiator().proposals("aes128-sha256-modp2048,"
                + "aes256-sha256-modp2048", 5), true).build(), withNet(responder().proposals(
                "aes256-sha256-modp2048,aes128-sha256-modp2048", 4), false).build()));
        assertThat(n.phase1().chosen().encryption()).isEqualTo("AES-CBC-256");
    }

    @Test
    void ikeVersionTheResponderDoesNotRun() {
        SimulatedNegotiation n = fromA(check(withNet(initiator(), true).build(),
                withNet(responder().version(1, 3), false).build()));
        assertThat(n.verdict()).isEqualTo(VerdictCode.PROPOSAL_MISMATCH);
        assertThat(n.phase1().outcome().mismatch()).containsExactly("ikeVersion");
        // strongSwan version = 0 initiates IKEv2 and accepts both
        SimulatedNegotiation either = fromA(check(withNet(initiator().version(0, 3), true).build(),
                withNet(responder().version(0, 3), false).build()));
        assertThat(either.phase1().ikeVersion()).isEqualTo(2);
        assertThat(either.verdict()).isEqualTo(VerdictCode.ESTABLISHED);
    }

    @Test
    void aggressiveModeAgainstLibreswanMainMode() {
        ConnectionConfig a = withNet(initiator().version(1, 3).aggressive(true, 6), true).build();
        ConnectionConfig lib = withNet(responder().version(1, 3).implementation(Implementation.LIBRESWAN), false)
                .build();
        SimulatedNegotiation n = fromA(check(a, lib));
        assertThat(n.verdict()).isEqualTo(VerdictCode.PROPOSAL_MISMATCH);
        assertThat(n.phase1().outcome().mismatch()).containsExactly("exchangeMode");
        // strongSwan takes a peer config only of the exchange's mode, after the proposal: AUTHENTICATION_FAILED
        SimulatedNegotiation main = fromA(check(a, withNet(responder().version(1, 3), false).build()));
        assertThat(main.verdict()).isEqualTo(VerdictCode.AUTH_FAILED);
        assertThat(main.phase1().outcome().mismatch()).containsExactly("exchangeMode");
        assertThat(main.phase1().chosen()).isNotNull();
        SimulatedNegotiation swan = fromA(check(a, withNet(responder().version(1, 3).aggressive(true, 5), false)
                .build()));
        assertThat(swan.phase1().exchange()).isEqualTo("aggressive");
        assertThat(swan.verdict()).isEqualTo(VerdictCode.ESTABLISHED);
        assertThat(codes(swan)).contains("AGGRESSIVE_PSK_RESPONDER");
    }

    @Test
    void strongSwanIkev1KeepsTheFirstAlgorithmOfEachKindLibreswanAllCombinations() {
        ModelBuilder.Conn many = initiator().version(1, 3).proposals("aes256-aes128-sha256-modp2048", 5);
        ModelBuilder.Conn only128 = responder().version(1, 3).proposals("aes128-sha256-modp2048", 4);
        assertThat(fromA(check(withNet(many, true).build(), withNet(only128, false).build())).verdict())
                .isEqualTo(VerdictCode.PROPOSAL_MISMATCH);
        ConnectionConfig libInit = withNet(initiator().version(1, 3).proposals("aes256-aes128-sha256-modp2048", 5)
                .implementation(Implementation.LIBRESWAN), true).build();
        assertThat(fromA(check(libInit, withNet(responder().version(1, 3).proposals("aes128-sha256-modp2048", 4),
                false).build())).verdict()).isEqualTo(VerdictCode.ESTABLISHED);
    }

    @Test
    void pskDifferOrMissing() {
        SimulatedNegotiation differ = fromA(check(withNet(initiator(), true).build(),
                withNet(responder().psk("another", "b.conf", 30), false).build()));
        assertThat(differ.verdict()).isEqualTo(VerdictCode.AUTH_FAILED);
        assertThat(differ.phase1().outcome().mismatch()).containsExactly("psk");
        SimulatedNegotiation missing = fromA(check(withNet(initiator(), true).build(),
                withNet(responder().psk(null, "b.conf", 0), false).build()));
        assertThat(missing.verdict()).isEqualTo(VerdictCode.AUTH_FAILED);
        assertThat(missing.phase1().outcome().explanation()).contains("B has no pre-shared key");
        assertThat(differ.toString() + missing).doesNotContain(SECRET).doesNotContain("another");
    }

    @Test
    void anEncryptedKeyOnBothSidesIsNotComparedButSaidSo() {
        // Two FortiOS backups both hold "ENC ..." keys: equal markers must not pass for equal keys.
        SimulatedNegotiation n = fromA(check(withNet(initiator().unreadablePsk("a.conf", 12), true).build(),
                withNet(responder().unreadablePsk("b.conf", 30), false).build()));
        assertThat(n.verdict()).isEqualTo(VerdictCode.ESTABLISHED);
        assertThat(n.findings()).anyMatch(f -> f.code().equals("PSK_NOT_COMPARABLE"));
        SimulatedNegotiation plain = fromA(check(withNet(initiator(), true).build(),
                withNet(responder(), false).build()));
        assertThat(plain.findings()).noneMatch(f -> f.code().equals("PSK_NOT_COMPARABLE"));
    }

    @Test
    void identitiesAndWildcards() {
        ConnectionConfig wildcard = withNet(responder().ids("@responder.lab.example", 7, "*.lab.example", 11),
                false).build();
        assertThat(fromA(check(withNet(initiator(), true).build(), wildcard)).verdict())
                .isEqualTo(VerdictCode.ESTABLISHED);
        // the name pairs them although the identities do not fit: the simulation says why
        ConnectionConfig other = withNet(responder().ids("responder.lab.example", 7, "someone.else", 11), false)
                .build();
        SimulatedNegotiation n = fromA(check(withNet(initiator(), true).build(), other));
        assertThat(n.verdict()).isEqualTo(VerdictCode.AUTH_FAILED);
        assertThat(n.phase1().outcome().mismatch()).containsExactly("id");
        assertThat(n.phase1().outcome().changes().get(0).origin().line()).isEqualTo(11);
    }

    @Test
    void methodsAndCertificates() {
        ConnectionConfig pubkey = withNet(responder().auth("PSK", 6, "PUBKEY", 10), false).build();
        SimulatedNegotiation n = fromA(check(withNet(initiator(), true).build(), pubkey));
        assertThat(n.verdict()).isEqualTo(VerdictCode.AUTH_FAILED);
        assertThat(n.phase1().outcome().mismatch()).containsExactly("authMethod");
        SimulatedNegotiation certs = fromA(check(withNet(initiator().auth("PUBKEY", 7, "PUBKEY", 11), true).build(),
                withNet(responder().auth("RSA-SIG", 6, "PUBKEY", 10), false).build()));
        assertThat(certs.verdict()).isEqualTo(VerdictCode.ESTABLISHED);
        assertThat(codes(certs)).contains("CERTIFICATES_NOT_CHECKED");
    }

    @Test
    void latentPfsMismatchFiresAtTheFirstRekey() {
        ConnectionConfig b = responder().child(net("203.0.113.16/28", "203.0.113.0/28", "aes128-sha256")).build();
        CheckReport r = check(withNet(initiator(), true).build(), b);
        SimulatedNegotiation n = fromA(r);
        ChildResult c = n.children().get(0);
        assertThat(c.exchange()).isEqualTo("IKE_AUTH");
        assertThat(c.outcome().established()).isTrue();
        assertThat(c.latent().code()).isEqualTo(VerdictCode.PFS_MISMATCH);
        // strongSwan's defaults: rekey_time 1h, life_time 1.1 h, rand_time the difference
        assertThat(c.latent().earliestSeconds()).isEqualTo(3240);
        assertThat(c.latent().latestSeconds()).isEqualTo(3600);
        assertThat(n.verdict()).isEqualTo(VerdictCode.PFS_MISMATCH);
        assertThat(r.established()).isFalse();
    }

    @Test
    void furtherIkev2ChildrenUsePfsAtOnce() {
        ModelBuilder.Conn a = withNet(initiator(), true).child(child("two", 20).ts("203.0.113.0/28", 21,
                "203.0.113.48/28", 22).esp("aes128-sha256-modp2048", 23));
        ModelBuilder.Conn b = withNet(responder(), false).child(child("two", 20).ts("203.0.113.48/28", 21,
                "203.0.113.0/28", 22).esp("aes128-sha256", 23));
        SimulatedNegotiation n = fromA(check(a.build(), b.build()));
        assertThat(n.children()).extracting(ChildResult::exchange).containsExactly("IKE_AUTH", "CREATE_CHILD_SA");
        assertThat(n.children().get(1).outcome().code()).isEqualTo(VerdictCode.PFS_MISMATCH);
        assertThat(codes(n)).contains("HALF_UP");
        assertThat(n.findings().stream().filter(f -> f.code().equals("HALF_UP")).findFirst().orElseThrow()
                .message()).contains("two refused");
    }

    @Test
    void ikev1QuickModePfsGroupsDiffer() {
        ModelBuilder.Conn a = withNet(initiator().version(1, 3), true);
        ModelBuilder.Conn b = responder().version(1, 3).child(net("203.0.113.16/28", "203.0.113.0/28",
                "aes128-sha256-ecp256"));
        ChildResult c = fromA(check(a.build(), b.build())).children().get(0);
        assertThat(c.exchange()).isEqualTo("QUICK_MODE");
        assertThat(c.outcome().code()).isEqualTo(VerdictCode.PFS_MISMATCH);
        assertThat(c.outcome().mismatch()).containsExactly("pfsGroup");
    }

    @Test
    void strongSwanNarrowsLibreswanAndVendorsDoNot() {
        ModelBuilder.Conn wide = responder().child(net("203.0.113.0/24", "203.0.113.0/24", "aes128-sha256-modp2048"));
        SimulatedNegotiation swan = fromA(check(withNet(initiator(), true).build(), wide.build()));
        assertThat(swan.verdict()).isEqualTo(VerdictCode.ESTABLISHED);
        assertThat(swan.children().get(0).trafficSelectors().narrowed()).isFalse();
        ModelBuilder.Conn narrow = responder().child(net("203.0.113.16/29", "203.0.113.0/28",
                "aes128-sha256-modp2048"));
        SimulatedNegotiation narrowed = fromA(check(withNet(initiator(), true).build(), narrow.build()));
        assertThat(narrowed.verdict()).isEqualTo(VerdictCode.ESTABLISHED);
        assertThat(narrowed.children().get(0).trafficSelectors().installedResponder())
                .containsExactly("203.0.113.16/29");
        assertThat(codes(narrowed)).contains("TS_NARROWED");
        for (Implementation exact : List.of(Implementation.LIBRESWAN, Implementation.CISCO_IOS)) {
            ConnectionConfig b = responder().implementation(exact).child(net("203.0.113.0/24", "203.0.113.0/24",
                    "aes128-sha256-modp2048")).build();
            assertThat(fromA(check(withNet(initiator(), true).build(), b)).verdict()).as(exact.name())
                    .isEqualTo(VerdictCode.TS_MISMATCH);
        }
        // a libreswan initiator (narrowing=no) refuses what a strongSwan responder narrowed
        ConnectionConfig libInit = withNet(initiator().implementation(Implementation.LIBRESWAN), true).build();
        assertThat(fromA(check(libInit, narrow.build())).verdict()).isEqualTo(VerdictCode.TS_MISMATCH);
    }

    @Test
    void transportAgainstTunnel() {
        ModelBuilder.Conn b = responder().child(net("203.0.113.16/28", "203.0.113.0/28", "aes128-sha256-modp2048")
                .mode("transport"));
        SimulatedNegotiation v2 = fromA(check(withNet(initiator(), true).build(), b.build()));
        assertThat(v2.verdict()).isEqualTo(VerdictCode.ESTABLISHED);
        assertThat(codes(v2)).contains("MODE_DIFFERS");
        ModelBuilder.Conn b1 = responder().version(1, 3).child(net("203.0.113.16/28", "203.0.113.0/28",
                "aes128-sha256-modp2048").mode("transport"));
        ChildResult v1 = fromA(check(withNet(initiator().version(1, 3), true).build(), b1.build())).children().get(0);
        assertThat(v1.outcome().code()).isEqualTo(VerdictCode.TS_MISMATCH);
        assertThat(v1.outcome().mismatch()).containsExactly("mode");
    }

    @Test
    void ciscoRefusesALongerIkev1Lifetime() {
        ModelBuilder.Conn a = withNet(initiator().version(1, 3).lifetimes(null, 86400L, 6), true);
        ConnectionConfig cisco = withNet(responder().version(1, 3).implementation(Implementation.CISCO_IOS)
                .lifetimes(null, 28800L, 5), false).build();
        SimulatedNegotiation n = fromA(check(a.build(), cisco));
        assertThat(n.verdict()).isEqualTo(VerdictCode.PROPOSAL_MISMATCH);
        assertThat(n.phase1().outcome().mismatch()).containsExactly("lifetime");
        ConnectionConfig swan = withNet(responder().version(1, 3).lifetimes(null, 28800L, 5), false).build();
        SimulatedNegotiation s = fromA(check(a.build(), swan));
        assertThat(s.verdict()).isEqualTo(VerdictCode.ESTABLISHED);
        assertThat(codes(s)).contains("IKEV1_LIFETIMES_DIFFER");
    }

    @Test
    void lifetimeWarnings() {
        ModelBuilder.Conn a = initiator().child(net("203.0.113.0/28", "203.0.113.16/28", "aes128-sha256-modp2048")
                .lifetimes(4000L, 3600L, 18));
        ModelBuilder.Conn b = responder().child(net("203.0.113.16/28", "203.0.113.0/28", "aes128-sha256-modp2048")
                .lifetimes(null, 1800L, 18));
        SimulatedNegotiation n = fromA(check(a.build(), b.build()));
        assertThat(codes(n)).contains("EXPIRES_BEFORE_REKEY", "EXPIRES_BEFORE_PEER_REKEYS");
    }

    @Test
    void pairingByAddressesAndIdsElseNameElseUnpaired() {
        ConnectionConfig a1 = withNet(initiator(), true).build();
        ConnectionConfig a2 = withNet(conn("office", "a.conf").remote("192.0.2.9", 40).auth("PSK", 41, "PSK", 42)
                .ids("a.example", 43, "office.example", 44), true).build();
        ConnectionConfig b1 = withNet(conn("gw", "b.conf").version(2, 3).proposals("aes256-sha256-modp2048", 4)
                .auth("PSK", 6, "PSK", 10).ids("responder.lab.example", 7, "initiator.lab.example", 11)
                .psk(SECRET, "b.conf", 30), false).build();
        CheckReport r = CheckSimulator.check(peer(a1, a2), peer(b1), null);
        assertThat(r.negotiations()).hasSize(2);
        assertThat(fromA(r).responderConnection()).isEqualTo("gw");
        assertThat(r.unpaired()).extracting(u -> u.side() + " " + u.connection()).containsExactly("A office");
        CheckReport only = CheckSimulator.check(peer(a1, a2), peer(b1), "lab");
        assertThat(only.unpaired()).isEmpty();
        assertThat(only.negotiations()).hasSize(2);
        assertThatThrownBy(() -> CheckSimulator.check(peer(a1), peer(b1), "nowhere"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nowhere");
    }

    @Test
    void nothingSimulatedIsNotEstablished() {
        CheckReport r = check(withNet(responder(), true).build(), withNet(responder(), false).build());
        assertThat(r.negotiations()).noneMatch(SimulatedNegotiation::simulated);
        assertThat(r.established()).isFalse();
    }
}
