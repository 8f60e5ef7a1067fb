package io.ikescope.config.libreswan;

import io.ikescope.config.formats.ConfigFormats;
import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ConfigReaders;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.PeerConfig;
import io.ikescope.config.PskDigest;
import io.ikescope.config.TrafficSelectorConfig;
import io.ikescope.testsupport.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader on hand-written configurations: %default, also=, subnets=, includes, secrets, the matrix's files. */
class LibreswanReaderTest {

    static final Path DIR = TestPaths.repositoryRoot().resolve("core/src/test/resources/config/libreswan");

    private static LibreswanPeerConfig read(String relative) throws Exception {
        return new LibreswanReader().readWithFacts(DIR.resolve(relative), null);
    }

    private static List<String> messages(PeerConfig peer) {
        return peer.warnings().stream().map(ConfigWarning::toString).toList();
    }

    @Test
    void defaultAndAlsoGiveSiteBItsSettings() throws Exception {
        LibreswanPeerConfig all = read("also-default/ipsec.conf");
        PeerConfig peer = all.peer();
        String conf = DIR.resolve("also-default/ipsec.conf").toString();
        String secrets = DIR.resolve("also-default/ipsec.secrets").toString();
        assertThat(peer.implementation()).isEqualTo(Implementation.LIBRESWAN);
        assertThat(peer.defaultsOf()).isEqualTo("libreswan 4.10");
        // conn common only serves also=: no connection of its own
        assertThat(peer.connections()).extracting(ConnectionConfig::name).containsExactly("site-b", "road");

        ConnectionConfig site = peer.connection("site-b").orElseThrow();
        assertThat(site.ikeVersion().value()).isEqualTo(2);
        assertThat(site.ikeVersion().origin().isDefault()).isTrue();
        assertThat(site.localAddrs().value()).containsExactly("192.0.2.1");
        assertThat(site.localAddrs().origin().line()).isEqualTo(15); // from conn common, through also=
        assertThat(site.remoteAddrs().value()).containsExactly("198.51.100.7");
        assertThat(site.local().id().value()).isEqualTo("@gw-a.example");
        assertThat(site.remote().id().value()).isEqualTo("@gw-b.example");
        assertThat(site.local().method().value()).isEqualTo("PSK");
        assertThat(site.local().method().origin().line()).isEqualTo(10); // conn %default authby=secret
        assertThat(site.local().psk().value()).isEqualTo(PskDigest.of("site secret one"));
        assertThat(site.local().psk().origin()).satisfies(o -> {
            assertThat(o.file()).isEqualTo(secrets);
            assertThat(o.line()).isEqualTo(2);
        });
        assertThat(site.ikeProposals().value()).containsExactly(new IkeProposalConfig(List.of("AES-GCM-256-16"),
                List.of(), List.of("PRF-HMAC-SHA2-256"), List.of(19), site.ikeProposals().origin()));
        assertThat(site.ikeProposals().origin().line()).isEqualTo(11);
        assertThat(site.lifeSeconds().value()).isEqualTo(7200L);
        assertThat(site.rekeySeconds().value()).isEqualTo(7200L - 180);
        assertThat(site.forceEncap().value()).isTrue();

        // leftsubnets={a b} x rightsubnet=: one child per pair, named as pluto names them
        assertThat(site.children()).extracting(ChildConfig::name).containsExactly("site-b/1x0", "site-b/2x0");
        ChildConfig second = site.children().get(1);
        assertThat(second.localTs().value()).extracting(TrafficSelectorConfig::text).containsExactly("10.2.0.0/24");
        assertThat(second.remoteTs().value()).extracting(TrafficSelectorConfig::text).containsExactly("10.9.0.0/16");
        assertThat(second.localTs().origin().line()).isEqualTo(22);
        assertThat(second.startAction().value()).isEqualTo("start");
        assertThat(second.lifeSeconds().value()).isEqualTo(1800L); // keylife=30m in %default
        assertThat(second.rekeySeconds().value()).isEqualTo(1800L - 180);
        assertThat(second.proposals().value()).singleElement().satisfies(p -> {
            assertThat(p.encryption()).containsExactly("AES-GCM-256-16");
            assertThat(p.integrity()).isEmpty();
            assertThat(p.dhGroups()).containsExactly(19); // pfs=yes, no DH in esp=: the IKE SA's group
        });
        LibreswanConnFacts facts = all.facts("site-b").orElseThrow();
        assertThat(facts.pfsFromIkeSa().value()).isTrue();
        assertThat(facts.narrowing().value()).isTrue();
        assertThat(facts.narrowing().origin().line()).isEqualTo(25);
        assertThat(facts.fragmentation().value()).isEqualTo("force");
        assertThat(facts.encapsulation().value()).isEqualTo("yes");
        assertThat(facts.localEnd().value()).isEqualTo("left");
        assertThat(conf).isEqualTo(site.origin().file());
    }

    @Test
    void roadIsIkev1AggressiveWithoutPfsAndWarnsOnWhatItCannotUse() throws Exception {
        LibreswanPeerConfig all = read("also-default/ipsec.conf");
        ConnectionConfig road = all.peer().connection("road").orElseThrow();
        assertThat(road.ikeVersion().value()).isEqualTo(1);
        assertThat(road.ikeVersion().origin().line()).isEqualTo(33);
        assertThat(road.aggressive().value()).isTrue();
        assertThat(road.remoteAddrs().value()).containsExactly("%any");
        assertThat(road.remote().id().value()).isEqualTo("@road.example");
        assertThat(road.local().psk().value()).isEqualTo(PskDigest.of("road warrior secret"));
        assertThat(road.ikeProposals().value()).containsExactly(new IkeProposalConfig(List.of("AES-CBC-128"),
                List.of("HMAC-SHA1-96"), List.of("PRF-HMAC-SHA1"), List.of(14), road.ikeProposals().origin()));
        assertThat(road.rekeySeconds().value()).isNull();
        ChildConfig child = road.children().get(0);
        assertThat(child.name()).isEqualTo("road");
        assertThat(child.mode().value()).isEqualTo("transport");
        assertThat(child.startAction().value()).isEqualTo("trap");
        assertThat(child.lifeSeconds().value()).isEqualTo(86400L); // 48h capped
        assertThat(child.rekeySeconds().value()).isNull();
        assertThat(child.proposals().value()).singleElement().satisfies(p -> assertThat(p.hasPfs()).isFalse());
        // no subnets: this host's address, and the peer's whatever it turns out to be
        assertThat(child.localTs().value()).singleElement().satisfies(t -> {
            assertThat(t.start()).isEqualTo("192.0.2.1");
            assertThat(t.end()).isEqualTo("192.0.2.1");
            assertThat(t.origin().isDefault()).isTrue();
        });
        assertThat(child.remoteTs().value()).singleElement().satisfies(t -> assertThat(t.dynamic()).isTrue());

        List<String> warnings = messages(all.peer());
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("line 44")
                .contains("unknown keyword 'frobnicate'"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("line 3").contains("ikev1-policy=drop"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("line 36").contains("pfs=no"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("line 41").contains("24h"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("ipsec.secrets line 5").contains("RSA"));
        assertThat(warnings).noneSatisfy(w -> assertThat(w).contains("dpd"));
        assertThat(warnings).hasSize(5);
    }

    @Test
    void noSecretAppearsAnywhere() throws Exception {
        LibreswanPeerConfig all = read("also-default/ipsec.conf");
        String text = all.toString();
        for (String secret : List.of("site secret one", "road warrior secret", "fallback secret", "636f7272656374",
                "correct")) {
            assertThat(text).doesNotContain(secret);
        }
    }

    @Test
    void includesAreReadInOrderRelativeToTheIncludingFile() throws Exception {
        PeerConfig peer = read("include/ipsec.conf").peer();
        assertThat(peer.connections()).extracting(ConnectionConfig::name).containsExactly("a", "c", "b", "last");
        assertThat(peer.files()).containsExactly(
                DIR.resolve("include/ipsec.conf").toString(),
                DIR.resolve("include/conf.d/a.conf").toString(),
                DIR.resolve("include/conf.d/../more/c.conf").toString(),
                DIR.resolve("include/conf.d/b.conf").toString(),
                DIR.resolve("include/ipsec.secrets").toString(),
                DIR.resolve("include/ipsec.d/b.secrets").toString());
        assertThat(messages(peer)).singleElement().satisfies(w -> assertThat(w).contains("ipsec.conf line 6")
                .contains("missing.conf"));

        ConnectionConfig a = peer.connection("a").orElseThrow();
        assertThat(a.local().id().value()).isEqualTo("192.0.2.1");
        assertThat(a.local().id().origin().isDefault()).isTrue();
        assertThat(a.local().psk().value()).isEqualTo(PskDigest.of("secret of a"));

        ConnectionConfig b = peer.connection("b").orElseThrow();
        assertThat(b.localAddrs().value()).containsExactly("%defaultroute");
        assertThat(b.local().psk().value()).isEqualTo(PskDigest.of("secret of b"));
        assertThat(b.local().psk().origin().file()).endsWith("b.secrets");
        assertThat(b.children().get(0).localTs().value().get(0).dynamic()).isTrue();

        ConnectionConfig c = peer.connection("c").orElseThrow();
        assertThat(c.origin().file()).endsWith("c.conf");
        assertThat(c.local().method().value()).isEqualTo("ECDSA");
        assertThat(c.local().psk().value()).isNull();
        TrafficSelectorConfig local = c.children().get(0).localTs().value().get(0);
        assertThat(local.ipProtocol()).isEqualTo(17);
        assertThat(local.startPort()).isEqualTo(1701);
        assertThat(local.endPort()).isEqualTo(1701);
        TrafficSelectorConfig remote = c.children().get(0).remoteTs().value().get(0);
        assertThat(remote.ipProtocol()).isEqualTo(17);
        assertThat(remote.startPort()).isZero();
        assertThat(remote.endPort()).isEqualTo(65535);

        assertThat(peer.connection("last").orElseThrow().remote().method().value()).isEqualTo("RSA-SIG");
    }

    @Test
    void aMinimalConnGetsEveryDefault() throws Exception {
        Path conf = Files.createTempFile("minimal", ".conf");
        Files.writeString(conf, "conn x\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauto=add\n");
        LibreswanPeerConfig all = new LibreswanReader().readWithFacts(conf, null);
        ConnectionConfig x = all.peer().connection("x").orElseThrow();
        assertThat(all.peer().warnings()).isEmpty(); // not PSK: no secrets needed
        assertThat(x.ikeVersion().value()).isEqualTo(2);
        assertThat(x.ikeProposals().value()).isEqualTo(LibreswanDefaults.ikeProposals(2));
        assertThat(x.ikeProposals().origin().note()).contains("libreswan 4.10");
        assertThat(x.local().method().value()).isEqualTo("PUBKEY");
        assertThat(x.local().id().value()).isEqualTo("192.0.2.1");
        assertThat(x.remote().id().value()).isEqualTo("192.0.2.2");
        assertThat(x.aggressive().value()).isFalse();
        assertThat(x.forceEncap().value()).isFalse();
        assertThat(x.lifeSeconds().value()).isEqualTo(8 * 3600L);
        assertThat(x.rekeySeconds().value()).isEqualTo(8 * 3600L - 9 * 60);
        ChildConfig child = x.children().get(0);
        assertThat(child.mode().value()).isEqualTo("tunnel");
        assertThat(child.mode().origin().isDefault()).isTrue();
        assertThat(child.lifeSeconds().value()).isEqualTo(8 * 3600L);
        assertThat(child.proposals().value()).hasSize(4).allSatisfy(p ->
                assertThat(p.dhGroups()).containsExactly(14, 15, 16, 18, 19, 20, 21, 31));
        assertThat(all.facts("x").orElseThrow().narrowing().value()).isFalse();
        assertThat(all.facts("x").orElseThrow().fragmentation().value()).isEqualTo("yes");
        assertThat(all.facts("x").orElseThrow().pfsFromIkeSa().value()).isTrue();
    }

    @Test
    void ikeVersionKeywordsOfLibreswan4And5() throws Exception {
        for (String[] c : new String[][] {{"ikev2=permit", "1"}, {"ikev2=never", "1"}, {"ikev2=insist", "2"},
                {"ikev2=propose", "2"}, {"keyexchange=ikev1", "1"}, {"keyexchange=ike\n\tikev2=no", "1"}}) {
            Path conf = Files.createTempFile("version", ".conf");
            Files.writeString(conf, "conn x\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauto=add\n\t" + c[0] + "\n");
            assertThat(new LibreswanReader().read(conf, null).connections().get(0).ikeVersion().value())
                    .as(c[0]).isEqualTo(Integer.parseInt(c[1]));
        }
    }

    @Test
    void psksAreFoundWithoutSecretsWarnsWhenNoneIsBeside() throws Exception {
        Path dir = Files.createTempDirectory("nosecrets");
        Path conf = dir.resolve("ipsec.conf");
        Files.writeString(conf, "conn x\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauthby=secret\n\tauto=add\n");
        PeerConfig peer = new LibreswanReader().read(conf, null);
        assertThat(peer.connections().get(0).local().psk().value()).isNull();
        assertThat(messages(peer)).singleElement().satisfies(w -> assertThat(w).contains("no ipsec.secrets"));
        Files.writeString(dir.resolve("ipsec.secrets"), ": PSK \"anything\"\n");
        assertThat(new LibreswanReader().read(conf, null).connections().get(0).local().psk().value())
                .isEqualTo(PskDigest.of("anything"));
    }

    @Test
    void theMatrixFilesReadAsWritten() throws Exception {
        PeerConfig dh = read("matrix/v2-dh-mismatch.responder.ipsec.conf").peer();
        assertThat(dh.warnings()).isEmpty();
        ConnectionConfig lab = dh.connection("lab").orElseThrow();
        assertThat(lab.ikeProposals().value().get(0).dhGroups()).containsExactly(19);
        assertThat(lab.forceEncap().value()).isTrue();
        assertThat(lab.children().get(0).proposals().value().get(0).dhGroups()).containsExactly(14);
        assertThat(lab.local().psk().value()).isEqualTo(PskDigest.of("correct horse battery staple"));

        PeerConfig pfs = read("matrix/v1-quick-pfs-one-side.responder.ipsec.conf").peer();
        ConnectionConfig noPfs = pfs.connection("lab").orElseThrow();
        assertThat(noPfs.ikeVersion().value()).isEqualTo(1);
        assertThat(noPfs.children().get(0).proposals().value()).singleElement()
                .satisfies(p -> assertThat(p.hasPfs()).isFalse());
        assertThat(pfs.warnings()).isEmpty();

        ConnectionConfig aggr = read("matrix/v1-aggr-psk-mismatch.initiator.ipsec.conf").peer().connection("lab")
                .orElseThrow();
        assertThat(aggr.aggressive().value()).isTrue();
        assertThat(aggr.remoteAddrs().value()).containsExactly("198.51.100.2");
        assertThat(aggr.children().get(0).proposals().value().get(0).dhGroups()).containsExactly(14);

        ConnectionConfig child = read("matrix/v2-child-proposal-mismatch.responder.ipsec.conf").peer()
                .connection("lab").orElseThrow();
        assertThat(child.children().get(0).proposals().value().get(0).encryption()).containsExactly("AES-CBC-256");
    }

    @Test
    void theStandardReadersPickThisReaderForLibreswanFiles() throws Exception {
        Path lab = TestPaths.repositoryRoot()
                .resolve("lab/scenarios/libreswan-ikev2-psk-mismatch/responder.ipsec.conf");
        Path secrets = lab.resolveSibling("responder.ipsec.secrets");
        PeerConfig peer = ConfigFormats.standard().read(lab, secrets);
        assertThat(peer.implementation()).isEqualTo(Implementation.LIBRESWAN);
        assertThat(peer.connection("lab").orElseThrow().local().psk().value())
                .isEqualTo(PskDigest.of("a different secret"));
    }

    @Test
    void aRoleNamedSecretsFileBesideTheConfIsFound() throws Exception {
        PeerConfig peer = read("matrix/v2-dh-mismatch.responder.ipsec.conf").peer();
        assertThat(peer.files()).last().asString().endsWith("v2-dh-mismatch.responder.ipsec.secrets");
    }

    private static LibreswanPeerConfig temp(String text) throws Exception {
        Path conf = Files.createTempFile("conf", ".conf");
        Files.writeString(conf, text);
        return new LibreswanReader().readWithFacts(conf, null);
    }

    @Test
    void leftIsThisHostUnlessLeftIsAnyOrRightIsTheDefaultRoute() throws Exception {
        LibreswanPeerConfig any = temp("conn x\n\tleft=%any\n\tright=192.0.2.1\n\trightsubnet=10.0.0.0/8\n"
                + "\tauto=add\n");
        ConnectionConfig x = any.peer().connection("x").orElseThrow();
        assertThat(x.localAddrs().value()).containsExactly("192.0.2.1");
        assertThat(x.remoteAddrs().value()).containsExactly("%any");
        assertThat(x.children().get(0).localTs().value().get(0).text()).isEqualTo("10.0.0.0/8");
        assertThat(any.facts("x").orElseThrow().localEnd().value()).isEqualTo("right");
        ConnectionConfig route = temp("conn y\n\tleft=192.0.2.9\n\tright=%defaultroute\n\tauto=add\n").peer()
                .connection("y").orElseThrow();
        assertThat(route.localAddrs().value()).containsExactly("%defaultroute");
        assertThat(route.local().id().value()).isNull();
        assertThat(route.local().id().origin().note()).contains("not known offline");
        assertThat(route.remote().id().value()).isEqualTo("192.0.2.9");
    }

    @Test
    void startActionsModesAndAutoIgnore() throws Exception {
        String hosts = "\tleft=192.0.2.1\n\tright=192.0.2.2\n";
        LibreswanPeerConfig all = temp("conn frag\n\tikelifetime=1h\n"
                + "conn a\n" + hosts + "\talso=frag\n\tauto=route\n\ttype=passthrough\n"
                + "conn b\n" + hosts + "\tauto=keep\n\ttype=drop\n"
                + "conn c\n" + hosts + "\talso=frag\n");
        PeerConfig peer = all.peer();
        // frag is only an also= target; c is one too but is a conn of its own with auto unset (ignore)
        assertThat(peer.connections()).extracting(ConnectionConfig::name).containsExactly("a", "b", "c");
        ChildConfig a = peer.connection("a").orElseThrow().children().get(0);
        assertThat(a.startAction().value()).isEqualTo("trap");
        assertThat(a.mode().value()).isEqualTo("pass");
        assertThat(peer.connection("a").orElseThrow().lifeSeconds().value()).isEqualTo(3600L);
        ChildConfig b = peer.connection("b").orElseThrow().children().get(0);
        assertThat(b.startAction().value()).isEqualTo("none");
        assertThat(b.mode().value()).isEqualTo("drop");
        ChildConfig c = peer.connection("c").orElseThrow().children().get(0);
        assertThat(c.startAction().value()).isEqualTo("none");
        assertThat(c.startAction().origin().isDefault()).isTrue();
        assertThat(messages(peer)).singleElement().satisfies(w -> assertThat(w).contains("auto=ignore (the default)"));
    }

    @Test
    void aggressiveModeLimitsAreWarnings() throws Exception {
        PeerConfig peer = temp("conn x\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauto=add\n\tikev2=no\n"
                + "\taggressive=yes\n").peer();
        assertThat(messages(peer)).hasSize(2).anySatisfy(w -> assertThat(w).contains("without ike="))
                .anySatisfy(w -> assertThat(w).contains("only the first"));
        assertThat(peer.connections().get(0).ikeProposals().value()).hasSize(12); // the IKEv1 defaults
    }
}
