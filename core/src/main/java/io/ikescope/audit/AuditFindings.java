package io.ikescope.audit;

import io.ikescope.audit.RatingTable.Kind;
import io.ikescope.audit.RatingTable.Scope;
import io.ikescope.session.AuthMethodNames;
import io.ikescope.session.ChildProposal;
import io.ikescope.session.ChildSa;
import io.ikescope.session.Exchange;
import io.ikescope.session.IkeProposal;
import io.ikescope.session.Negotiation;
import io.ikescope.session.Phase1;
import io.ikescope.wire.registry.Ikev2Registry;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit findings about a negotiation as a whole: weak offers a peer could negotiate, Aggressive Mode with a
 * pre-shared key, child SAs without PFS, lifetimes longer than NIST SP 800-77r1 recommends, and whether a
 * post-quantum key exchange was used.
 */
final class AuditFindings {
    private AuditFindings() {
    }

    /** The post-quantum KE methods of IANA's table (draft-ietf-ipsecme-ikev2-mlkem), by their registry names. */
    private static final List<Long> ML_KEM = List.of(Ikev2Registry.KE_METHOD.valueOf("ml-kem-512"),
            Ikev2Registry.KE_METHOD.valueOf("ml-kem-768"), Ikev2Registry.KE_METHOD.valueOf("ml-kem-1024"));

    static List<AuditFinding> of(Negotiation n, List<TransformRating> ratings, RatingTable table) {
        List<AuditFinding> out = new ArrayList<>();
        downgradeExposure(n, ratings, out);
        aggressivePsk(n, out);
        pfs(n, out);
        lifetimes(n, table, out);
        nullEncryption(n, ratings, out);
        postQuantum(n, out);
        return out;
    }

    private static void downgradeExposure(Negotiation n, List<TransformRating> ratings, List<AuditFinding> out) {
        List<String> weak = new ArrayList<>();
        Rating worst = Rating.NOT_RATED;
        List<Source> sources = new ArrayList<>();
        for (TransformRating r : ratings) {
            if (r.weakOfferOnly()) {
                weak.add(r.name() + " (" + r.rating().words() + ")");
                worst = worst.stricter(r.rating());
                r.sources().stream().filter(s -> s.rating() == r.rating() && !sources.contains(s))
                        .forEach(sources::add);
            }
        }
        if (weak.isEmpty()) {
            return;
        }
        // RFC 7296 2.15 / RFC 2409 5: the AUTH payload and HASH_I cover the initiator's SA payload, so stripping
        // the stronger proposals is detected; what remains is that a peer configured so would agree to them.
        out.add(new AuditFinding("DOWNGRADE_EXPOSURE", worst, "Offered, not chosen here: " + String.join(", ", weak)
                + ". A responder configured to accept them would negotiate them; stripping the other proposals on"
                + " the path is detected at authentication (the offer is covered by "
                + (n.ikeVersion() == 1 ? "HASH_I" : "the AUTH payload") + "), so remove them from the offer.",
                firstFrame(n), sources));
    }

    private static List<Long> firstFrame(Negotiation n) {
        Phase1 p1 = n.phase1();
        if (!p1.attempts().isEmpty()) {
            return List.of(p1.attempts().get(p1.attempts().size() - 1).frame());
        }
        return List.of(n.firstFrame());
    }

    private static void aggressivePsk(Negotiation n, List<AuditFinding> out) {
        if (!"aggressive".equals(n.exchangeMode())) {
            return;
        }
        Phase1 p1 = n.phase1();
        boolean psk = p1.chosen() != null ? AuthMethodNames.isPreSharedKey(p1.chosen().authMethod())
                : p1.offered() != null && p1.offered().stream().map(IkeProposal::authMethod)
                .anyMatch(AuthMethodNames::isPreSharedKey);
        if (psk) {
            out.add(new AuditFinding("AGGRESSIVE_MODE_PSK", Rating.SHOULD_NOT, "Aggressive Mode with a pre-shared"
                    + " key: the responder's hash travels in cleartext with the identities, so anyone who captured"
                    + " it can try passwords offline (as ike-scan's psk-crack does) until one fits; use Main Mode,"
                    + " IKEv2 or certificates.", List.of(n.firstFrame()), List.of()));
        }
    }

    /** Quick Mode and CREATE_CHILD_SA children without a KE; the child of IKE_AUTH uses the IKE SA's key exchange. */
    private static void pfs(Negotiation n, List<AuditFinding> out) {
        for (ChildSa c : n.children()) {
            if (c.contentHidden() || Boolean.TRUE.equals(c.ikeRekey()) || "ike_auth".equals(c.exchange())
                    || c.chosen() == null) {
                continue;
            }
            if (c.chosen().dhGroup() == null && !Boolean.TRUE.equals(c.requestHasKe())) {
                out.add(new AuditFinding("NO_PFS", Rating.SHOULD_NOT, "Child SA " + c.index() + " ("
                        + exchangeName(c) + ") was made without a key exchange (no PFS): its keys derive from the"
                        + " IKE SA's, so whoever obtains those also decrypts this child's traffic; configure a PFS"
                        + " group.", frames(n, c), List.of()));
            }
        }
    }

    private static String exchangeName(ChildSa c) {
        return "quick_mode".equals(c.exchange()) ? "Quick Mode" : "CREATE_CHILD_SA";
    }

    private static List<Long> frames(Negotiation n, ChildSa c) {
        for (Exchange e : n.exchanges()) {
            if (e.index() == c.exchangeIndex()) {
                return List.of(e.first().frame());
            }
        }
        return List.of();
    }

    private static void lifetimes(Negotiation n, RatingTable table, List<AuditFinding> out) {
        IkeProposal chosen = n.phase1().chosen();
        if (chosen != null && chosen.lifetimeSeconds() != null) {
            lifetime(table, Scope.IKE, "IKE SA", "Phase 1", chosen.lifetimeSeconds(), firstFrame(n), out);
        }
        for (ChildSa c : n.children()) {
            ChildProposal p = c.chosen();
            if (p != null && p.lifetimeSeconds() != null && !Boolean.TRUE.equals(c.ikeRekey())) {
                lifetime(table, Scope.CHILD, "Child SA", "Child SA " + c.index(), p.lifetimeSeconds(),
                        frames(n, c), out);
            }
        }
    }

    private static void lifetime(RatingTable table, Scope scope, String name, String what, long seconds,
                                 List<Long> frames, List<AuditFinding> out) {
        for (RatingTable.Row row : table.rows()) {
            if (row.scope() == scope && row.kind() == Kind.LIFETIME && row.name().equals(name)
                    && row.size() != null && seconds > row.size()) {
                out.add(new AuditFinding("LIFETIME_TOO_LONG", row.source().rating(), what + " lifetime " + seconds
                        + " s is longer than " + row.source().document() + " recommends (" + row.size() + " s).",
                        frames, List.of(row.source())));
            }
        }
    }

    private static void nullEncryption(Negotiation n, List<TransformRating> ratings, List<AuditFinding> out) {
        for (TransformRating r : ratings) {
            if (r.phase() == 2 && r.chosen() && "encryption".equals(r.transformType()) && "NULL".equals(r.name())) {
                out.add(new AuditFinding("NULL_ENCRYPTION", Rating.OK, "Child SA " + r.child() + " uses ENCR_NULL:"
                        + " its traffic is authenticated but not encrypted.", List.of(), r.sources()));
            }
        }
    }

    /**
     * ML-KEM as the key exchange, or IKE_INTERMEDIATE / IKE_FOLLOWUP_KE exchanges (where RFC 9370 runs its
     * additional key exchanges); the ADDKE transforms of the SA payload are not read by the session model.
     */
    private static void postQuantum(Negotiation n, List<AuditFinding> out) {
        List<String> seen = new ArrayList<>();
        IkeProposal chosen = n.phase1().chosen();
        if (n.ikeVersion() == 2 && chosen != null && chosen.dhGroup() != null
                && ML_KEM.contains((long) chosen.dhGroup())) {
            seen.add(Ikev2Registry.KE_METHOD.name(chosen.dhGroup()) + " key exchange");
        }
        for (String exchange : List.of("IKE_INTERMEDIATE", "IKE_FOLLOWUP_KE")) {
            if (!n.exchanges(exchange).isEmpty()) {
                seen.add(exchange + " exchanges (RFC 9370 additional key exchanges run there)");
            }
        }
        if (seen.isEmpty()) {
            out.add(new AuditFinding("NO_POST_QUANTUM_KE", Rating.OK, "No post-quantum key exchange (no ML-KEM"
                    + " group, no RFC 9370 additional key exchange): traffic recorded today could be decrypted by a"
                    + " future quantum computer.", List.of(), List.of()));
        } else {
            out.add(new AuditFinding("POST_QUANTUM_KE", Rating.OK, "Post-quantum key exchange: "
                    + String.join(", ", seen) + ".", List.of(), List.of()));
        }
    }
}
