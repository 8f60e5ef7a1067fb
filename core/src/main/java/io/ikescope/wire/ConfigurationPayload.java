package io.ikescope.wire;

import java.util.List;

/**
 * CP (IKEv2 47) or the IKEv1 Attribute payload (14, mode-config and XAUTH).
 *
 * @param cfgType    CFG_REQUEST, CFG_REPLY, CFG_SET, CFG_ACK (IKEv2) or ISAKMP_CFG_* (IKEv1)
 * @param identifier the IKEv1 mode-config identifier; null for IKEv2
 */
public record ConfigurationPayload(PayloadHeader header, int cfgType, Integer identifier, List<Attribute> attributes)
        implements Payload {
    public ConfigurationPayload {
        attributes = List.copyOf(attributes);
    }
}
