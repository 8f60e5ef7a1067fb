package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code ikescope serve}'s refusals before it serves: one line each, exit status 2, nothing left running. */
class ServeCommandTest {
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new ByteArrayInputStream(new byte[0]), out, err, args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBadSizeIsOneLine() {
        Run r = run("serve", "--port", "0", "--max-upload", "12X");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
        assertThat(r.err()).isEqualTo("ikescope: serve: '12X' is not a size: give a number with K, M or G, e.g. 512M\n");
    }

    @Test
    void aPortInUseNamesTheOptionsThatHelp() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = run("serve", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(r.exit()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
            assertThat(r.err().lines().toList()).singleElement().asString()
                    .startsWith("ikescope: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .endsWith("(choose another with --port, or --port 0 for any free one)");
        }
    }

    @Test
    void watchAndWatchInterfaceTogetherAreRefused() {
        Run r = run("serve", "--port", "0", "--watch", "-", "--watch-interface", "lo");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
        assertThat(r.err()).isEqualTo("ikescope: give --watch or --watch-interface, not both\n");
    }

    @Test
    void anAddressThatIsNoneOfThisHostIsOneLine() {
        Run r = run("serve", "--port", "0", "--address", "no-such-host.invalid");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE_OR_INPUT);
        assertThat(r.err()).isEqualTo("ikescope: --address no-such-host.invalid: not an address of this host\n");
    }
}
