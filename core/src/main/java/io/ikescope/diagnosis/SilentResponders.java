package io.ikescope.diagnosis;

import io.ikescope.session.Fingerprint;
import java.util.List;
import java.util.Locale;

/**
 * Implementations that answer an IKEv1 MM5 they cannot decrypt (pre-shared keys differ) with silence: libreswan
 * and its ancestors send no notify for an encrypted message that fails to parse (libreswan's ikev1.c; the lab's
 * libreswan-ikev1-main-psk-mismatch sample: only its MM4 re-sent on its timer), Cisco IOS logs
 * IKMP_BAD_MESSAGE and says nothing. From such a responder, silence to MM5 on UDP 4500 is what a blocked port and a
 * PSK mismatch both look like. strongSwan answers at once with PAYLOAD-MALFORMED, so its silence means the
 * message did not arrive.
 */
final class SilentResponders {
    private static final List<String> SILENT_ON_UNREADABLE_MM5 = List.of("libreswan", "openswan", "freeswan",
            "cisco ios");

    private SilentResponders() {
    }

    /** The responder's fingerprint names an implementation that stays silent to an MM5 it cannot decrypt. */
    static boolean silentOnUnreadableMm5(Fingerprint responder) {
        if (responder == null || responder.name() == null) {
            return false;
        }
        String name = responder.name().toLowerCase(Locale.ROOT);
        return SILENT_ON_UNREADABLE_MM5.stream().anyMatch(name::contains);
    }
}
