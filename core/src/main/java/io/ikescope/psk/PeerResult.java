package io.ikescope.psk;

/**
 * What the capture proves about one peer's pre-shared key.
 *
 * @param tested      whether the peer sent something that depends on its key and could be recomputed (HASH_R,
 *                    HASH_I, AUTH); false with {@code why} otherwise
 * @param match       the line of the candidate that reproduces what the peer sent (for a {@code --candidate}
 *                    option, its position among those options), or null (none matched, or not tested)
 * @param fingerprint that candidate's fingerprint, or null
 * @param why         when not tested, the reason ("sent no AUTH ..."); else null
 * @param fromOption  the match is a {@code --candidate} option's position, not a line of the candidates file
 */
public record PeerResult(boolean tested, Integer match, String fingerprint, String why, boolean fromOption) {
    static PeerResult notTested(String why) {
        return new PeerResult(false, null, null, why, false);
    }

    static PeerResult noneMatched() {
        return new PeerResult(true, null, null, null, false);
    }

    static PeerResult matched(PskCandidate c) {
        return new PeerResult(true, c.line(), c.fingerprint(), null, c.fromOption());
    }

    /** Tested and no candidate reproduced what the peer sent. */
    public boolean noneMatchedResult() {
        return tested && match == null;
    }
}
