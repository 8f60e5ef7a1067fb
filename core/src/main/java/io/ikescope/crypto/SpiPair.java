package io.ikescope.crypto;

import io.ikescope.wire.Bytes;
import java.util.Objects;

/** The two SPIs (IKEv2) or cookies (IKEv1) of an IKE header: the key of an SA's state. */
record SpiPair(Bytes spiI, Bytes spiR) {
    // equals and hashCode written out with the generated ones' results: those are linked through invokedynamic at
    // their first call, milliseconds of a short run (RecordMethodsTest)
    @Override
    public boolean equals(Object o) {
        return o instanceof SpiPair p && Objects.equals(p.spiI, spiI) && Objects.equals(p.spiR, spiR);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(spiI) * 31 + Objects.hashCode(spiR);
    }

    boolean responderKnown() {
        for (int i = 0; i < spiR.length(); i++) {
            if (spiR.get(i) != 0) {
                return true;
            }
        }
        return false;
    }
}
