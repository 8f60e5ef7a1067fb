package io.ikescope.cli.probe;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The proposals of the probe's JSON ({@code ikescope.probe/1}) and of the lab's expected.json, read the same way:
 * PROPOSAL1 {@code {"encryption", "hash", "authMethod", "dhGroup"}}, PROPOSAL2 {@code {"encryption", "prf",
 * "integrity", "dhGroup"}}. In a "refused" entry a null field means any accepted value of that type.
 */
final class ProbeProposals {
    private ProbeProposals() {
    }

    record Ikev1(String encryption, String hash, String authMethod, Integer dhGroup) {
        static Ikev1 of(JsonNode p) {
            return new Ikev1(text(p, "encryption"), text(p, "hash"), text(p, "authMethod"), number(p, "dhGroup"));
        }

        boolean concrete() {
            return encryption != null && hash != null && authMethod != null && dhGroup != null;
        }

        /** True when this entry, its null fields as wildcards, covers the concrete proposal {@code other}. */
        boolean covers(Ikev1 other) {
            return matches(encryption, other.encryption) && matches(hash, other.hash)
                    && matches(authMethod, other.authMethod) && matches(dhGroup, other.dhGroup);
        }

        Ikev1 withGroup(int group) {
            return new Ikev1(encryption, hash, authMethod, group);
        }

        Ikev1 withEncryption(String name) {
            return new Ikev1(name, hash, authMethod, dhGroup);
        }

        Ikev1 withHash(String name) {
            return new Ikev1(encryption, name, authMethod, dhGroup);
        }

        Ikev1 withAuthMethod(String name) {
            return new Ikev1(encryption, hash, name, dhGroup);
        }
    }

    /**
     * {@code integrity} is null for AEAD ciphers in an accepted entry; in a refused entry a null may also be a
     * wildcard, which {@link #covers} allows for.
     */
    record Ikev2(String encryption, String prf, String integrity, Integer dhGroup) {
        static Ikev2 of(JsonNode p) {
            return new Ikev2(text(p, "encryption"), text(p, "prf"), text(p, "integrity"), number(p, "dhGroup"));
        }

        boolean covers(Ikev2 other) {
            return matches(encryption, other.encryption) && matches(prf, other.prf)
                    && matches(integrity, other.integrity) && matches(dhGroup, other.dhGroup);
        }
    }

    static Set<Ikev1> ikev1(JsonNode array) {
        Set<Ikev1> out = new LinkedHashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(p -> out.add(Ikev1.of(p)));
        }
        return out;
    }

    static Set<Ikev2> ikev2(JsonNode array) {
        Set<Ikev2> out = new LinkedHashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(p -> out.add(Ikev2.of(p)));
        }
        return out;
    }

    private static boolean matches(Object pattern, Object value) {
        return pattern == null || Objects.equals(pattern, value);
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Integer number(JsonNode p, String field) {
        JsonNode v = p.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }
}
