package io.ikescope.report;

import io.ikescope.wire.Attribute;
import io.ikescope.wire.NotifyDetail;
import io.ikescope.wire.NotifyPayload;
import io.ikescope.wire.registry.Ikev2Registry;
import tools.jackson.core.JsonGenerator;

/**
 * The dissect JSON's body of a notify payload: its type, SPI and data, and under {@code decoded} what the data
 * means for the notify types whose data has a known layout (null for the others).
 */
final class NotifyPayloadJson {
    private NotifyPayloadJson() {
    }

    static void write(JsonGenerator g, int version, NotifyPayload n) {
        if (n.doi() != null) {
            g.writeNumberProperty("doi", n.doi());
        }
        g.writeNumberProperty("notifyType", n.notifyType());
        g.writeStringProperty("notifyName", IkeNames.name(IkeNames.notifyTypes(version), n.notifyType()));
        g.writeNumberProperty("protocolId", n.protocolId());
        g.writeNumberProperty("spiSize", n.spiSize());
        g.writeStringProperty("spi", n.spi().hex());
        g.writeStringProperty("data", n.data().hex());
        g.writeName("decoded");
        decoded(g, version, n.detail());
    }

    /** {@code decoded}: the notify data read by its type's layout, or null. */
    private static void decoded(JsonGenerator g, int version, NotifyDetail detail) {
        if (detail == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        if (detail instanceof NotifyDetail.AcceptedGroup a) {
            g.writeNumberProperty("dhGroup", a.dhGroup());
        } else if (detail instanceof NotifyDetail.Cookie c) {
            g.writeStringProperty("cookie", c.cookie().hex());
        } else if (detail instanceof NotifyDetail.NatDetectionHash h) {
            g.writeStringProperty("hash", h.hash().hex());
        } else if (detail instanceof NotifyDetail.HashAlgorithms h) {
            g.writeArrayPropertyStart("hashAlgorithms");
            for (int alg : h.algorithms()) {
                g.writeNumber(alg);
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("hashAlgorithmNames");
            for (int alg : h.algorithms()) {
                g.writeString(Ikev2Registry.HASH_ALGORITHM.name(alg));
            }
            g.writeEndArray();
        } else if (detail instanceof NotifyDetail.RekeySa r) {
            g.writeNumberProperty("protocolId", r.protocolId());
            g.writeStringProperty("spi", r.spi().hex());
        } else if (detail instanceof NotifyDetail.DpdSequence s) {
            g.writeNumberProperty("sequence", s.sequence());
        } else if (detail instanceof NotifyDetail.ResponderLifetime l) {
            g.writeArrayPropertyStart("attributes");
            for (Attribute a : l.attributes()) {
                g.writeStartObject();
                g.writeNumberProperty("type", a.type());
                g.writeStringProperty("name", IkeNames.name(IkeNames.attributeTypes(version, 3), a.type()));
                if (a.numericValue() >= 0) {
                    g.writeNumberProperty("value", a.numericValue());
                } else {
                    g.writeStringProperty("value", a.value().hex());
                }
                g.writeStringProperty("valueName", IkeNames.name(IkeNames.attributeValues(version, 3, a), a.numericValue()));
                g.writeEndObject();
            }
            g.writeEndArray();
        } else if (detail instanceof NotifyDetail.Redirect r) {
            g.writeNumberProperty("gatewayIdType", r.gatewayIdType());
            g.writeStringProperty("gateway", r.gateway());
            g.writeStringProperty("nonce", r.nonce().hex());
        } else if (detail instanceof NotifyDetail.IpComp c) {
            g.writeNumberProperty("cpi", c.cpi());
            g.writeNumberProperty("transformId", c.transformId());
        } else if (detail instanceof NotifyDetail.Number num) {
            g.writeNumberProperty(num.label(), num.value());
        }
        g.writeEndObject();
    }
}
