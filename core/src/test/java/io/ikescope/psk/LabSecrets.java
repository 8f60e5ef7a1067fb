package io.ikescope.psk;

import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;

/** The PSK a lab scenario gave one peer, read from its configuration (swanctl secrets or ipsec.secrets). */
final class LabSecrets {
    private static final Pattern SWANCTL = Pattern.compile("secret\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern IPSEC_SECRETS = Pattern.compile(":\\s*PSK\\s+\"([^\"]*)\"");

    private LabSecrets() {
    }

    /** {@code role} is "initiator" or "responder". */
    static String of(String scenario, String role) throws IOException {
        Path dir = TestPaths.repositoryRoot().resolve("lab/scenarios").resolve(scenario);
        Path swanctl = dir.resolve(role + ".swanctl.conf");
        Path secrets = dir.resolve(role + ".ipsec.secrets");
        if (Files.exists(swanctl)) {
            return only(SWANCTL.matcher(Files.readString(swanctl)), swanctl);
        }
        if (Files.exists(secrets)) {
            return only(IPSEC_SECRETS.matcher(Files.readString(secrets)), secrets);
        }
        return Assertions.fail("no secrets for the " + role + " of " + dir);
    }

    private static String only(Matcher m, Path file) {
        Assertions.assertTrue(m.find(), "no PSK in " + file);
        String key = m.group(1);
        Assertions.assertFalse(m.find(), "more than one PSK in " + file);
        return key;
    }
}
