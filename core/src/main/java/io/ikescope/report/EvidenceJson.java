package io.ikescope.report;

import io.ikescope.session.CapturePoint;
import io.ikescope.session.Fingerprint;
import io.ikescope.session.NatAssessment;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Role;
import tools.jackson.core.JsonGenerator;

/**
 * The diagnose JSON's evidence about the capture and the peers (additions to schema 1): where the capture was taken
 * ({@code capturePoint}), what the NAT discovery hashes mean ({@code natT.forcedEncapsulation}, {@code
 * natT.natPlacement}, {@code natT.initiator}/{@code responder}) and which implementation each peer runs
 * ({@code initiator.implementation}/{@code responder.implementation}). Unknown values are null.
 */
final class EvidenceJson {
    private EvidenceJson() {
    }

    /** The fields added inside {@code natT}, after the contract's own. */
    static void natT(JsonGenerator g, Negotiation n) {
        NatAssessment nat = n.nat();
        g.writeStringProperty("forcedEncapsulation", nat.forcedEncapsulation());
        g.writeStringProperty("natPlacement", nat.natPlacement());
        g.writeStringProperty("summary", nat.summary());
        for (Role role : Role.values()) {
            NatAssessment.PeerNat p = nat.of(role);
            if (p == null) {
                g.writeNullProperty(role.jsonName());
                continue;
            }
            g.writeObjectPropertyStart(role.jsonName());
            bool(g, "sourceHashMatches", p.sourceHashMatches());
            bool(g, "behindNat", p.behindNat());
            bool(g, "forcesEncapsulation", p.forcesEncapsulation());
            g.writeStringProperty("explanation", p.explanation());
            if (p.frame() == null) {
                g.writeNullProperty("frame");
            } else {
                g.writeNumberProperty("frame", p.frame());
            }
            g.writeEndObject();
        }
    }

    /** {@code capturePoint}: the location and each peer's TTL figures. */
    static void capturePoint(JsonGenerator g, Negotiation n) {
        CapturePoint c = n.capturePoint();
        g.writeObjectPropertyStart("capturePoint");
        g.writeStringProperty("location", c.location());
        for (Role role : Role.values()) {
            CapturePoint.PeerTtl t = c.of(role);
            if (t == null) {
                g.writeNullProperty(role.jsonName());
                continue;
            }
            g.writeObjectPropertyStart(role.jsonName());
            g.writeNumberProperty("ttl", t.first());
            g.writeNumberProperty("minTtl", t.min());
            g.writeNumberProperty("maxTtl", t.max());
            g.writeNumberProperty("initialTtl", t.initialTtl());
            g.writeNumberProperty("hops", t.hops());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** {@code implementation} inside a peer's endpoint object. */
    static void implementation(JsonGenerator g, Fingerprint f) {
        if (f == null) {
            g.writeNullProperty("implementation");
            return;
        }
        g.writeObjectPropertyStart("implementation");
        g.writeStringProperty("name", f.name());
        g.writeStringProperty("version", f.version());
        g.writeStringProperty("basis", f.basis());
        g.writeStringProperty("certainty", f.name() == null ? null : f.inferred() ? "inferred" : "confirmed");
        g.writeArrayPropertyStart("evidence");
        for (String e : f.evidence()) {
            g.writeString(e);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void bool(JsonGenerator g, String name, Boolean value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeBooleanProperty(name, value);
        }
    }
}
