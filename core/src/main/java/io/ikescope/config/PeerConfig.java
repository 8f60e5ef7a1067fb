package io.ikescope.config;

import java.util.List;
import java.util.Optional;

/**
 * Everything read from one peer's configuration (a file, a file and its secrets, or a directory).
 *
 * @param files          the files read, includes resolved, in reading order
 * @param defaultsOf     whose defaults were filled in, e.g. "strongSwan 5.9" or "libreswan 4.10"
 */
public record PeerConfig(Implementation implementation, String defaultsOf, List<String> files,
                         List<ConnectionConfig> connections, List<ConfigWarning> warnings) {

    public PeerConfig {
        files = List.copyOf(files);
        connections = List.copyOf(connections);
        warnings = List.copyOf(warnings);
    }

    public Optional<ConnectionConfig> connection(String name) {
        return connections.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
