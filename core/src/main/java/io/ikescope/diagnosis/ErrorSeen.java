package io.ikescope.diagnosis;

import io.ikescope.session.ChildSa;
import io.ikescope.session.MessageRecord;
import io.ikescope.session.NotifySeen;

/**
 * An error notify a peer sent, placed in its phase.
 *
 * @param phase 1 (IKE SA) or 2 (a child)
 * @param child the child it refuses (phase 2), or null when unknown
 */
record ErrorSeen(MessageRecord message, NotifySeen notice, int phase, ChildSa child) {
    boolean is(String name) {
        return notice.is(name);
    }

    String name() {
        return notice.key() != null ? notice.key() : notice.name();
    }

    /** "in cleartext" or "in the decrypted content" for explanations. */
    String how() {
        return notice.inCleartext() ? "in cleartext" : "in decrypted content";
    }
}
