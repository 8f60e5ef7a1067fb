package io.ikescope.check;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.diagnosis.VerdictCode;
import java.util.List;

/**
 * strongSwan 5.9 (charon), from its sources and swanctl.conf documentation (src/swanctl/swanctl.opt).
 */
final class StrongSwanBehaviour implements Behaviour {

    @Override
    public Implementation implementation() {
        return Implementation.STRONGSWAN;
    }

    /**
     * A peer config is taken only when its {@code aggressive} option equals the exchange's (phase1.c select_config,
     * {@code has_option(OPT_IKEV1_AGGRESSIVE) == aggressive}), once the identities are known: after the proposal.
     */
    @Override
    public boolean acceptsIkev1Mode(boolean configuredAggressive, boolean offeredAggressive) {
        return configuredAggressive == offeredAggressive;
    }

    /** Without a peer config main_mode.c and aggressive_mode.c send AUTHENTICATION_FAILED. */
    @Override
    public VerdictCode ikev1ModeRefusal() {
        return VerdictCode.AUTH_FAILED;
    }

    /**
     * "For IKEv1, only one algorithm per kind is allowed per proposal, more algorithms get implicitly stripped"
     * (swanctl.opt, connections.&lt;conn&gt;.proposals): the first of each kind is the transform.
     */
    @Override
    public List<IkeProposalConfig> ikev1Transforms(IkeProposalConfig p) {
        return List.of(new IkeProposalConfig(first(p.encryption()), first(p.integrity()), first(p.prf()),
                first(p.dhGroups()), p.origin()));
    }

    private static <T> List<T> first(List<T> list) {
        return list.isEmpty() ? List.of() : List.of(list.get(0));
    }

    /**
     * Narrows to the intersection with IKEv2 and, "the same way", with IKEv1 (swanctl.opt, local_ts: "The IKE
     * daemon uses traffic selector narrowing for IKEv1, the same way it is standardized and implemented for
     * IKEv2"; child_cfg.c select_traffic_selectors; quick_mode.c select_ts takes the first of the result).
     */
    @Override
    public TsRule tsRule(ConnectionConfig connection, int ikeVersion) {
        return TsRule.NARROW;
    }

    /** rand_time defaults to life_time - rekey_time (swanctl.opt, children.&lt;child&gt;.rand_time). */
    @Override
    public long childRekeyJitter(ChildConfig child) {
        if (child.rekeySeconds().value() == null || child.lifeSeconds().value() == null) {
            return 0;
        }
        return Math.max(0, child.lifeSeconds().value() - child.rekeySeconds().value());
    }

    /** rand_time defaults to over_time, 10% of rekey_time (swanctl.opt, connections.&lt;conn&gt;.rand_time). */
    @Override
    public long ikeRekeyJitter(ConnectionConfig connection) {
        Long rekey = connection.rekeySeconds().value();
        return rekey == null ? 0 : rekey / 10;
    }

    /**
     * An Aggressive Mode responder with a PSK refuses unless strongswan.conf sets
     * charon.i_dont_care_about_security_and_use_aggressive_mode_psk (aggressive_mode.c process_r, default no):
     * that file is not read, so this is a warning.
     */
    @Override
    public List<CheckFinding> responderNotes(ConnectionConfig connection, int ikeVersion, boolean aggressive) {
        String method = connection.remote().method().value();
        if (ikeVersion == 1 && aggressive && method != null && method.toUpperCase().contains("PSK")) {
            return List.of(CheckFinding.warning("AGGRESSIVE_PSK_RESPONDER", "strongSwan answers Aggressive Mode with"
                    + " a pre-shared key only when strongswan.conf sets"
                    + " charon.i_dont_care_about_security_and_use_aggressive_mode_psk = yes (default no: it sends"
                    + " AUTHENTICATION_FAILED); that file was not read"));
        }
        return List.of();
    }
}
