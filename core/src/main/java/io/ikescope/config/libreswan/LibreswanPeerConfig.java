package io.ikescope.config.libreswan;

import io.ikescope.config.PeerConfig;
import java.util.Map;
import java.util.Optional;

/** A libreswan peer's configuration with the facts the shared model has no field for, by conn name. */
public record LibreswanPeerConfig(PeerConfig peer, Map<String, LibreswanConnFacts> facts) {

    public LibreswanPeerConfig {
        facts = Map.copyOf(facts);
    }

    public Optional<LibreswanConnFacts> facts(String connection) {
        return Optional.ofNullable(facts.get(connection));
    }
}
