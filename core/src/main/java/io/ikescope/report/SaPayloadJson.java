package io.ikescope.report;

import io.ikescope.wire.Attribute;
import io.ikescope.wire.Proposal;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.Transform;
import tools.jackson.core.JsonGenerator;

/**
 * The dissect JSON's body of an SA payload: each proposal with its transforms and their attributes, numbers next
 * to their names.
 */
final class SaPayloadJson {
    private SaPayloadJson() {
    }

    static void write(JsonGenerator g, int version, SecurityAssociationPayload sa) {
        if (sa.doi() != null) {
            g.writeNumberProperty("doi", sa.doi());
            g.writeNumberProperty("situation", sa.situation());
        }
        g.writeArrayPropertyStart("proposals");
        for (Proposal pr : sa.proposals()) {
            g.writeStartObject();
            g.writeNumberProperty("number", pr.number());
            g.writeNumberProperty("protocolId", pr.protocolId());
            g.writeStringProperty("protocol", IkeNames.name(IkeNames.protocolIds(version), pr.protocolId()));
            g.writeStringProperty("spi", pr.spi().hex());
            g.writeNumberProperty("transformCount", pr.declaredTransforms());
            g.writeArrayPropertyStart("transforms");
            for (Transform t : pr.transforms()) {
                g.writeStartObject();
                if (t.number() != null) {
                    g.writeNumberProperty("number", t.number());
                }
                if (t.type() != null) {
                    g.writeNumberProperty("type", t.type());
                }
                g.writeNumberProperty("id", t.id());
                g.writeStringProperty("name", IkeNames.name(IkeNames.transformIds(version, pr.protocolId(), t), t.id()));
                g.writeArrayPropertyStart("attributes");
                for (Attribute a : t.attributes()) {
                    g.writeStartObject();
                    g.writeNumberProperty("type", a.type());
                    g.writeStringProperty("name", IkeNames.name(IkeNames.attributeTypes(version, pr.protocolId()), a.type()));
                    g.writeNumberProperty("length", a.value().length());
                    long value = a.numericValue();
                    if (value >= 0) {
                        g.writeNumberProperty("value", value);
                        g.writeStringProperty("valueName",
                                IkeNames.name(IkeNames.attributeValues(version, pr.protocolId(), a), value));
                    } else {
                        g.writeStringProperty("value", a.value().hex());
                        g.writeNullProperty("valueName");
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
