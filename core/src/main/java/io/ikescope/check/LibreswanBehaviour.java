package io.ikescope.check;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.IkeProposalConfig;
import java.util.List;

/** libreswan 4.x (pluto), from its ipsec.conf(5) sources (configs/d.ipsec.conf/conn/*.xml) and programs/pluto. */
final class LibreswanBehaviour implements Behaviour {

    /** rekeymargin = 9m, rekeyfuzz = 100% (ipsec.conf(5) rekeymargin, rekeyfuzz): up to 9 more minutes early. */
    static final long REKEY_FUZZ_SECONDS = 540;

    @Override
    public Implementation implementation() {
        return Implementation.LIBRESWAN;
    }

    /** A connection is either Main Mode or Aggressive Mode (ipsec.conf(5) aggressive=, default no). */
    @Override
    public boolean acceptsIkev1Mode(boolean configuredAggressive, boolean offeredAggressive) {
        return configuredAggressive == offeredAggressive;
    }

    /** ike= lists are expanded into every combination, in order (ipsec.conf(5) ike=). */
    @Override
    public List<IkeProposalConfig> ikev1Transforms(IkeProposalConfig p) {
        return Behaviour.combinations(p);
    }

    /**
     * narrowing=no is the default ("no narrowing will be proposed or accepted", configs/d.ipsec.conf/conn/
     * narrowing.xml; programs/pluto/ikev2_ts.c uses END_EQUALS_TS then) and narrowing is ignored for IKEv1.
     * The model carries no narrowing flag, so libreswan is taken at its default: exact selectors.
     */
    @Override
    public TsRule tsRule(ConnectionConfig connection, int ikeVersion) {
        return TsRule.EXACT;
    }

    @Override
    public long childRekeyJitter(ChildConfig child) {
        return child.rekeySeconds().value() == null ? 0 : REKEY_FUZZ_SECONDS;
    }

    @Override
    public long ikeRekeyJitter(ConnectionConfig connection) {
        return connection.rekeySeconds().value() == null ? 0 : REKEY_FUZZ_SECONDS;
    }
}
