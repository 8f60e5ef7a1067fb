package io.ikescope.check;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.Origin;
import io.ikescope.config.TrafficSelectorConfig;
import io.ikescope.diagnosis.VerdictCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The children of an established Phase 1, in the initiator's order: which responder child takes each one's traffic
 * selectors (by selectors, as strongSwan's peer_cfg select_child_cfg does, not by name), the ESP/AH proposal and
 * PFS, and for an IKEv2 child made in IKE_AUTH the PFS check its first rekey will make.
 */
final class ChildSimulation {
    private final End ini;
    private final End res;
    private final int version;
    private final List<CheckFinding> findings;

    ChildSimulation(End ini, End res, int version, List<CheckFinding> findings) {
        this.ini = ini;
        this.res = res;
        this.version = version;
        this.findings = findings;
    }

    List<ChildResult> run() {
        List<ChildResult> out = new ArrayList<>();
        List<ChildConfig> children = ini.connection().children();
        for (int i = 0; i < children.size(); i++) {
            // IKEv2 makes the first child in IKE_AUTH (RFC 7296 1.2), every further one with CREATE_CHILD_SA
            String exchange = version == 1 ? "QUICK_MODE" : i == 0 ? "IKE_AUTH" : "CREATE_CHILD_SA";
            out.add(child(children.get(i), exchange));
        }
        List<ChildResult> up = out.stream().filter(c -> c.outcome().established()).toList();
        List<ChildResult> down = out.stream().filter(c -> !c.outcome().established()).toList();
        if (!up.isEmpty() && !down.isEmpty()) {
            findings.add(CheckFinding.warning("HALF_UP", "half up: " + names(up) + " established, "
                    + String.join(", ", down.stream().map(c -> c.initiatorChild() + " refused ("
                    + c.outcome().code() + ", selectors " + String.join(" ", c.trafficSelectors().proposedInitiator())
                    + " === " + String.join(" ", c.trafficSelectors().proposedResponder()) + ")").toList())));
        }
        return out;
    }

    private static String names(List<ChildResult> children) {
        return String.join(", ", children.stream().map(ChildResult::initiatorChild).toList());
    }

    private ChildResult child(ChildConfig mine, String exchange) {
        List<Selectors.Range> tsi = proposed(mine.localTs().value(), ini.address(res));
        List<Selectors.Range> tsr = proposed(mine.remoteTs().value(), res.address(ini));
        Match match = null;
        for (ChildConfig theirs : res.connection().children()) {
            match = fit(tsi, tsr, theirs);
            if (match != null) {
                break;
            }
        }
        if (match == null) {
            TrafficResult ts = new TrafficResult(Selectors.texts(tsi), Selectors.texts(tsr), List.of(), List.of(),
                    false);
            return new ChildResult(mine.name(), null, exchange, tsRefused(mine, tsi, tsr), null, ts, null,
                    lifetimes(mine, null));
        }
        ChildConfig theirs = match.child;
        boolean narrowed = !Selectors.sameSet(match.tsi, tsi) || !Selectors.sameSet(match.tsr, tsr);
        TrafficResult ts = new TrafficResult(Selectors.texts(tsi), Selectors.texts(tsr), Selectors.texts(match.tsi),
                Selectors.texts(match.tsr), narrowed);
        Lifetimes lifetimes = lifetimes(mine, theirs);
        LifetimeCheck.child("child " + mine.name() + "/" + theirs.name(), ini, res, lifetimes, version, findings);
        if (narrowed && ini.behaviour().tsRule(ini.connection(), version) == Behaviour.TsRule.EXACT) {
            String why = res.side() + " narrows the selectors to " + String.join(" ", ts.installedInitiator())
                    + " === " + String.join(" ", ts.installedResponder()) + " but " + ini.side() + " ("
                    + ini.connection().implementation().displayName() + ") accepts only the selectors it proposed.";
            return new ChildResult(mine.name(), theirs.name(), exchange, Outcome.failed(VerdictCode.TS_MISMATCH, why,
                    List.of("trafficSelectors"), tsChanges(mine, theirs, tsi, tsr)), null, ts, null, lifetimes);
        }
        if (narrowed) {
            findings.add(CheckFinding.info("TS_NARROWED", "child " + mine.name() + ": " + res.side() + " narrows "
                    + String.join(" ", ts.proposedInitiator()) + " === " + String.join(" ", ts.proposedResponder())
                    + " to " + String.join(" ", ts.installedInitiator()) + " === "
                    + String.join(" ", ts.installedResponder()) + " (" + theirs.origin() + ")"));
        }
        Outcome modeRefused = mode(mine, theirs);
        if (modeRefused != null) {
            return new ChildResult(mine.name(), theirs.name(), exchange, modeRefused, null, ts, null, lifetimes);
        }
        boolean pfsNow = !exchange.equals("IKE_AUTH");
        List<Proposal> offered = proposals(mine, pfsNow);
        List<Proposal> accepted = proposals(theirs, pfsNow);
        Proposal.Selection s = Proposal.select(accepted, offered, Set.of());
        if (s == null) {
            return new ChildResult(mine.name(), theirs.name(), exchange, refused(accepted, offered, pfsNow, exchange),
                    null, ts, null, lifetimes);
        }
        Integer group = pfsNow ? (Integer) s.get("pfsGroup") : null;
        ChosenChild chosen = new ChosenChild((String) s.get("protocol"), (String) s.get("encryption"),
                (String) s.get("integrity"), group == null || group == Proposal.NO_GROUP ? null : group,
                (Boolean) s.get("esn"));
        LatentFailure latent = pfsNow ? null : rekey(mine, theirs, lifetimes);
        String explanation = exchange + ": " + res.side() + "'s child " + theirs.name() + " (" + theirs.origin()
                + ") takes " + String.join(" ", ts.installedInitiator()) + " === "
                + String.join(" ", ts.installedResponder()) + " with " + s.responder().text() + ".";
        return new ChildResult(mine.name(), theirs.name(), exchange, Outcome.established(explanation), chosen, ts,
                latent, lifetimes);
    }

    /**
     * Tunnel against transport mode. IKEv1 carries the mode in the Quick Mode proposal and strongSwan's responder
     * refuses a child of another mode with INVALID_ID_INFORMATION (quick_mode.c process_r), which the wire shows as
     * a selector refusal; with IKEv2 a responder without transport mode ignores USE_TRANSPORT_MODE and answers in
     * tunnel mode, which the initiator accepts (child_create.c check_mode): a warning.
     */
    private Outcome mode(ChildConfig mine, ChildConfig theirs) {
        String a = mine.mode() == null ? null : mine.mode().value();
        String b = theirs.mode() == null ? null : theirs.mode().value();
        if (a == null || b == null || a.equalsIgnoreCase(b)) {
            return null;
        }
        if (version == 2) {
            findings.add(CheckFinding.warning("MODE_DIFFERS", "child " + mine.name() + ": " + ini.side() + " wants "
                    + a + " mode (" + mine.mode().origin() + "), " + res.side() + " " + b + " mode ("
                    + theirs.mode().origin() + "): the child is made in tunnel mode"));
            return null;
        }
        String why = ini.side() + "'s child " + mine.name() + " proposes " + a + " mode (" + mine.mode().origin()
                + ") but " + res.side() + "'s child " + theirs.name() + " is " + b + " mode (" + theirs.mode().origin()
                + "): " + res.side() + " answers INVALID_ID_INFORMATION, as for selectors it does not take.";
        return Outcome.failed(VerdictCode.TS_MISMATCH, why, List.of("mode"), List.of(
                new Change(res.side(), theirs.mode().origin(), "mode", b, a),
                new Change(ini.side(), mine.mode().origin(), "mode", a, b)));
    }

    private record Match(ChildConfig child, List<Selectors.Range> tsi, List<Selectors.Range> tsr) {
    }

    /** The selectors the responder's child would install for the proposal, or null when it takes none. */
    private Match fit(List<Selectors.Range> tsi, List<Selectors.Range> tsr, ChildConfig theirs) {
        List<Selectors.Range> remote = proposed(theirs.remoteTs().value(), ini.address(res));
        List<Selectors.Range> local = proposed(theirs.localTs().value(), res.address(ini));
        if (res.behaviour().tsRule(res.connection(), version) == Behaviour.TsRule.EXACT) {
            return Selectors.sameSet(tsi, remote) && Selectors.sameSet(tsr, local) ? new Match(theirs, tsi, tsr)
                    : null;
        }
        List<Selectors.Range> i = Selectors.intersect(tsi, remote);
        List<Selectors.Range> r = Selectors.intersect(tsr, local);
        if (i.isEmpty() || r.isEmpty()) {
            return null;
        }
        if (version == 1) {
            // IKEv1 has one selector pair per Quick Mode: strongSwan's quick_mode.c select_ts takes the first
            i = List.of(i.get(0));
            r = List.of(r.get(0));
        }
        return new Match(theirs, i, r);
    }

    /** The selectors an end proposes; IKEv1 carries only the first of each side (swanctl.opt, local_ts). */
    private List<Selectors.Range> proposed(List<TrafficSelectorConfig> ts, String address) {
        List<Selectors.Range> all = Selectors.resolve(ts, address);
        return version == 1 && all.size() > 1 ? List.of(all.get(0)) : all;
    }

    private Outcome tsRefused(ChildConfig mine, List<Selectors.Range> tsi, List<Selectors.Range> tsr) {
        ChildConfig nearest = res.connection().children().stream().filter(c -> c.name().equals(mine.name()))
                .findFirst().orElse(res.connection().children().isEmpty() ? null : res.connection().children().get(0));
        String proposal = String.join(" ", Selectors.texts(tsi)) + " === " + String.join(" ", Selectors.texts(tsr));
        if (nearest == null) {
            return Outcome.failed(VerdictCode.TS_MISMATCH, res.side() + "'s connection " + res.name()
                    + " has no child for " + proposal + ".", List.of("trafficSelectors"), List.of());
        }
        String rule = res.behaviour().tsRule(res.connection(), version) == Behaviour.TsRule.EXACT
                ? " (" + res.connection().implementation().displayName() + " accepts only equal selectors)" : "";
        String why = ini.side() + "'s child " + mine.name() + " proposes " + proposal + "; no child of " + res.side()
                + " covers it" + rule + ": nearest " + nearest.name() + " has local "
                + texts(nearest.localTs().value()) + " (" + nearest.localTs().origin() + "), remote "
                + texts(nearest.remoteTs().value()) + " (" + nearest.remoteTs().origin() + ").";
        return Outcome.failed(VerdictCode.TS_MISMATCH, why, List.of("trafficSelectors"),
                tsChanges(mine, nearest, tsi, tsr));
    }

    private List<Change> tsChanges(ChildConfig mine, ChildConfig theirs, List<Selectors.Range> tsi,
                                   List<Selectors.Range> tsr) {
        List<Change> all = List.of(
                new Change(res.side(), theirs.localTs().origin(), "local traffic selectors",
                        texts(theirs.localTs().value()), String.join(" ", Selectors.texts(tsr))),
                new Change(res.side(), theirs.remoteTs().origin(), "remote traffic selectors",
                        texts(theirs.remoteTs().value()), String.join(" ", Selectors.texts(tsi))),
                new Change(ini.side(), mine.localTs().origin(), "local traffic selectors (instead)",
                        texts(mine.localTs().value()), texts(theirs.remoteTs().value())),
                new Change(ini.side(), mine.remoteTs().origin(), "remote traffic selectors (instead)",
                        texts(mine.remoteTs().value()), texts(theirs.localTs().value())));
        return all.stream().filter(c -> !c.now().equals(c.to())).toList();
    }

    private static String texts(List<TrafficSelectorConfig> ts) {
        return ts == null || ts.isEmpty() ? "none" : String.join(" ", ts.stream().map(TrafficSelectorConfig::text)
                .toList());
    }

    private Outcome refused(List<Proposal> accepted, List<Proposal> offered, boolean pfs, String exchange) {
        String phase = "child (" + exchange + ")";
        Proposal.Selection withoutPfs = pfs ? Proposal.select(accepted, offered, Set.of("pfsGroup")) : null;
        if (withoutPfs != null) {
            Proposal.Nearest n = new Proposal.Nearest(withoutPfs.responder(), withoutPfs.initiator(),
                    List.of("pfsGroup"));
            return ProposalMismatch.outcome(VerdictCode.PFS_MISMATCH, ini, res, n, List.of("pfsGroup"),
                    "ESP proposal", phase);
        }
        Proposal.Nearest n = Proposal.nearest(accepted, offered, Set.of());
        if (n == null) {
            return Outcome.failed(VerdictCode.PROPOSAL_MISMATCH, "no ESP/AH proposal on "
                    + (offered.isEmpty() ? ini.side() : res.side()) + ".", List.of(), List.of());
        }
        return ProposalMismatch.outcome(VerdictCode.PROPOSAL_MISMATCH, ini, res, n, n.differing(), "ESP proposal",
                phase);
    }

    /**
     * The child made in IKE_AUTH has no KE (strongSwan drops the groups there, swanctl.opt esp_proposals: "A
     * proposal mismatch might, therefore, not immediately be noticed ... but may later cause rekeying to fail").
     * Whichever end rekeys first sends a CREATE_CHILD_SA with its groups; the other selects.
     */
    private LatentFailure rekey(ChildConfig mine, ChildConfig theirs, Lifetimes lifetimes) {
        List<Proposal> a = proposals(mine, true);
        List<Proposal> b = proposals(theirs, true);
        boolean iniRekeys = Proposal.select(b, a, Set.of()) != null;
        boolean resRekeys = Proposal.select(a, b, Set.of()) != null;
        if (iniRekeys && resRekeys) {
            return null;
        }
        Timing first = earlier(lifetimes.initiator(), lifetimes.responder());
        if (first == null) {
            findings.add(CheckFinding.warning("PFS_DIFFERS_NO_REKEY", "child " + mine.name() + ": the PFS groups"
                    + " differ, which would fail a rekey, but neither end rekeys it"));
            return null;
        }
        // the pair that matched in IKE_AUTH is the one the rekey offers again, now with its groups
        Proposal.Selection now = Proposal.select(b, a, Set.of("pfsGroup"));
        Proposal.Nearest pair = now == null ? Proposal.nearest(b, a, Set.of())
                : new Proposal.Nearest(now.responder(), now.initiator(), List.of("pfsGroup"));
        Outcome o = ProposalMismatch.outcome(VerdictCode.PFS_MISMATCH, ini, res, pair, List.of("pfsGroup"),
                "ESP proposal", "first rekey (CREATE_CHILD_SA)");
        long earliest = first.earliestRekey();
        long latest = Math.min(value(lifetimes.initiator().rekeySeconds()),
                value(lifetimes.responder().rekeySeconds()));
        String why = "Established now: the child made in IKE_AUTH carries no key exchange. Its first rekey"
                + " (CREATE_CHILD_SA with a KE payload), between " + earliest + " s and " + latest + " s after it is"
                + " made (" + first.rekeyOrigin() + "), fails: " + o.explanation();
        return new LatentFailure(VerdictCode.PFS_MISMATCH, "first CREATE_CHILD_SA rekey", earliest, latest,
                first.rekeyOrigin(), why, o.changes());
    }

    private static long value(Long v) {
        return v == null ? Long.MAX_VALUE : v;
    }

    private static Timing earlier(Timing a, Timing b) {
        if (a.rekeySeconds() == null) {
            return b.rekeySeconds() == null ? null : b;
        }
        if (b.rekeySeconds() == null) {
            return a;
        }
        return a.earliestRekey() <= b.earliestRekey() ? a : b;
    }

    private static List<Proposal> proposals(ChildConfig child, boolean pfs) {
        List<ChildProposalConfig> p = child.proposals().value();
        return p == null ? List.of() : p.stream().map(c -> Proposal.child(c, pfs)).toList();
    }

    private Lifetimes lifetimes(ChildConfig mine, ChildConfig theirs) {
        return new Lifetimes(timing(ini, mine), theirs == null ? null : timing(res, theirs));
    }

    private static Timing timing(End end, ChildConfig c) {
        Origin rekey = c.rekeySeconds().origin();
        return new Timing(c.rekeySeconds().value(), c.lifeSeconds().value(), end.behaviour().childRekeyJitter(c),
                rekey, c.lifeSeconds().origin());
    }
}
