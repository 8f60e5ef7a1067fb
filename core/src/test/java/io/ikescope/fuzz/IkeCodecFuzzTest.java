package io.ikescope.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.Payload;
import io.ikescope.wire.PayloadChain;

/**
 * The IKE codec on any bytes: it never throws, every problem is an error text, and nothing it returns points
 * outside the bytes it was given.
 */
class IkeCodecFuzzTest {

    /** A whole message, as the packet decoder hands it on. */
    @FuzzTest(maxDuration = "10m")
    void decodeMessage(byte[] input) {
        IkeMessage m = IkeDecoder.decode(input);
        if ((m.header() == null) != (input.length < 28)) {
            throw new AssertionError("header " + m.header() + " for " + input.length + " bytes");
        }
        checkErrors(m.errors());
        checkPayloads(m.payloads(), input.length);
    }

    /**
     * A payload chain as decrypted content is decoded: byte 0 picks the IKE version (bit 0), byte 1 is the first
     * payload's type, the rest is the chain.
     */
    @FuzzTest(maxDuration = "10m")
    void decodePayloadChain(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int version = (input[0] & 1) + 1;
        PayloadChain chain = IkeDecoder.decodePayloadChain(version, input[1] & 0xFF, input, 2, input.length - 2);
        if (chain.end() < 2 || chain.end() > input.length) {
            throw new AssertionError("chain end " + chain.end() + " outside [2, " + input.length + "]");
        }
        checkErrors(chain.errors());
        checkPayloads(chain.payloads(), input.length);
    }

    private static void checkErrors(java.util.List<String> errors) {
        for (String e : errors) {
            if (e == null || e.isBlank()) {
                throw new AssertionError("an empty error text");
            }
        }
    }

    private static void checkPayloads(java.util.List<Payload> payloads, int size) {
        for (Payload p : payloads) {
            if (p.header().offset() < 0 || p.header().offset() + 4 > size) {
                throw new AssertionError("payload of type " + p.type() + " at offset " + p.header().offset() + " of " + size);
            }
        }
    }
}
