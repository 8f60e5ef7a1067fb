package io.ikescope.wire;

import java.util.List;

/**
 * The payloads decoded from one chain and the problems found on the way (each naming payload, type and offset).
 *
 * @param end where the chain stopped in the buffer; bytes between it and the end of the given range are left
 *            over (cleartext: an error the message reports; decrypted IKEv1 content: the cipher padding)
 */
public record PayloadChain(List<Payload> payloads, List<String> errors, int end) {
    public PayloadChain {
        payloads = List.copyOf(payloads);
        errors = List.copyOf(errors);
    }
}
