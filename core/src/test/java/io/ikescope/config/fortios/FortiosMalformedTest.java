package io.ikescope.config.fortios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ikescope.config.ConfigException;
import io.ikescope.config.PeerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FortiosMalformedTest {

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("fw.conf");
        Files.writeString(file, text);
        return file;
    }

    private ConfigException error(String text) throws Exception {
        Path file = write(text);
        try {
            new FortiosReader().read(file, null);
        } catch (ConfigException e) {
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e.getMessage()).startsWith(file.toString());
            return e;
        }
        throw new AssertionError("no error for:\n" + text);
    }

    private static final String P1 = "config vpn ipsec phase1-interface\n    edit \"t\"\n";

    @Test
    void unterminatedBlockNamesItsOpeningLine() throws Exception {
        ConfigException e = error("config system global\nend\n" + P1 + "        set remote-gw 192.0.2.1\n    next\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("config vpn ipsec phase1-interface").contains("end");
    }

    @Test
    void unterminatedEdit() throws Exception {
        ConfigException e = error(P1 + "        set remote-gw 192.0.2.1\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("edit t").contains("next");
    }

    @Test
    void setOutsideEdit() throws Exception {
        ConfigException e = error("config vpn ipsec phase1-interface\n    set remote-gw 192.0.2.1\n"
                + "    edit \"t\"\n    next\nend\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("outside an 'edit'");
    }

    @Test
    void setOutsideAnyBlock() throws Exception {
        ConfigException e = error("\nset remote-gw 192.0.2.1\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("outside a 'config' block");
    }

    @Test
    void strayNextAndEndAndEdit() throws Exception {
        assertThat(error("config vpn ipsec phase1-interface\nnext\nend\n").line()).isEqualTo(2);
        assertThat(error("end\n").getMessage()).contains("'end' without");
        assertThat(error("edit \"x\"\nnext\n").getMessage()).contains("'edit' outside");
    }

    @Test
    void badValuesNameKeywordAndLine() throws Exception {
        ConfigException version = error(P1 + "        set ike-version 3\n    next\nend\n");
        assertThat(version.line()).isEqualTo(3);
        assertThat(version.getMessage()).contains("ike-version").contains("1, 2");
        assertThat(error(P1 + "        set proposal aes256-sha999\n    next\nend\n").getMessage())
                .contains("aes256-sha999");
        assertThat(error(P1 + "        set dhgrp 14 99\n    next\nend\n").getMessage()).contains("'99'");
        assertThat(error(P1 + "        set keylife 60\n    next\nend\n").getMessage()).contains("120 to 172800");
        assertThat(error(P1 + "        set nattraversal maybe\n    next\nend\n").line()).isEqualTo(3);
        assertThat(error(P1 + "        set dpd always\n    next\nend\n").getMessage()).contains("dpd");
        assertThat(error(P1 + "        set peertype one\n    next\nend\n").getMessage()).contains("peerid");
    }

    @Test
    void badPhase2Values() throws Exception {
        String p2 = P1 + "    next\nend\nconfig vpn ipsec phase2-interface\n    edit \"c\"\n        set phase1name t\n";
        ConfigException mask = error(p2 + "        set src-subnet 10.0.0.0 255.0.255.0\n    next\nend\n");
        assertThat(mask.getMessage()).contains("not contiguous");
        assertThat(error(p2 + "        set proposal aes128gcm-sha1\n    next\nend\n").getMessage())
                .contains("aes128gcm-sha1");
        assertThat(error(p2 + "        set src-addr-type range\n        set src-start-ip 10.0.0.1\n"
                + "    next\nend\n").getMessage()).contains("src-end-ip");
        assertThat(error(p2 + "        set src-port 70000\n    next\nend\n").line()).isEqualTo(8);
        assertThat(error(P1 + "    next\nend\nconfig vpn ipsec phase2-interface\n    edit \"c\"\n"
                + "        set proposal aes128-sha1\n    next\nend\n").getMessage()).contains("phase1name");
        // an address table exists, but not the name: an error, not a guess
        assertThat(error("config firewall address\n    edit \"a\"\n    next\nend\n" + p2
                + "        set src-addr-type name\n        set src-name \"b\"\n    next\nend\n").getMessage())
                .contains("'b' is not defined");
    }

    @Test
    void unterminatedQuote() throws Exception {
        ConfigException e = error(P1 + "        set localid \"abc\n    next\nend\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("quoted value");
    }

    @Test
    void noPhase1AtAll() throws Exception {
        assertThat(error("config system global\n    set hostname x\nend\n").getMessage()).contains("phase1-interface");
    }

    @Test
    void nestingDepthIsBounded() throws Exception {
        String deep = "config a\n".repeat(FortiConfigParser.MAX_DEPTH + 5);
        assertThat(error(deep).getMessage()).contains("nested deeper");
    }

    @Test
    void scriptStatementsUnsetAppendAndUnknownCommands() throws Exception {
        Path file = write(P1 + "        set dhgrp 14\n        append dhgrp 19\n        set localid x\n"
                + "        unset localid\n        frobnicate now\n    next\nend\n"
                + "config vpn ipsec phase2-interface\n    edit \"orphan\"\n        set phase1name \"nope\"\n"
                + "    next\nend\n");
        PeerConfig peer = new FortiosReader().read(file, null);
        var c = peer.connections().get(0);
        assertThat(c.ikeProposals().value().get(0).dhGroups()).containsExactly(14, 19);
        assertThat(c.local().id().value()).isNull();
        assertThat(peer.warnings()).anySatisfy(w -> {
            assertThat(w.message()).contains("frobnicate");
            assertThat(w.origin().line()).isEqualTo(7);
        });
        assertThat(peer.warnings()).anySatisfy(w -> assertThat(w.message()).contains("orphan").contains("nope"));
    }

    @Test
    void remoteSideSecretAndMethod() throws Exception {
        Path file = write(P1 + "        set authmethod signature\n        set authmethod-remote psk\n"
                + "        set psksecret-remote peer-side-secret\n    next\nend\n");
        var c = new FortiosReader().read(file, null).connections().get(0);
        assertThat(c.local().method().value()).isEqualTo("PUBKEY");
        assertThat(c.local().psk().value()).isNull();
        assertThat(c.remote().method().value()).isEqualTo("PSK");
        assertThat(c.remote().psk().value()).isEqualTo(io.ikescope.config.PskDigest.of("peer-side-secret"));
        assertThat(c.remote().psk().origin().line()).isEqualTo(5);
    }

    @Test
    void otherVersionsBackupIsWarned() throws Exception {
        Path file = write("#config-version=FGT100F-6.4.9-FW-build1966-220421:opmode=0\n" + P1
                + "        set remote-gw 192.0.2.1\n    next\nend\n");
        PeerConfig peer = new FortiosReader().read(file, null);
        assertThat(peer.warnings()).anySatisfy(w -> assertThat(w.message()).contains("6.4.9").contains("7.2"));
    }

    @Test
    void plainScriptSecretIsDigestedAndNeverPrinted() throws Exception {
        Path file = write(P1 + "        set psksecret hunter2hunter2\n        set bogus-key hunter2hunter2\n"
                + "    next\nend\n");
        PeerConfig peer = new FortiosReader().read(file, null);
        assertThat(peer.connections().get(0).local().psk().value()).isEqualTo(
                io.ikescope.config.PskDigest.of("hunter2hunter2"));
        assertThat(peer.toString() + peer.warnings()).doesNotContain("hunter2");
        // an error on the secret's line does not quote it either
        ConfigException e = error(P1 + "        set psksecret \"s3cr3t-value\n    next\nend\n");
        assertThat(e.getMessage()).doesNotContain("s3cr3t");
    }
}
