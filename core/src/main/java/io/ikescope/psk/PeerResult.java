package io.ikescope.psk;

/**
 * What the capture proves about one peer's pre-shared key.
 *
 * @param tested      whether the peer sent something that depends on its key and could be recomputed (HASH_R,
 *                    HASH_I, AUTH); false with {@code why} otherwise
 * @param match       the line of the candidate that reproduces what the peer sent, or null (none matched, or not
 *                    tested)
 * @param fingerprint that candidate's fingerprint, or null
 * @param why         when not tested, the reason ("sent no AUTH ..."); else null
 */
public record PeerResult(boolean tested, Integer match, String fingerprint, String why) {
    static PeerResult notTested(String why) {
        return new PeerResult(false, null, null, why);
    }

    static PeerResult noneMatched() {
        return new PeerResult(true, null, null, null);
    }

    static PeerResult matched(PskCandidate c) {
        return new PeerResult(true, c.line(), c.fingerprint(), null);
    }

    /** Tested and no candidate reproduced what the peer sent. */
    public boolean noneMatchedResult() {
        return tested && match == null;
    }
}
