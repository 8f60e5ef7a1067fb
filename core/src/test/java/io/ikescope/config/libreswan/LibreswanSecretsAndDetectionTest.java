package io.ikescope.config.libreswan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ikescope.config.ConfigWarning;
import io.ikescope.config.PskDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which ipsec.secrets entry pluto picks (secrets.c lsw_find_secret_by_id), and telling libreswan files apart. */
class LibreswanSecretsAndDetectionTest {

    @TempDir
    Path dir;

    private LibreswanSecrets secrets(String text) throws Exception {
        Path file = dir.resolve("ipsec.secrets");
        Files.writeString(file, text);
        LibreswanSecrets s = new LibreswanSecrets(new ArrayList<>());
        s.read(file);
        return s;
    }

    private static PskDigest match(LibreswanSecrets s, String local, String remote) {
        LibreswanSecrets.Psk p = s.match(local, remote);
        return p == null ? null : p.digest();
    }

    @Test
    void theMostSpecificEntryWins() throws Exception {
        LibreswanSecrets s = secrets("""
                : PSK "no ids"
                %any : PSK "any"
                @a : PSK "a alone"
                %any @b : PSK "b with any"
                @a %any : PSK "a with any"
                @a @b : PSK "a and b"
                """);
        assertThat(match(s, "@a", "@b")).isEqualTo(PskDigest.of("a and b"));
        assertThat(match(s, "@a", "@c")).isEqualTo(PskDigest.of("a with any"));
        assertThat(match(s, "@c", "@b")).isEqualTo(PskDigest.of("b with any"));
        // an entry without IDs is as much a wildcard as %any (add_secret): the first of them wins
        assertThat(match(s, "@c", "@d")).isEqualTo(PskDigest.of("no ids"));
        LibreswanSecrets local = secrets("@x @y : PSK \"other pair\"\n@a : PSK \"a alone\"\n: PSK \"none\"\n");
        assertThat(match(local, "@a", "@z")).isEqualTo(PskDigest.of("a alone"));
        // naming only the remote end does not count (pluto needs its own ID or a wildcard)
        LibreswanSecrets remoteOnly = secrets("@x @b : PSK \"x and b\"\n");
        assertThat(match(remoteOnly, "@a", "@b")).isNull();
    }

    @Test
    void amongEqualMatchesTheFirstInTheFileWins() throws Exception {
        LibreswanSecrets s = secrets("@a @b : PSK \"first\"\n@b @a : PSK \"second\"\n");
        assertThat(match(s, "@a", "@b")).isEqualTo(PskDigest.of("first"));
    }

    @Test
    void idsCompareAsPlutoComparesThem() throws Exception {
        LibreswanSecrets s = secrets("""
                Gw.Example.ORG 192.0.2.010 : PSK 'quoted with single quotes'
                @host.example 2001:db8::1: PSK 0sc2VjcmV0
                "C=CH, O=Lab, CN=peer" @me : PSK 0x73_65_63
                """);
        assertThat(match(s, "@gw.example.org", "192.0.2.10")).isEqualTo(PskDigest.of("quoted with single quotes"));
        assertThat(match(s, "@host.example", "2001:db8:0::1")).isEqualTo(PskDigest.of("secret"));
        assertThat(match(s, "@me", "C=CH,O=Lab,CN=peer")).isEqualTo(PskDigest.of("sec"));
    }

    @Test
    void recordsGoOnOverIndentedLinesAndCommentsAreSkipped() throws Exception {
        List<ConfigWarning> warnings = new ArrayList<>();
        Path file = dir.resolve("ipsec.secrets");
        Files.writeString(file, "# comment\n@a\n\t@b : PSK \"split # not a comment\" # a comment\n"
                + "@a : RSA {\n\tModulus: 0x00\n\tPublicExponent: 0x03\n\t}\n");
        LibreswanSecrets s = new LibreswanSecrets(warnings);
        s.read(file);
        assertThat(s.psks()).singleElement().satisfies(p -> assertThat(p.origin().line()).isEqualTo(2));
        assertThat(match(s, "@a", "@b")).isEqualTo(PskDigest.of("split # not a comment"));
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.origin().line()).isEqualTo(4);
            assertThat(w.message()).startsWith("RSA entry not read");
        });
    }

    @Test
    void secretsIncludesAreRelativeToTheIncludingFile() throws Exception {
        Files.createDirectories(dir.resolve("d"));
        Files.writeString(dir.resolve("d/one.secrets"), "@a @b : PSK \"from d\"\n");
        Files.writeString(dir.resolve("d/two.secrets"), "include ../deeper.txt\n");
        Files.writeString(dir.resolve("deeper.txt"), "@a @c : PSK \"deeper\"\n");
        LibreswanSecrets s = secrets("include d/*.secrets\n");
        assertThat(s.files()).hasSize(4);
        assertThat(match(s, "@a", "@b")).isEqualTo(PskDigest.of("from d"));
        assertThat(match(s, "@a", "@c")).isEqualTo(PskDigest.of("deeper"));
        assertThat(s.psks().toString()).doesNotContain("from d").doesNotContain("deeper\"");
    }

    private static boolean libreswan(String text) {
        return LibreswanDetection.looksLikeLibreswan(text);
    }

    @Test
    void detectionIsConservative() {
        assertThat(libreswan("# libreswan (pluto 4.10) responder\nconfig setup\n")).isTrue();
        assertThat(libreswan("conn x\n\tleft=1.2.3.4\n\tikev2=insist\n")).isTrue();
        assertThat(libreswan("config setup\n\tplutodebug=all\nconn x\n\tleft=1.2.3.4\n")).isTrue();
        assertThat(libreswan("conn x\n\tike=aes256-sha2_256;modp2048\n")).isTrue();
        assertThat(libreswan("conn x\n\tleftsubnets={10.0.0.0/24 10.1.0.0/24}\n")).isTrue();
        // strongSwan ipsec.conf: the same format, nothing libreswan-only, or something strongSwan-only
        assertThat(libreswan("config setup\n\tcharondebug=\"ike 2\"\nconn x\n\tike=aes256-sha256-modp2048!\n"))
                .isFalse();
        assertThat(libreswan("conn x\n\tkeyexchange=ikev2\n\tauthby=secret\n\tike=aes256-sha256-modp2048\n"))
                .isFalse();
        assertThat(libreswan("conn x\n\tikev2=yes\n\tleftauth2=eap\n")).isFalse();
        assertThat(libreswan("conn x\n\tike=aes256-sha2_256-modp2048!\n")).isFalse();
        // other formats
        assertThat(libreswan("connections {\n  lab {\n    version = 2\n  }\n}\n")).isFalse();
        assertThat(libreswan("crypto isakmp policy 10\n encr aes 256\n")).isFalse();
        assertThat(libreswan("")).isFalse();
        // libreswan words outside an ipsec.conf structure do not count
        assertThat(libreswan("ikev2=yes\nplutodebug=all\n")).isFalse();
    }

    @Test
    void directoriesAreNotRecognised() {
        assertThat(new LibreswanReader().recognises(dir, "")).isFalse();
    }
}
