package io.ikescope.config.libreswan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ikescope.config.ConfigException;
import io.ikescope.config.PeerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed ipsec.conf and ipsec.secrets: a ConfigException naming the file and the line, never a secret. */
class LibreswanMalformedTest {

    private static final String HOSTS = "\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauto=add\n";

    @TempDir
    Path dir;

    private ConfigException failure(String conf) throws Exception {
        Path file = dir.resolve("ipsec.conf");
        Files.writeString(file, conf);
        try {
            new LibreswanReader().read(file, null);
        } catch (ConfigException e) {
            assertThat(e.file()).isEqualTo(file.toString());
            return e;
        }
        throw new AssertionError("no ConfigException for:\n" + conf);
    }

    private void failsAt(String conf, int line, String problem) throws Exception {
        ConfigException e = failure(conf);
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.getMessage()).contains("line " + line).contains(problem);
    }

    @Test
    void structureErrors() throws Exception {
        failsAt("conn x\nleft=192.0.2.1\n", 2, "expected 'config setup', 'conn NAME'");
        failsAt("# c\n\tleft=192.0.2.1\n", 2, "outside any section");
        failsAt("conn\n" + HOSTS, 1, "expected 'conn NAME'");
        failsAt("conn x\n\tleft 192.0.2.1\n", 2, "expected KEYWORD=VALUE");
        failsAt("conn x\n\tleftid=\"@a\n", 2, "unterminated quoted value");
        failsAt("conn x\n\tleftsubnets={10.0.0.0/8\n", 2, "{LIST}");
        failsAt("conn x\n\tleft=192.0.2.1 192.0.2.3\n", 2, "quote a value");
        failsAt("config setup\n\tplutodebug=none\ninclude\n", 3, "expected 'include FILE'");
    }

    @Test
    void valueErrors() throws Exception {
        failsAt("conn x\n" + HOSTS + "\tikev2=maybe\n", 5, "ikev2=maybe: expected yes or no");
        failsAt("conn x\n" + HOSTS + "\tike=aes256-sha3\n", 5, "ike=");
        failsAt("conn x\n" + HOSTS + "\tesp=aes128-bogus\n", 5, "esp:");
        failsAt("conn x\n" + HOSTS + "\tphase2=esp+ah\n", 5, "esp or ah");
        failsAt("conn x\n" + HOSTS + "\tleftsubnet=10.0.0.0/33\n", 5, "prefix length");
        failsAt("conn x\n" + HOSTS + "\tleftsubnet=10.0.0.0/8,10.1.0.0/16\n", 5, "leftsubnets");
        failsAt("conn x\n" + HOSTS + "\tikelifetime=soon\n", 5, "expected a time");
        failsAt("conn x\n" + HOSTS + "\tauthby=telepathy\n", 5, "authby=telepathy");
        failsAt("conn x\n" + HOSTS + "\tikev2=no\n\tauthby=ecdsa\n", 6, "IKEv1 conn must use");
        failsAt("conn x\n" + HOSTS + "\tleftauth=secret\n", 5, "needs rightauth");
        failsAt("conn x\n" + HOSTS + "\tesp=aes-sha1-dh14,aes-sha2\n", 5, "either all or no");
        failsAt("conn x\n" + HOSTS + "\tikev2=no\n\tesp=aes-sha1-dh14,aes-sha2-dh19\n", 6, "more than one IKEv1");
        failsAt("conn x\n" + HOSTS + "\ttype=tunnels\n", 5, "tunnel, transport");
        failsAt("conn x\n" + HOSTS + "\tleftprotoport=tcp/http\n", 5, "PROTOCOL/PORT");
        failsAt("conn x\n\tright=192.0.2.2\n", 1, "has no left=");
        failsAt("conn x\n\tleft=192.0.2.2\n\tleftsubnets=10.0.0.0/24\n\tright=192.0.2.9\n", 1, "both ends");
    }

    @Test
    void alsoErrors() throws Exception {
        failsAt("conn x\n" + HOSTS + "\talso=nowhere\n", 5, "cannot find conn 'nowhere'");
        failsAt("conn base\n\tleftid=@a\nconn x\n" + HOSTS + "\tleftid=@b\n\talso=base\n", 2, "duplicate key 'leftid'");
        failsAt("conn x\n" + HOSTS + "\tleft=192.0.2.7\n", 5, "duplicate key 'left'");
        failsAt("conn %default\n\talso=x\nconn x\n" + HOSTS, 2, "also= is not valid in conn %default");
        StringBuilder chain = new StringBuilder("conn x\n" + HOSTS + "\talso=c0\n");
        for (int i = 0; i <= ConnResolver.ALSO_LIMIT; i++) {
            chain.append("conn c").append(i).append("\n\talso=c").append(i + 1).append("\n");
        }
        chain.append("conn c").append(ConnResolver.ALSO_LIMIT + 1).append("\n\tpfs=yes\n");
        ConfigException e = failure(chain.toString());
        assertThat(e.getMessage()).contains("more than 32 also=");
    }

    @Test
    void anAlsoCycleIsAWarningAsPlutoSkipsTheRepeat() throws Exception {
        Path file = dir.resolve("ipsec.conf");
        Files.writeString(file, "conn a\n\tleftid=@a\n\talso=b\nconn b\n\talso=a\nconn x\n" + HOSTS + "\talso=a\n");
        PeerConfig peer = new LibreswanReader().read(file, null);
        assertThat(peer.connections()).extracting(c -> c.name()).containsExactly("x");
        assertThat(peer.connection("x").orElseThrow().local().id().value()).isEqualTo("@a");
        assertThat(peer.warnings()).anySatisfy(w -> {
            assertThat(w.origin().line()).isEqualTo(5);
            assertThat(w.message()).contains("already included");
        });
    }

    @Test
    void includeCyclesAndDepthAreBounded() throws Exception {
        Path self = dir.resolve("ipsec.conf");
        Files.writeString(self, "conn x\n" + HOSTS + "include ipsec.conf\n");
        assertThatThrownBy(() -> new LibreswanReader().read(self, null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 5").hasMessageContaining("nested deeper than 10");
    }

    @Test
    void tooLargeAFileIsRefused() throws Exception {
        Path big = dir.resolve("big.conf");
        Files.write(big, new byte[(int) IpsecConfParser.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> new LibreswanReader().read(big, null)).hasMessageContaining("larger than");
    }

    private ConfigException secretsFailure(String secrets) throws Exception {
        Path conf = dir.resolve("ipsec.conf");
        Files.writeString(conf, "conn x\n" + HOSTS + "\tauthby=secret\n");
        Path file = dir.resolve("ipsec.secrets");
        Files.writeString(file, secrets);
        try {
            new LibreswanReader().read(conf, file);
        } catch (ConfigException e) {
            assertThat(e.file()).isEqualTo(file.toString());
            return e;
        }
        throw new AssertionError("no ConfigException for " + secrets.length() + " characters of secrets");
    }

    @Test
    void malformedSecretsNameTheLineButNotTheSecret() throws Exception {
        ConfigException quote = secretsFailure("# x\n@a @b : PSK \"hunter2 and more\n");
        assertThat(quote.line()).isEqualTo(2);
        assertThat(quote.getMessage()).contains("unterminated").doesNotContain("hunter2");
        ConfigException data = secretsFailure("@a @b : PSK hunter2plain\n");
        assertThat(data.line()).isEqualTo(1);
        assertThat(data.getMessage()).contains("PSK data malformed").doesNotContain("hunter2");
        ConfigException colon = secretsFailure("@a @b PSK \"hunter2\"\n");
        assertThat(colon.getMessage()).contains("line 1").doesNotContain("hunter2");
        ConfigException two = secretsFailure("@a @b : PSK \"hunter2\" \"hunter3\"\n");
        assertThat(two.getMessage()).contains("one secret").doesNotContain("hunter");
        ConfigException indented = secretsFailure("\t: PSK \"hunter2\"\n");
        assertThat(indented.getMessage()).contains("line 1").contains("continues no record");
    }

    @Test
    void anUnknownSecretKindIsAWarning() throws Exception {
        Path conf = dir.resolve("ipsec.conf");
        Files.writeString(conf, "conn x\n" + HOSTS);
        Path file = dir.resolve("ipsec.secrets");
        Files.writeString(file, "@a : FOO \"x\"\n@a : XAUTH \"pw\"\n");
        PeerConfig peer = new LibreswanReader().read(conf, file);
        assertThat(peer.warnings()).extracting(w -> w.origin().line() + " " + w.message())
                .containsExactly("1 unknown secret kind 'FOO' ignored, as pluto does",
                        "2 XAUTH entry not read (no key or password is taken from ipsec.secrets)");
    }

    @Test
    void aNamedSecretsFileThatIsMissingIsAnError() throws Exception {
        Path conf = dir.resolve("ipsec.conf");
        Files.writeString(conf, "conn x\n" + HOSTS);
        assertThatThrownBy(() -> new LibreswanReader().read(conf, dir.resolve("nope.secrets")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope.secrets");
    }
}
