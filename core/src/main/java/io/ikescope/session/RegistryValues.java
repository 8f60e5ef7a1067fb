package io.ikescope.session;

import io.ikescope.wire.registry.Registry;
import java.util.Map;

/** Looks numbers up by their registry name, so the code names what it means and the registries stay the only tables. */
final class RegistryValues {
    private RegistryValues() {
    }

    /** The value the registry assigns {@code name}; fails at class initialisation when the registry lacks it. */
    static int of(Registry registry, String name) {
        for (Map.Entry<Long, String> e : registry.entries().entrySet()) {
            if (e.getValue().equals(name)) {
                return Math.toIntExact(e.getKey());
            }
        }
        throw new IllegalStateException(registry.title() + " has no value named " + name);
    }
}
