package io.ikescope.wire;

import java.util.List;

/** TSi / TSr (IKEv2 44/45). */
public record TrafficSelectorPayload(PayloadHeader header, List<TrafficSelector> selectors) implements Payload {
    public TrafficSelectorPayload {
        selectors = List.copyOf(selectors);
    }
}
