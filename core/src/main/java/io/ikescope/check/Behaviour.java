package io.ikescope.check;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.diagnosis.VerdictCode;
import java.util.List;

/**
 * How one implementation negotiates, where implementations differ and the configuration does not say. Every
 * implementation chooses proposals in its own configured order when it responds (strongSwan with its default
 * charon.prefer_configured_proposals = yes, libreswan always, vendors by their policy order), so that is not here.
 */
interface Behaviour {

    /** How traffic selectors are accepted by this end when it responds, and checked when it initiates. */
    enum TsRule {
        /** Installs the intersection of what was proposed and what is configured (RFC 7296 2.9 narrowing). */
        NARROW,
        /** Accepts only selectors equal to the configured ones. */
        EXACT
    }

    Implementation implementation();

    /** The version this end starts with, for a configured 1, 2 or 0 ("either"). */
    default int initiatingVersion(int configured) {
        return configured == 0 ? 2 : configured;
    }

    /** Whether this end, responding, takes a negotiation of {@code offered} for a connection configured so. */
    default boolean acceptsVersion(int configured, int offered) {
        return configured == 0 || configured == offered;
    }

    /** Whether this end, responding with IKEv1, takes the initiator's mode (Main or Aggressive). */
    boolean acceptsIkev1Mode(boolean configuredAggressive, boolean offeredAggressive);

    /**
     * How the refusal of the mode ends: PROPOSAL_MISMATCH where the responder finds no connection for the first
     * message (checked before the proposal), AUTH_FAILED where it picks the connection with the identities
     * (checked after the proposal).
     */
    default VerdictCode ikev1ModeRefusal() {
        return VerdictCode.PROPOSAL_MISMATCH;
    }

    /**
     * The IKEv1 transforms one configured proposal stands for (IKEv1 has one algorithm of each kind per
     * transform), each as a proposal with one algorithm per kind.
     */
    List<IkeProposalConfig> ikev1Transforms(IkeProposalConfig proposal);

    TsRule tsRule(ConnectionConfig connection, int ikeVersion);

    /** Whether this end, responding with IKEv1, accepts a proposed SA lifetime longer than its own. */
    default boolean acceptsLongerIkev1Lifetime() {
        return true;
    }

    /** The most this end subtracts at random from a child's rekey time; 0 when it does not. */
    long childRekeyJitter(ChildConfig child);

    /** The same for the IKE SA. */
    long ikeRekeyJitter(ConnectionConfig connection);

    /** What this end, responding, needs beyond the files read (e.g. a strongswan.conf option), as warnings. */
    default List<CheckFinding> responderNotes(ConnectionConfig connection, int ikeVersion, boolean aggressive) {
        return List.of();
    }

    static Behaviour of(Implementation implementation) {
        return switch (implementation) {
            case STRONGSWAN -> new StrongSwanBehaviour();
            case LIBRESWAN -> new LibreswanBehaviour();
            default -> new VendorBehaviour(implementation);
        };
    }

    /** Every combination of one algorithm of each kind, in the proposal's order (encryption varies slowest). */
    static List<IkeProposalConfig> combinations(IkeProposalConfig p) {
        List<IkeProposalConfig> out = new java.util.ArrayList<>();
        List<String> integrity = p.integrity().isEmpty() ? java.util.Collections.singletonList(null) : p.integrity();
        List<String> prf = p.prf().isEmpty() ? java.util.Collections.singletonList(null) : p.prf();
        List<Integer> groups = p.dhGroups().isEmpty() ? java.util.Collections.singletonList(null) : p.dhGroups();
        for (String e : p.encryption()) {
            for (String i : integrity) {
                for (String f : prf) {
                    for (Integer g : groups) {
                        out.add(new IkeProposalConfig(List.of(e), i == null ? List.of() : List.of(i),
                                f == null ? List.of() : List.of(f), g == null ? List.of() : List.of(g), p.origin()));
                        if (out.size() >= MAX_TRANSFORMS) {
                            return out;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Bounds the expansion of one proposal (a configuration listing every algorithm of every kind). */
    int MAX_TRANSFORMS = 4096;
}
