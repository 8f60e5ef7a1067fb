package io.ikescope.cli;

import static io.ikescope.testsupport.TestPaths.samples;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ikescope keys} run as a user runs it (a separate JVM: real standard output, standard error and exit
 * status), on the committed lab samples; tshark checks that the tables it writes decrypt the sample.
 */
class KeysCommandTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @Test
    void tsharkDecryptsTheIkeAuthOfTheSampleWithTheTablesWrittenIntoAProfileDirectory() throws Exception {
        Assumptions.assumeTrue(hasTshark(), "tshark not installed");
        Path pcap = samples().resolve("ikev2-psk-ok.pcap");
        Path profile = dir.resolve("xdg/wireshark");
        Run run = ikescope("keys", "-o", profile.toString(), samples().resolve("ikev2-psk-ok.keys.log").toString(),
                "--capture", pcap.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("ikescope: " + profile.resolve("ikev2_decryption_table") + ": 2 rows");
        assertThat(profile.resolve("ikev1_decryption_table")).doesNotExist();

        String without = tshark(null, pcap);
        String with = tshark(dir.resolve("xdg"), pcap);
        // IKE_AUTH request and response: their identities are inside the SK payload
        assertThat(without).doesNotContain("initiator.lab.example");
        assertThat(with).contains("\t35\tinitiator.lab.example,responder.lab.example\t")
                .contains("\t35\tresponder.lab.example\t");
        assertThat(with.lines().filter(l -> l.matches("\\d+\\t35\\t.*\\t[0-9a-f]{64}"))).hasSize(2);
    }

    @Test
    void withoutOutputDirectoryBothTablesGoToStandardOutputEachAfterItsFileName() throws Exception {
        Run run = ikescope("keys", samples().resolve("ikev1-main-psk-ok.keys.log").toString(),
                "-k", samples().resolve("ikev2-nat-ok.keys.log").toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("# file: ikev1_decryption_table");
        assertThat(lines).filteredOn(l -> l.startsWith("# file: ")).containsExactly("# file: ikev1_decryption_table",
                "# file: ikev2_decryption_table");
        assertThat(lines).filteredOn(l -> l.matches("[0-9a-f]{16},[0-9a-f]{64}")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.matches("[0-9a-f]{16},[0-9a-f]{16},.*,\"AES-CBC-256 \\[RFC3602\\]\",.*")).hasSize(1);
    }

    @Test
    void badInputIsOneLineOnStandardErrorAndStatusTwo() throws Exception {
        Path table = Files.writeString(dir.resolve("ikev2_decryption_table"),
                "1234567890123456,0987654321098765,,,\"NULL [RFC2410]\",,,\"NONE [RFC4306]\"\n"
                + "1234567890123457,0987654321098765,,,\"NULL\",,,\"NONE [RFC4306]\"\n");
        Run run = ikescope("keys", table.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("ikescope: " + table + ":2: unknown encryption algorithm \"NULL\" (field 5)");

        Path empty = Files.writeString(dir.resolve("empty"), "");
        Run emptyRun = ikescope("keys", empty.toString());
        assertThat(emptyRun.status()).isEqualTo(2);
        assertThat(emptyRun.errLines()).containsExactly("ikescope: " + empty + ": empty file: no key material");

        Run missing = ikescope("keys", dir.resolve("missing.log").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.errLines()).containsExactly("ikescope: " + dir.resolve("missing.log") + ": no such file");

        Run none = ikescope("keys");
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.errLines()).containsExactly(
                "ikescope: give at least one FILE (or --keys PATH) to read keys from (try 'ikescope keys --help')");
    }

    @Test
    void keySetsThatCannotBeWrittenAreWarningsAndNothingWrittenIsStatusTwo() throws Exception {
        Run run = ikescope("keys", samples().resolve("ikev2-chacha20-x25519-ok.keys.log").toString(),
                "--capture", samples().resolve("ikev2-chacha20-x25519-ok.pcap").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "ikescope: warning: " + samples().resolve("ikev2-chacha20-x25519-ok.keys.log") + ":7: IKEv2 key set"
                        + " skipped: CHACHA20-POLY1305 [RFC7634] is not in Wireshark's IKEv2 decryption table",
                "ikescope: no key set could be written as a Wireshark table (see the warnings above)");
    }

    @Test
    void existingTablesAreReplacedOnlyWithForce() throws Exception {
        Path out = Files.createDirectories(dir.resolve("profile"));
        Path table = Files.writeString(out.resolve("ikev1_decryption_table"), "# mine\n");
        String log = samples().resolve("ikev1-aggr-psk-ok.keys.log").toString();
        Run refused = ikescope("keys", "-o", out.toString(), log);
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.errLines()).containsExactly("ikescope: " + table + ": exists; pass --force to replace it,"
                + " or give it as an input as well to keep its rows");
        assertThat(Files.readString(table)).isEqualTo("# mine\n");
        Run forced = ikescope("keys", "-o", out.toString(), "--force", log);
        assertThat(forced.status()).as(forced.err()).isZero();
        assertThat(Files.readString(table)).startsWith("# ikev1_decryption_table written by ikescope keys\n");

        Path file = Files.writeString(dir.resolve("plain"), "x");
        Run notDir = ikescope("keys", "-o", file.toString(), log);
        assertThat(notDir.status()).isEqualTo(2);
        assertThat(notDir.errLines().get(0)).startsWith("ikescope: " + file + ": not a directory");
        Run json = ikescope("keys", "-f", "json", log);
        assertThat(json.status()).isEqualTo(2);
        assertThat(json.errLines()).containsExactly("ikescope: keys writes Wireshark tables: --format json does not apply");
    }


    private Run ikescope(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("NO_COLOR");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ikescope did not finish: " + command);
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static boolean hasTshark() {
        try {
            Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Frame, exchange type, IDs and AUTH data of every IKE message, as tshark shows them with or without the profile. */
    private static String tshark(Path xdgConfigHome, Path pcap) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("tshark", "-r", pcap.toString(), "-Y", "isakmp", "-T", "fields",
                "-e", "frame.number", "-e", "isakmp.exchangetype", "-e", "isakmp.id.data.fqdn", "-e", "isakmp.auth.data")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        if (xdgConfigHome != null) {
            env.put("XDG_CONFIG_HOME", xdgConfigHome.toString());
        } else {
            env.put("XDG_CONFIG_HOME", Files.createTempDirectory("no-profile").toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return out;
    }
}
