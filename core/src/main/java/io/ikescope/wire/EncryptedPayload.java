package io.ikescope.wire;

import java.util.List;

/**
 * SK (IKEv2 46): IV, ciphertext and ICV as one run of bytes; {@code header().nextPayload()} is the type of the
 * first inner payload. {@code inner} is empty until a decryptor fills it with {@link #withInner}.
 */
public record EncryptedPayload(PayloadHeader header, Bytes encrypted, List<Payload> inner) implements Payload {
    public EncryptedPayload {
        inner = List.copyOf(inner);
    }

    public int innerNextPayload() {
        return header.nextPayload();
    }

    public EncryptedPayload withInner(List<Payload> decrypted) {
        return new EncryptedPayload(header, encrypted, decrypted);
    }
}
