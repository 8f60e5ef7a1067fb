package io.ikescope.config.mikrotik;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.ConfigException;
import io.ikescope.config.PeerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MikrotikMalformedTest {

    @TempDir
    Path dir;

    private static final String PEER = "/ip ipsec peer\nadd address=192.0.2.1/32 name=p\n";

    private Path write(String text) throws Exception {
        Path file = dir.resolve("router.rsc");
        Files.writeString(file, text);
        return file;
    }

    private PeerConfig read(String text) throws Exception {
        return new MikrotikReader().read(write(text), null);
    }

    private ConfigException error(String text) throws Exception {
        Path file = write(text);
        try {
            new MikrotikReader().read(file, null);
        } catch (ConfigException e) {
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e.getMessage()).startsWith(file.toString());
            return e;
        }
        throw new AssertionError("no error for:\n" + text);
    }

    @Test
    void badValuesNamePropertyAndLine() throws Exception {
        ConfigException mode = error("/ip ipsec peer\nadd address=192.0.2.1/32 exchange-mode=ike3 name=p\n");
        assertThat(mode.line()).isEqualTo(2);
        assertThat(mode.getMessage()).contains("exchange-mode").contains("ike2");
        ConfigException enc = error("/ip ipsec profile\nset [ find default=yes ] enc-algorithm=aes-999\n" + PEER);
        assertThat(enc.line()).isEqualTo(2);
        assertThat(enc.getMessage()).contains("'aes-999'").contains("enc-algorithm");
        assertThat(error("/ip ipsec profile\nadd dh-group=modp9 name=x\n/ip ipsec peer\n"
                + "add address=192.0.2.1/32 name=p profile=x\n").getMessage()).contains("'modp9'");
        assertThat(error("/ip ipsec profile\nadd lifetime=forever name=x\n/ip ipsec peer\n"
                + "add address=192.0.2.1/32 name=p profile=x\n").getMessage()).contains("lifetime");
        assertThat(error("/ip ipsec proposal\nadd pfs-group=modp1 name=q\n" + PEER
                + "/ip ipsec policy\nadd dst-address=10.2.0.0/24 peer=p proposal=q src-address=10.1.0.0/24\n")
                .line()).isEqualTo(2);
    }

    @Test
    void badPolicyValues() throws Exception {
        String policy = PEER + "/ip ipsec policy\n";
        assertThat(error(policy + "add dst-address=10.2.0.0/33 peer=p src-address=10.1.0.0/24\n").line())
                .isEqualTo(4);
        assertThat(error(policy + "add dst-address=10.2.0.0/24 dst-port=99999 peer=p src-address=10.1.0.0/24\n")
                .getMessage()).contains("dst-port");
        assertThat(error(policy + "add dst-address=10.2.0.0/24 peer=p protocol=bogus src-address=10.1.0.0/24\n")
                .getMessage()).contains("protocol");
        assertThat(error(policy + "add action=reject peer=p\n").getMessage()).contains("action");
    }

    @Test
    void undefinedReferences() throws Exception {
        ConfigException profile = error("/ip ipsec peer\nadd address=192.0.2.1/32 name=p profile=nope\n");
        assertThat(profile.line()).isEqualTo(2);
        assertThat(profile.getMessage()).contains("profile 'nope' is not defined");
        assertThat(error(PEER + "/ip ipsec policy\nadd peer=p proposal=nope\n").getMessage())
                .contains("proposal 'nope'");
        ConfigException identity = error(PEER + "/ip ipsec identity\nadd peer=other secret=x\n");
        assertThat(identity.line()).isEqualTo(4);
        assertThat(identity.getMessage()).contains("'other'");
        assertThat(error(PEER + "/ip ipsec identity\nadd secret=x\n").getMessage()).contains("peer=");
        assertThat(error("/ip ipsec profile\nadd name=a\nadd name=a\n" + PEER).line()).isEqualTo(3);
        ConfigException policyPeer = error(PEER + "/ip ipsec policy\nadd dst-address=10.2.0.0/24 peer=q\n");
        assertThat(policyPeer.line()).isEqualTo(4);
        assertThat(policyPeer.getMessage()).contains("peer 'q'");
    }

    @Test
    void syntaxErrors() throws Exception {
        ConfigException quote = error(PEER + "/ip ipsec identity\nadd peer=p secret=\"open\n");
        assertThat(quote.line()).isEqualTo(4);
        assertThat(quote.getMessage()).contains("quoted").doesNotContain("open");
        assertThat(error(PEER + "/ip ipsec profile\nset [ find default=yes dh-group=modp2048\n").getMessage())
                .contains("']'");
        assertThat(error("add address=192.0.2.1/32 name=p\n").getMessage()).contains("before any menu");
        assertThat(error(PEER + "/ip ipsec peer\nadd address=192.0.2.2/32 passive\n").getMessage())
                .contains("key=value");
        assertThat(error(PEER + "/ip ipsec profile\nset dh-group=modp2048\n").getMessage()).contains("'set' needs");
        assertThat(error("/ip ipsec profile\nset [ find default=yes ] dh-group=modp2048\n").getMessage())
                .contains("no enabled /ip ipsec peer");
    }

    @Test
    void continuationMenuPrefixSetByNameAndUnknownCommands() throws Exception {
        PeerConfig peer = read("# by RouterOS 6.49.10\n/ip ipsec profile\nadd name=x\nset x \\\n"
                + "    dh-group=ecp384\n/ip ipsec peer add address=192.0.2.1/32 name=p profile=x\n"
                + "/ip ipsec peer\nremove [ find name=old ]\nset nope passive=yes\n/ip ipsec settings\n"
                + "set xauth-use-radius=yes\n/ip ipsec policy group\nadd name=extra\n");
        assertThat(peer.connections().get(0).ikeProposals().value().get(0).dhGroups()).containsExactly(20);
        // the profile defines the proposal, though its ciphers are the documented default
        assertThat(peer.connections().get(0).ikeProposals().value().get(0).origin().line()).isEqualTo(3);
        assertThat(peer.warnings()).anySatisfy(w -> assertThat(w.message()).contains("6.49.10"));
        assertThat(peer.warnings()).anySatisfy(w -> {
            assertThat(w.message()).contains("remove");
            assertThat(w.origin().line()).isEqualTo(8);
        });
        assertThat(peer.warnings()).anySatisfy(w -> assertThat(w.message()).contains("no item 'nope'"));
        assertThat(peer.warnings()).anySatisfy(w -> assertThat(w.message()).contains("settings"));
        assertThat(peer.warnings()).anySatisfy(w -> assertThat(w.message()).contains("policy group add"));
    }

    @Test
    void disabledPeerKeepsItsIdentityAndPoliciesOutOfTheModel() throws Exception {
        PeerConfig peer = read(PEER + "add address=192.0.2.9/32 disabled=yes name=off\n/ip ipsec identity\n"
                + "add peer=off secret=x\n/ip ipsec policy\nadd dst-address=10.9.0.0/24 peer=off"
                + " src-address=10.1.0.0/24\n");
        assertThat(peer.connections()).extracting(c -> c.name()).containsExactly("p");
        assertThat(peer.warnings()).anySatisfy(w -> {
            assertThat(w.message()).contains("policy of a disabled peer");
            assertThat(w.origin().line()).isEqualTo(7);
        });
    }

    @Test
    void secretNeverInMessages() throws Exception {
        PeerConfig peer = read(PEER + "/ip ipsec identity\nadd peer=p secret=hunter2hunter2 bogus=hunter2hunter2\n");
        assertThat(peer.connections().get(0).local().psk().value()).isNotNull();
        assertThat(peer.toString() + peer.warnings()).doesNotContain("hunter2");
        assertThat(error(PEER + "/ip ipsec identity\nadd auth-method=hunter2 peer=p secret=hunter2\n")
                .getMessage()).doesNotContain("hunter2");
    }
}
