package io.ikescope.audit;

import io.ikescope.audit.RatingTable.Kind;
import io.ikescope.audit.RatingTable.Scope;
import io.ikescope.session.AlgorithmNames;
import io.ikescope.session.ChildProposal;
import io.ikescope.session.ChildSa;
import io.ikescope.session.IkeProposal;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Phase1;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rates every transform a negotiation offered and chose, per phase and child SA, with {@link RatingTable}, and
 * adds the findings about the negotiation as a whole ({@link AuditFindings}). Works on the session model only, so
 * {@code diagnose} and {@code audit} rate alike.
 */
public final class Auditor {
    private Auditor() {
    }

    public static NegotiationAudit audit(Negotiation n) {
        return audit(n, RatingTable.standard());
    }

    static NegotiationAudit audit(Negotiation n, RatingTable table) {
        List<TransformRating> ratings = new ArrayList<>();
        Scope ikeScope = n.ikeVersion() == 1 ? Scope.IKEV1 : Scope.IKEV2;
        Phase1 p1 = n.phase1();
        if (n.ikeVersion() == 1) {
            RatingTable.Match m = table.rate(Scope.IKEV1, Kind.VERSION, "IKEv1");
            ratings.add(new TransformRating(1, null, "ikeVersion", "IKEv1", null, true, true, m.rating(),
                    m.sources()));
        }
        Collector phase1 = new Collector(table, 1, null);
        if (p1.offered() != null) {
            p1.offered().forEach(p -> phase1.ike(ikeScope, n.ikeVersion(), p, false));
        }
        if (p1.chosen() != null) {
            phase1.ike(ikeScope, n.ikeVersion(), p1.chosen(), true);
        }
        ratings.addAll(phase1.ratings());
        for (ChildSa c : n.children()) {
            if (c.contentHidden() || Boolean.TRUE.equals(c.ikeRekey())) {
                continue;
            }
            Collector child = new Collector(table, 2, c.index());
            if (c.offered() != null) {
                c.offered().forEach(p -> child.child(ikeScope, n.ikeVersion(), p, false));
            }
            if (c.chosen() != null) {
                child.child(ikeScope, n.ikeVersion(), c.chosen(), true);
            }
            ratings.addAll(child.ratings());
        }
        return new NegotiationAudit(n, ratings, AuditFindings.of(n, ratings, table));
    }

    /** "14 (modp2048)": the group number IANA assigns and the short name reports use. */
    static String groupName(int ikeVersion, int group) {
        return group + " (" + AlgorithmNames.groupName(ikeVersion, group) + ")";
    }

    /** The transforms of one phase or child, each once, marked offered and/or chosen. */
    private static final class Collector {
        private final RatingTable table;
        private final int phase;
        private final Integer child;
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        Collector(RatingTable table, int phase, Integer child) {
            this.table = table;
            this.phase = phase;
            this.child = child;
        }

        void ike(Scope scope, int version, IkeProposal p, boolean chosen) {
            add(scope, Kind.ENCR, "encryption", p.encryption(), p.encryption(), chosen);
            add(scope, Kind.PRF, "prf", p.prf(), p.prf(), chosen);
            add(scope, Kind.INTEG, "integrity", p.integrity(), p.integrity(), chosen);
            add(scope, Kind.HASH, "hash", p.hash(), p.hash(), chosen);
            group(scope, version, p.dhGroup(), chosen);
            add(scope, Kind.AUTH, "authMethod", p.authMethod(), p.authMethod(), chosen);
        }

        void child(Scope ikeScope, int version, ChildProposal p, boolean chosen) {
            Scope scope = "AH".equals(p.protocol()) ? Scope.AH : Scope.ESP;
            add(scope, Kind.ENCR, "encryption", p.encryption(), p.encryption(), chosen);
            add(scope, Kind.INTEG, "integrity", p.integrity(), p.integrity(), chosen);
            // a PFS group is a key exchange like the IKE SA's: rated with the IKE table
            group(ikeScope, version, p.dhGroup(), chosen);
        }

        private void group(Scope scope, int version, Integer group, boolean chosen) {
            if (group != null && group != 0) {
                add(scope, Kind.KE, "dhGroup", Integer.toString(group), groupName(version, group), chosen);
            }
        }

        /** {@code key} is what the table matches (a readable name, a group number), {@code shown} what reports show. */
        private void add(Scope scope, Kind kind, String type, String key, String shown, boolean chosen) {
            if (key == null) {
                return;
            }
            Entry e = entries.computeIfAbsent(type + "\u0000" + key, k -> new Entry(scope, kind, type, key, shown));
            if (chosen) {
                e.chosen = true;
            } else {
                e.offered = true;
            }
        }

        List<TransformRating> ratings() {
            List<TransformRating> out = new ArrayList<>();
            for (Entry e : entries.values()) {
                RatingTable.Match m = table.rate(e.scope, e.kind, e.key);
                // a responder's choice is one the initiator offered, whether or not the offer was captured
                out.add(new TransformRating(phase, child, e.type, e.shown, m.keyLength(), e.chosen,
                        e.offered || e.chosen, m.rating(), m.sources()));
            }
            return out;
        }
    }

    private static final class Entry {
        final Scope scope;
        final Kind kind;
        final String type;
        final String key;
        final String shown;
        boolean chosen;
        boolean offered;

        Entry(Scope scope, Kind kind, String type, String key, String shown) {
            this.scope = scope;
            this.kind = kind;
            this.type = type;
            this.key = key;
            this.shown = shown;
        }
    }
}
