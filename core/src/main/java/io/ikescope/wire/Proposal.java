package io.ikescope.wire;

import java.util.List;

/**
 * A proposal substructure.
 *
 * @param declaredTransforms the transform count the proposal header states (may differ from {@code transforms} on bad input)
 */
public record Proposal(int number, int protocolId, Bytes spi, int declaredTransforms, List<Transform> transforms) {
    public Proposal {
        transforms = List.copyOf(transforms);
    }
}
