package io.ikescope.check;

import io.ikescope.config.ConfigException;
import io.ikescope.config.PeerConfig;
import io.ikescope.config.formats.ConfigFormats;
import io.ikescope.testsupport.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test support: a lab scenario's (lab/scenarios/NAME) or matrix run's (lab/out/matrix/ID/config) configuration of
 * one side, read by the readers {@code ikescope check} uses: the very files the daemons ran.
 */
final class LabConfigs {
    private LabConfigs() {
    }

    static Path scenario(String name) {
        return TestPaths.repositoryRoot().resolve("lab/scenarios").resolve(name);
    }

    static PeerConfig peer(String scenario, String role) throws IOException {
        return peer(scenario(scenario), role);
    }

    /** ROLE.swanctl.conf, or ROLE.ipsec.conf with ROLE.ipsec.secrets, in a scenario's (or a matrix run's) directory. */
    static PeerConfig peer(Path dir, String role) throws IOException {
        Path swanctl = dir.resolve(role + ".swanctl.conf");
        try {
            if (Files.exists(swanctl)) {
                return ConfigFormats.standard().read(swanctl, null);
            }
            return ConfigFormats.standard().read(dir.resolve(role + ".ipsec.conf"), dir.resolve(role + ".ipsec.secrets"));
        } catch (ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
