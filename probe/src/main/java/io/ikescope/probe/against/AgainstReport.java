package io.ikescope.probe.against;

import java.util.List;

/**
 * A local configuration weighed against a probe: per connection, whether its Phase 1 proposals would be accepted.
 *
 * @param files       the configuration files read
 * @param note        why these connections were weighed (those naming the target as their peer, else all)
 */
public record AgainstReport(List<String> files, String note, List<ConnectionFit> connections) {
    public AgainstReport {
        files = List.copyOf(files);
        connections = List.copyOf(connections);
    }

    /** True when at least one connection was weighed and every weighed one negotiates. */
    public boolean negotiates() {
        return !connections.isEmpty()
                && connections.stream().allMatch(c -> c.verdict() == ConnectionFit.Verdict.NEGOTIATES);
    }
}
