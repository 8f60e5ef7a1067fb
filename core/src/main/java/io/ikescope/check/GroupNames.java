package io.ikescope.check;

import java.util.Map;

/** Readable names of the IANA Diffie-Hellman / key exchange groups for messages ("modp2048 (14)"). */
final class GroupNames {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "none"), Map.entry(1, "modp768"), Map.entry(2, "modp1024"), Map.entry(5, "modp1536"),
            Map.entry(14, "modp2048"), Map.entry(15, "modp3072"), Map.entry(16, "modp4096"),
            Map.entry(17, "modp6144"), Map.entry(18, "modp8192"), Map.entry(19, "ecp256"), Map.entry(20, "ecp384"),
            Map.entry(21, "ecp521"), Map.entry(22, "modp1024s160"), Map.entry(23, "modp2048s224"),
            Map.entry(24, "modp2048s256"), Map.entry(25, "ecp192"), Map.entry(26, "ecp224"),
            Map.entry(27, "ecp224bp"), Map.entry(28, "ecp256bp"), Map.entry(29, "ecp384bp"),
            Map.entry(30, "ecp512bp"), Map.entry(31, "curve25519"), Map.entry(32, "curve448"));

    private GroupNames() {
    }

    static String of(Integer group) {
        if (group == null) {
            return "no group";
        }
        if (group == 0) {
            return "no PFS";
        }
        String name = NAMES.get(group);
        return name == null ? "group " + group : name + " (" + group + ")";
    }
}
