package io.ikescope.wire;

import java.util.List;

/** The payloads decoded from one chain and the problems found on the way (each naming payload, type and offset). */
public record PayloadChain(List<Payload> payloads, List<String> errors) {
    public PayloadChain {
        payloads = List.copyOf(payloads);
        errors = List.copyOf(errors);
    }
}
