package io.ikescope.check;

import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Origin;
import io.ikescope.config.Setting;
import io.ikescope.diagnosis.VerdictCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Phase 1 as the responder would run it: the IKE version and IKEv1 mode, the proposal it selects in its own order,
 * the key exchange group (IKEv2 INVALID_KE_PAYLOAD retry), then authentication.
 */
final class Phase1Simulation {
    private final End ini;
    private final End res;
    private final List<CheckFinding> findings;

    Phase1Simulation(End ini, End res, List<CheckFinding> findings) {
        this.ini = ini;
        this.res = res;
        this.findings = findings;
    }

    PhaseResult run() {
        ConnectionConfig ic = ini.connection();
        ConnectionConfig rc = res.connection();
        // a version no file gives counts as "either" (strongSwan's default 0): IKEv2 is started, both accepted
        int configured = value(ic.ikeVersion(), 0);
        int version = ini.behaviour().initiatingVersion(configured);
        boolean aggressive = version == 1 && Boolean.TRUE.equals(ic.aggressive().value());
        String exchange = version == 2 ? "ikev2" : aggressive ? "aggressive" : "main";
        Lifetimes lifetimes = new Lifetimes(timing(ini), timing(res));
        LifetimeCheck.ike(ini, res, lifetimes, version, findings);

        int responderVersion = value(rc.ikeVersion(), 0);
        if (!res.behaviour().acceptsVersion(responderVersion, version)) {
            String why = ini.side() + " initiates IKEv" + version + " (" + ic.ikeVersion().origin() + ") but "
                    + res.side() + "'s connection runs IKEv" + responderVersion + " only (" + rc.ikeVersion().origin()
                    + "): " + res.side() + " finds no configuration for it (strongSwan answers NO_PROPOSAL_CHOSEN,"
                    + " 'no IKE config found'; others ignore the request).";
            return new PhaseResult(version, exchange, Outcome.failed(VerdictCode.PROPOSAL_MISMATCH, why,
                    List.of("ikeVersion"), List.of(
                            new Change(res.side(), rc.ikeVersion().origin(), "IKE version", "" + responderVersion,
                                    "" + version),
                            new Change(ini.side(), ic.ikeVersion().origin(), "IKE version", "" + configured,
                                    "" + responderVersion))), null, lifetimes);
        }
        Outcome modeRefused = version == 1 ? mode(aggressive) : null;
        boolean modeFirst = res.behaviour().ikev1ModeRefusal() == VerdictCode.PROPOSAL_MISMATCH;
        if (modeRefused != null && modeFirst) {
            return new PhaseResult(version, exchange, modeRefused, null, lifetimes);
        }
        findings.addAll(res.behaviour().responderNotes(rc, version, aggressive));
        ProposalOutcome proposals = version == 2 ? ikev2() : ikev1(aggressive);
        if (proposals.failure != null) {
            return new PhaseResult(version, exchange, proposals.failure, null, lifetimes);
        }
        if (modeRefused != null) {
            return new PhaseResult(version, exchange, modeRefused, proposals.chosen, lifetimes);
        }
        Outcome auth = AuthenticationCheck.check(ini, res, findings);
        if (auth != null) {
            return new PhaseResult(version, exchange, auth, proposals.chosen, lifetimes);
        }
        String explanation = res.side() + " selects " + proposals.selection.responder().text() + " ("
                + proposals.selection.responder().origin() + ") for " + ini.side() + "'s proposal ("
                + proposals.selection.initiator().origin() + "); identities and "
                + AuthenticationCheck.family(ic.local().method().value()).toLowerCase() + " authentication agree.";
        return new PhaseResult(version, exchange, Outcome.established(explanation), proposals.chosen, lifetimes);
    }

    /** Null when the responder answers the initiator's IKEv1 mode for this connection. */
    private Outcome mode(boolean aggressive) {
        ConnectionConfig ic = ini.connection();
        ConnectionConfig rc = res.connection();
        if (res.behaviour().acceptsIkev1Mode(Boolean.TRUE.equals(rc.aggressive().value()), aggressive)) {
            return null;
        }
        String mode = aggressive ? "Aggressive Mode" : "Main Mode";
        String why = ini.side() + " starts " + mode + " (" + ic.aggressive().origin() + ") but " + res.side()
                + "'s connection is for " + (aggressive ? "Main Mode" : "Aggressive Mode") + " ("
                + rc.aggressive().origin() + ")"
                + (res.behaviour().ikev1ModeRefusal() == VerdictCode.AUTH_FAILED
                ? ": " + res.side() + " finds no connection for the identities and answers AUTHENTICATION_FAILED."
                : ": " + res.side() + " finds no connection for the first message.");
        return Outcome.failed(res.behaviour().ikev1ModeRefusal(), why, List.of("exchangeMode"), List.of(
                new Change(res.side(), rc.aggressive().origin(), "aggressive mode",
                        Boolean.TRUE.equals(rc.aggressive().value()) ? "yes" : "no", aggressive ? "yes" : "no"),
                new Change(ini.side(), ic.aggressive().origin(), "aggressive mode", aggressive ? "yes" : "no",
                        aggressive ? "no" : "yes")));
    }

    private record ProposalOutcome(Proposal.Selection selection, ChosenIke chosen, Outcome failure) {
    }

    private ProposalOutcome ikev2() {
        List<Proposal> offered = ike(ini).stream().map(Proposal::ikev2).toList();
        List<Proposal> accepted = ike(res).stream().map(Proposal::ikev2).toList();
        Proposal.Selection s = Proposal.select(accepted, offered, Set.of());
        if (s == null) {
            return new ProposalOutcome(null, null, mismatch(accepted, offered, "IKE proposal"));
        }
        Integer sent = offered.isEmpty() || offered.get(0).values("dhGroup").isEmpty() ? null
                : (Integer) offered.get(0).values("dhGroup").get(0);
        Integer chosenGroup = (Integer) s.get("dhGroup");
        if (sent != null && chosenGroup != null && !sent.equals(chosenGroup)) {
            // RFC 7296 1.2: the responder answers INVALID_KE_PAYLOAD naming its group; strongSwan's ike_init.c
            // requests the group of the proposal it selected; the initiator, which offers it, starts again
            findings.add(CheckFinding.info("INVALID_KE_RETRY", ini.side() + " sends its key exchange for "
                    + GroupNames.of(sent) + " (" + offered.get(0).origin() + "), " + res.side() + " selects "
                    + GroupNames.of(chosenGroup) + " (" + s.responder().origin() + ") and answers INVALID_KE_PAYLOAD;"
                    + " " + ini.side() + " retries with " + GroupNames.of(chosenGroup) + ": established, one round"
                    + " trip later. Offering " + GroupNames.of(chosenGroup) + " first on " + ini.side()
                    + " avoids it."));
        }
        ChosenIke chosen = new ChosenIke((String) s.get("encryption"), (String) s.get("integrity"),
                (String) s.get("prf"), null, chosenGroup);
        return new ProposalOutcome(s, chosen, null);
    }

    private ProposalOutcome ikev1(boolean aggressive) {
        List<Proposal> offered = transforms(ini);
        List<Proposal> accepted = transforms(res);
        if (aggressive && !offered.isEmpty()) {
            // Aggressive Mode sends one KE in its first message: only transforms of that group can be chosen
            List<Object> first = offered.get(0).values("dhGroup");
            offered = offered.stream().filter(p -> p.values("dhGroup").equals(first)).toList();
        }
        List<Proposal> usable = offered;
        Long own = res.connection().lifeSeconds().value();
        Long proposed = ini.connection().lifeSeconds().value();
        boolean lifetimeRefused = !res.behaviour().acceptsLongerIkev1Lifetime() && own != null && proposed != null
                && proposed > own;
        if (lifetimeRefused) {
            usable = List.of();
        }
        Proposal.Selection s = Proposal.select(accepted, usable, Set.of());
        if (s == null) {
            if (lifetimeRefused && Proposal.select(accepted, offered, Set.of()) != null) {
                String why = ini.side() + " proposes a Phase 1 lifetime of " + proposed + " s ("
                        + ini.connection().lifeSeconds().origin() + "), longer than " + res.side() + "'s " + own
                        + " s (" + res.connection().lifeSeconds().origin() + "), which "
                        + res.connection().implementation().displayName() + " refuses.";
                return new ProposalOutcome(null, null, Outcome.failed(VerdictCode.PROPOSAL_MISMATCH, why,
                        List.of("lifetime"), List.of(new Change(ini.side(), ini.connection().lifeSeconds().origin(),
                                "IKE lifetime", proposed + " s", "at most " + own + " s"))));
            }
            return new ProposalOutcome(null, null, mismatch(accepted, offered, "IKE proposal"));
        }
        ChosenIke chosen = new ChosenIke((String) s.get("encryption"), null, null, (String) s.get("hash"),
                (Integer) s.get("dhGroup"));
        return new ProposalOutcome(s, chosen, null);
    }

    private static List<Proposal> transforms(End end) {
        List<Proposal> out = new ArrayList<>();
        for (IkeProposalConfig p : ike(end)) {
            for (IkeProposalConfig t : end.behaviour().ikev1Transforms(p)) {
                if (out.size() == Behaviour.MAX_TRANSFORMS) {
                    // a peer cannot send more transforms than fit in a message anyway; the rest would not be offered
                    return out;
                }
                out.add(Proposal.ikev1(t));
            }
        }
        return out;
    }

    /** No proposal matches: DH_GROUP_MISMATCH when only the group keeps them apart, else PROPOSAL_MISMATCH. */
    private Outcome mismatch(List<Proposal> accepted, List<Proposal> offered, String setting) {
        Proposal.Selection withoutGroup = Proposal.select(accepted, offered, Set.of("dhGroup"));
        boolean groupOnly = withoutGroup != null;
        Proposal.Nearest n = groupOnly ? new Proposal.Nearest(withoutGroup.responder(), withoutGroup.initiator(),
                List.of("dhGroup")) : Proposal.nearest(accepted, offered, Set.of());
        if (n == null) {
            return Outcome.failed(VerdictCode.PROPOSAL_MISMATCH, (offered.isEmpty() ? ini.side() : res.side())
                    + " has no IKE proposal configured.", List.of(), List.of());
        }
        List<String> differing = groupOnly ? List.of("dhGroup") : n.differing();
        return ProposalMismatch.outcome(groupOnly ? VerdictCode.DH_GROUP_MISMATCH : VerdictCode.PROPOSAL_MISMATCH,
                ini, res, n, differing, setting, "Phase 1");
    }

    private static List<IkeProposalConfig> ike(End end) {
        List<IkeProposalConfig> p = end.connection().ikeProposals().value();
        return p == null ? List.of() : p;
    }

    private static Timing timing(End end) {
        ConnectionConfig c = end.connection();
        return new Timing(c.rekeySeconds().value(), c.lifeSeconds().value(), end.behaviour().ikeRekeyJitter(c),
                c.rekeySeconds().origin(), c.lifeSeconds().origin());
    }

    static int value(Setting<Integer> s, int fallback) {
        return s == null || s.value() == null ? fallback : s.value();
    }

    static Origin origin(Setting<?> s) {
        return s.origin();
    }
}
