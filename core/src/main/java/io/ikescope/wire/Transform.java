package io.ikescope.wire;

import java.util.List;

/**
 * A transform substructure.
 *
 * @param number     IKEv1 transform number; null for IKEv2
 * @param type       IKEv2 transform type (1 ENCR, 2 PRF, 3 INTEG, 4 KE, 5 ESN, 6-12 ADDKE); null for IKEv1
 * @param id         the transform ID
 */
public record Transform(Integer number, Integer type, int id, List<Attribute> attributes) {
    public Transform {
        attributes = List.copyOf(attributes);
    }
}
