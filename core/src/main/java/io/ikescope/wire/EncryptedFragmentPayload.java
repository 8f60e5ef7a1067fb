package io.ikescope.wire;

import java.util.List;

/**
 * SKF (IKEv2 53, RFC 7383). {@code header().nextPayload()} is the first inner payload type in fragment 1 and 0
 * in the others. {@code inner} holds the decrypted payloads of the reassembled message once known.
 */
public record EncryptedFragmentPayload(PayloadHeader header, int fragmentNumber, int totalFragments, Bytes encrypted,
                                       List<Payload> inner) implements Payload {
    public EncryptedFragmentPayload {
        inner = List.copyOf(inner);
    }

    public int innerNextPayload() {
        return header.nextPayload();
    }

    public EncryptedFragmentPayload withInner(List<Payload> decrypted) {
        return new EncryptedFragmentPayload(header, fragmentNumber, totalFragments, encrypted, decrypted);
    }
}
