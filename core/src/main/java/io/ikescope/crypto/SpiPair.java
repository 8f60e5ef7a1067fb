package io.ikescope.crypto;

import io.ikescope.wire.Bytes;

/** The two SPIs (IKEv2) or cookies (IKEv1) of an IKE header: the key of an SA's state. */
record SpiPair(Bytes spiI, Bytes spiR) {

    boolean responderKnown() {
        for (int i = 0; i < spiR.length(); i++) {
            if (spiR.get(i) != 0) {
                return true;
            }
        }
        return false;
    }
}
