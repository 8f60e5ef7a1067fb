package io.ikescope.session;

import io.ikescope.wire.registry.Registry;

/** Looks numbers up by their registry name, so the code names what it means and the registries stay the only tables. */
final class RegistryValues {
    private RegistryValues() {
    }

    /** The value the registry assigns {@code name}; fails at class initialisation when the registry lacks it. */
    static int of(Registry registry, String name) {
        return Math.toIntExact(registry.valueOf(name));
    }
}
