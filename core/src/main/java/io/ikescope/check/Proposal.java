package io.ikescope.check;

import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A proposal as the selection sees it: for each kind of transform ("encryption", "integrity", "prf", "hash",
 * "dhGroup", "pfsGroup", "esn", "protocol") the acceptable values in preference order. Two proposals match when
 * every kind has a value in common, as RFC 7296 3.3.6 and strongSwan's proposal_select (proposal.c select_algos)
 * have it; the responder's order picks the value.
 */
record Proposal(Map<String, List<Object>> kinds, Origin origin) {

    /** IANA "NONE" key exchange: a child proposal without PFS. */
    static final int NO_GROUP = 0;

    Proposal {
        kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
    }

    static Proposal ikev2(IkeProposalConfig p) {
        Map<String, List<Object>> k = new LinkedHashMap<>();
        k.put("encryption", List.copyOf(p.encryption()));
        k.put("integrity", List.copyOf(p.integrity()));
        k.put("prf", List.copyOf(p.prf()));
        k.put("dhGroup", List.copyOf(p.dhGroups()));
        return new Proposal(k, p.origin());
    }

    /** One IKEv1 transform (one value of each kind); the lifetime is compared apart (Phase1Simulation). */
    static Proposal ikev1(IkeProposalConfig transform) {
        Map<String, List<Object>> k = new LinkedHashMap<>();
        k.put("encryption", List.copyOf(transform.encryption()));
        k.put("hash", List.copyOf(transform.ikev1Hashes()));
        k.put("dhGroup", List.copyOf(transform.dhGroups()));
        return new Proposal(k, transform.origin());
    }

    /**
     * An ESP/AH proposal; {@code pfs} false leaves the groups out (IKEv2 IKE_AUTH, whose first child has no KE:
     * strongSwan selects with PROPOSAL_SKIP_KE there). Without groups the proposal offers "none", so that a side
     * without PFS matches only a side that also accepts none (proposal.c select_algo: KE is optional for ESP/AH
     * only where NONE is proposed).
     */
    static Proposal child(ChildProposalConfig p, boolean pfs) {
        Map<String, List<Object>> k = new LinkedHashMap<>();
        k.put("protocol", List.of(p.protocol()));
        k.put("encryption", List.copyOf(p.encryption()));
        k.put("integrity", List.copyOf(p.integrity()));
        if (pfs) {
            k.put("pfsGroup", p.dhGroups().isEmpty() ? List.of(NO_GROUP) : List.copyOf(p.dhGroups()));
        }
        // swanctl.opt esp_proposals: "If omitted, noesn is assumed"
        k.put("esn", p.esn().isEmpty() ? List.of(Boolean.FALSE) : List.copyOf(p.esn()));
        return new Proposal(k, p.origin());
    }

    Proposal with(String kind, List<Object> values) {
        Map<String, List<Object>> k = new LinkedHashMap<>(kinds);
        k.put(kind, values);
        return new Proposal(k, origin);
    }

    List<Object> values(String kind) {
        List<Object> v = kinds.get(kind);
        return v == null ? List.of() : v;
    }

    /** The selection of responder and initiator proposals. */
    record Selection(Proposal responder, Proposal initiator, Map<String, Object> chosen) {
        Object get(String kind) {
            return chosen.get(kind);
        }
    }

    /** The nearest pair when nothing matches, and the kinds in which it differs. */
    record Nearest(Proposal responder, Proposal initiator, List<String> differing) {
    }

    /**
     * The responder goes through its own proposals in order and takes the first the initiator also offers
     * (strongSwan charon.prefer_configured_proposals = yes by default, ike_init.c and quick_mode.c; libreswan
     * process_v2SA_payload returns the "first" local proposal to match; vendors by policy order).
     */
    static Selection select(List<Proposal> responder, List<Proposal> initiator, Set<String> ignored) {
        for (Proposal r : responder) {
            for (Proposal i : initiator) {
                Map<String, Object> chosen = match(r, i, ignored);
                if (chosen != null) {
                    return new Selection(r, i, chosen);
                }
            }
        }
        return null;
    }

    static Nearest nearest(List<Proposal> responder, List<Proposal> initiator, Set<String> ignored) {
        Nearest best = null;
        for (Proposal r : responder) {
            for (Proposal i : initiator) {
                List<String> differing = new ArrayList<>();
                for (String kind : kinds(r, i)) {
                    if (!ignored.contains(kind) && common(r.values(kind), i.values(kind)) == MISSING) {
                        differing.add(kind);
                    }
                }
                if (best == null || differing.size() < best.differing().size()) {
                    best = new Nearest(r, i, differing);
                }
            }
        }
        return best;
    }

    private static final Object MISSING = new Object();
    private static final Object ABSENT = new Object();

    private static Map<String, Object> match(Proposal r, Proposal i, Set<String> ignored) {
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (String kind : kinds(r, i)) {
            if (ignored.contains(kind)) {
                continue;
            }
            Object c = common(r.values(kind), i.values(kind));
            if (c == MISSING) {
                return null;
            }
            chosen.put(kind, c == ABSENT ? null : c);
        }
        return chosen;
    }

    private static Object common(List<Object> responder, List<Object> initiator) {
        if (responder.isEmpty() && initiator.isEmpty()) {
            return ABSENT;
        }
        for (Object r : responder) {
            if (initiator.contains(r)) {
                return r;
            }
        }
        return MISSING;
    }

    private static List<String> kinds(Proposal r, Proposal i) {
        List<String> all = new ArrayList<>(r.kinds.keySet());
        for (String k : i.kinds.keySet()) {
            if (!all.contains(k)) {
                all.add(k);
            }
        }
        return all;
    }

    /** "AES-CBC-256/HMAC-SHA2-256-128/PRF-HMAC-SHA2-256/modp2048 (14)" for messages. */
    String text() {
        List<String> parts = new ArrayList<>();
        kinds.forEach((kind, values) -> {
            if (!values.isEmpty()) {
                parts.add(render(kind, values));
            }
        });
        return String.join("/", parts);
    }

    static String render(String kind, List<Object> values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            out.add(render(kind, v));
        }
        return String.join("|", out);
    }

    static String render(String kind, Object v) {
        return switch (kind) {
            case "dhGroup", "pfsGroup" -> GroupNames.of((Integer) v);
            case "esn" -> Boolean.TRUE.equals(v) ? "ESN" : "no ESN";
            case "lifetime" -> v + " s";
            default -> String.valueOf(v);
        };
    }
}
