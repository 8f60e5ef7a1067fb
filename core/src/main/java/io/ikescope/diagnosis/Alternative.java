package io.ikescope.diagnosis;

import java.util.List;

/**
 * A cause other than the verdict's, weighed against the evidence.
 *
 * @param ruledOut true when some evidence contradicts it; false when it fits the capture as well (the verdict's
 *                 explanation then names it)
 * @param reason   the evidence, in words ("the responder reacted to MM5 sent on UDP 4500: frames 6, 8 and 10")
 * @param frames    the frames the reason rests on
 * @param candidate a pattern of this cause matched the capture's shape (it was a real contender), as opposed to a
 *                  cause merely weighed
 */
public record Alternative(VerdictCode code, boolean ruledOut, String reason, List<Long> frames, boolean candidate) {
    public Alternative {
        frames = List.copyOf(frames);
    }
}
