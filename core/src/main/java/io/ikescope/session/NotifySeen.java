package io.ikescope.session;

import io.ikescope.wire.NotifyDetail;

/**
 * A notify payload found in a message (in cleartext or in decrypted content).
 *
 * @param type      the notify message type on the wire
 * @param name      the registry name ("NO_PROPOSAL_CHOSEN", "NO-PROPOSAL-CHOSEN"), or "Unknown (n)"
 * @param key       the name in one spelling for both IKE versions (hyphens as underscores), or null when unassigned;
 *                  rules match on this
 * @param error     an error type (below 16384 in both versions), as opposed to a status
 * @param inCleartext false when the notify was inside encrypted content that was decrypted
 * @param detail    the decoded notification data, or null
 */
public record NotifySeen(int type, String name, String key, boolean error, int protocolId, String spi,
                         NotifyDetail detail, boolean inCleartext) {

    /** First notify type value that is a status rather than an error, in both IKE versions. */
    public static final int FIRST_STATUS_TYPE = 16384;

    /** True when this notify has the given normalised name. */
    public boolean is(String normalisedName) {
        return normalisedName.equals(key);
    }
}
