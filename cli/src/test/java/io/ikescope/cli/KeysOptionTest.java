package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ikescope.crypto.KeyRing;
import io.ikescope.crypto.keys.KeySourceException;
import io.ikescope.testsupport.TestPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code -k/--keys} as every command gets it: {@link CommonOptions#keyRing()} loads once and warns on standard error. */
class KeysOptionTest {

    @Test
    void everyKeysPathIsLoadedOnceIntoOneKeyRingAndItsWarningsGoToStandardError(@TempDir Path dir) throws Exception {
        Path samples = TestPaths.samples();
        // one log holds a key set the log does not tie to an SA: cut before the check-in that names it
        Path cut = dir.resolve("cut.log");
        Files.write(cut, Files.readAllLines(samples.resolve("ikev2-natt-blocked.keys.log")).stream()
                .takeWhile(l -> !l.contains("checkin IKEv2 SA lab[1] with SPIs") || l.contains("0000000000000000_r")).toList());
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(StandardStreams.system());
        cli.setErr(new PrintWriter(err, true));
        CommandLine.ParseResult parsed = cli.parseArgs("dissect", "-k", samples.resolve("ikev2-psk-ok.keys.log").toString(),
                "--keys", cut.toString(), "x.pcap");
        DissectCommand dissect = (DissectCommand) parsed.subcommand().commandSpec().userObject();
        KeyRing ring = dissect.common.keyRing();
        assertThat(ring.ikev2()).hasSize(3);
        assertThat(ring.ikev2().get(2).spiI()).isNull();
        assertThat(err.toString()).startsWith("ikescope: warning: " + cut + ":").contains("SPIs are unknown")
                .contains("the log ends before its IKE SA is named");
        assertThat(dissect.common.keyRing()).isSameAs(ring);
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void withoutKeysTheRingIsEmptyAndBadKeysAreAnInputError(@TempDir Path dir) throws Exception {
        CommandLine cli = Main.commandLine(StandardStreams.system());
        DissectCommand none = (DissectCommand) cli.parseArgs("dissect", "x.pcap").subcommand().commandSpec().userObject();
        assertThat(none.common.keyRing().isEmpty()).isTrue();
        Path bad = Files.writeString(dir.resolve("t"), "1234567890123456,zz\n");
        DissectCommand broken = (DissectCommand) Main.commandLine(StandardStreams.system())
                .parseArgs("dissect", "-k", bad.toString(), "x.pcap").subcommand().commandSpec().userObject();
        assertThatThrownBy(() -> broken.common.keyRing()).isInstanceOf(KeySourceException.class)
                .hasMessage(bad + ":1: encryption key (field 2) is not hex: \"zz\"");
    }

}
