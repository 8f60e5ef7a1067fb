package io.ikescope.crypto;

import java.util.List;

/** All key material given on the command line (every --keys source), in the order it was read. */
public record KeyRing(List<Ikev1Keys> ikev1, List<Ikev2Keys> ikev2) {
    public KeyRing {
        ikev1 = List.copyOf(ikev1);
        ikev2 = List.copyOf(ikev2);
    }

    public static KeyRing empty() {
        return new KeyRing(List.of(), List.of());
    }

    public boolean isEmpty() {
        return ikev1.isEmpty() && ikev2.isEmpty();
    }
}
