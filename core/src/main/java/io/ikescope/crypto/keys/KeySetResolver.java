package io.ikescope.crypto.keys;

import io.ikescope.crypto.Ikev1Keys;
import io.ikescope.crypto.Ikev2Keys;

/**
 * Completes what a key set's source left open, from another source of facts (a capture): the SPIs of a
 * charon-log set the log did not tie to an IKE SA, the algorithms a log never names. Returns the set
 * unchanged when it cannot tell; never guesses.
 */
public interface KeySetResolver {
    /** Resolves nothing. */
    KeySetResolver NONE = keys -> keys;

    Ikev2Keys resolve(Ikev2Keys keys);

    default Ikev1Keys resolve(Ikev1Keys keys) {
        return keys;
    }

    /** This resolver, then {@code next} on what it returns. */
    default KeySetResolver then(KeySetResolver next) {
        KeySetResolver first = this;
        return new KeySetResolver() {
            @Override
            public Ikev2Keys resolve(Ikev2Keys keys) {
                return next.resolve(first.resolve(keys));
            }

            @Override
            public Ikev1Keys resolve(Ikev1Keys keys) {
                return next.resolve(first.resolve(keys));
            }
        };
    }
}
