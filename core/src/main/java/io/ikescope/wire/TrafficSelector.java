package io.ikescope.wire;

/**
 * One traffic selector. For types other than TS_IPV4_ADDR_RANGE (7) and TS_IPV6_ADDR_RANGE (8) only
 * {@code tsType} and {@code raw} (the selector after its type/length header) are set; the rest is null.
 */
public record TrafficSelector(int tsType, Integer ipProtocol, Integer startPort, Integer endPort,
                              Bytes startAddress, Bytes endAddress, Bytes raw) {
}
