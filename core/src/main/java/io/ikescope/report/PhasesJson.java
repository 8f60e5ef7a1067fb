package io.ikescope.report;

import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.session.ChildProposal;
import io.ikescope.session.ChildSa;
import io.ikescope.session.IkeProposal;
import io.ikescope.session.Negotiation;
import tools.jackson.core.JsonGenerator;

/**
 * The diagnose JSON's {@code phase1} object and {@code phase2} array: the proposals offered and chosen for the IKE
 * SA and, per child SA, its exchange, proposals, traffic selectors, SPIs and packet counts.
 */
final class PhasesJson {
    private PhasesJson() {
    }

    static void phase1(JsonGenerator g, Negotiation n, Diagnosis d) {
        g.writeObjectPropertyStart("phase1");
        g.writeStringProperty("status", d.phase1Status());
        if (n.phase1().offered() == null) {
            g.writeNullProperty("offered");
        } else {
            g.writeArrayPropertyStart("offered");
            for (IkeProposal p : n.phase1().offered()) {
                ikeProposal(g, p, true);
            }
            g.writeEndArray();
        }
        g.writeName("chosen");
        if (n.phase1().chosen() == null) {
            g.writeNull();
        } else {
            ikeProposal(g, n.phase1().chosen(), false);
        }
        g.writeEndObject();
    }

    private static void ikeProposal(JsonGenerator g, IkeProposal p, boolean withNumber) {
        g.writeStartObject();
        if (withNumber) {
            g.writeNumberProperty("proposal", p.proposal());
        }
        g.writeStringProperty("encryption", p.encryption());
        g.writeStringProperty("hash", p.hash());
        g.writeStringProperty("prf", p.prf());
        g.writeStringProperty("integrity", p.integrity());
        JsonFields.integer(g, "dhGroup", p.dhGroup());
        g.writeStringProperty("authMethod", p.authMethod());
        if (p.lifetimeSeconds() == null) {
            g.writeNullProperty("lifetimeSeconds");
        } else {
            g.writeNumberProperty("lifetimeSeconds", p.lifetimeSeconds());
        }
        g.writeEndObject();
    }

    static void phase2(JsonGenerator g, Negotiation n, Diagnosis d) {
        g.writeArrayPropertyStart("phase2");
        for (int i = 0; i < n.children().size(); i++) {
            ChildSa c = n.children().get(i);
            g.writeStartObject();
            g.writeStringProperty("status", i < d.phase2Status().size() ? d.phase2Status().get(i) : null);
            g.writeStringProperty("exchange", c.exchange());
            g.writeStringProperty("initiatedBy", c.initiatedBy().jsonName());
            g.writeNumberProperty("messageId", c.messageId());
            if (c.ikeRekey() == null) {
                g.writeNullProperty("ikeRekey");
            } else {
                g.writeBooleanProperty("ikeRekey", c.ikeRekey());
            }
            g.writeStringProperty("protocol", c.protocol());
            g.writeStringProperty("mode", c.mode());
            if (c.offered() == null) {
                g.writeNullProperty("offered");
            } else {
                g.writeArrayPropertyStart("offered");
                for (ChildProposal p : c.offered()) {
                    childProposal(g, p, true);
                }
                g.writeEndArray();
            }
            g.writeName("chosen");
            if (c.chosen() == null) {
                g.writeNull();
            } else {
                childProposal(g, c.chosen(), false);
            }
            JsonFields.integer(g, "pfsGroup", c.pfsGroup());
            g.writeObjectPropertyStart("trafficSelectors");
            JsonFields.strings(g, "initiator", c.trafficSelectorsInitiator());
            JsonFields.strings(g, "responder", c.trafficSelectorsResponder());
            g.writeEndObject();
            g.writeObjectPropertyStart("spis");
            g.writeStringProperty("initiator", c.spiInitiator());
            g.writeStringProperty("responder", c.spiResponder());
            g.writeEndObject();
            g.writeObjectPropertyStart("espPackets");
            JsonFields.longOrNull(g, "initiatorToResponder", c.espToResponder());
            JsonFields.longOrNull(g, "responderToInitiator", c.espToInitiator());
            g.writeEndObject();
            g.writeObjectPropertyStart("ahPackets");
            JsonFields.longOrNull(g, "initiatorToResponder", c.ahToResponder());
            JsonFields.longOrNull(g, "responderToInitiator", c.ahToInitiator());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void childProposal(JsonGenerator g, ChildProposal p, boolean withNumber) {
        g.writeStartObject();
        if (withNumber) {
            g.writeNumberProperty("proposal", p.proposal());
        }
        g.writeStringProperty("encryption", p.encryption());
        g.writeStringProperty("integrity", p.integrity());
        JsonFields.integer(g, "dhGroup", p.dhGroup());
        if (p.esn() == null) {
            g.writeNullProperty("esn");
        } else {
            g.writeBooleanProperty("esn", p.esn());
        }
        g.writeEndObject();
    }
}
