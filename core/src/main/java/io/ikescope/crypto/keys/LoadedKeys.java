package io.ikescope.crypto.keys;

import io.ikescope.crypto.KeyRing;
import java.util.List;

/**
 * What the key sources gave: the keys, and the warnings worth telling the user (a key set that could not be
 * tied to an IKE SA, a log without key dumps, a key set that conflicts with another).
 */
public record LoadedKeys(KeyRing keyRing, List<String> warnings) {
    public LoadedKeys {
        warnings = List.copyOf(warnings);
    }
}
