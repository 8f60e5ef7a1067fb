package io.ikescope.check;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.IkeProposalConfig;
import java.util.List;

/**
 * A conservative model of the vendors' devices (Cisco IOS, FortiOS, Junos, RouterOS): selectors must match
 * exactly (crypto map ACLs, phase2 selectors, policies are compared as configured), the mode must be the
 * configured one, the responder goes through its own policies in order, and no rekey jitter is assumed.
 */
final class VendorBehaviour implements Behaviour {
    private final Implementation implementation;

    VendorBehaviour(Implementation implementation) {
        this.implementation = implementation;
    }

    @Override
    public Implementation implementation() {
        return implementation;
    }

    @Override
    public boolean acceptsIkev1Mode(boolean configuredAggressive, boolean offeredAggressive) {
        return configuredAggressive == offeredAggressive;
    }

    @Override
    public List<IkeProposalConfig> ikev1Transforms(IkeProposalConfig p) {
        return Behaviour.combinations(p);
    }

    @Override
    public TsRule tsRule(ConnectionConfig connection, int ikeVersion) {
        return TsRule.EXACT;
    }

    /**
     * Cisco IOS matches an ISAKMP policy only "when the remote peer's policy specifies a lifetime that is less than
     * or equal to the lifetime in the policy being compared" (Cisco IOS Security Configuration Guide, Configuring
     * Internet Key Exchange for IPsec VPNs, "How Do IKE Peers Agree upon a Matching Policy?").
     */
    @Override
    public boolean acceptsLongerIkev1Lifetime() {
        return implementation != Implementation.CISCO_IOS;
    }

    @Override
    public long childRekeyJitter(ChildConfig child) {
        return 0;
    }

    @Override
    public long ikeRekeyJitter(ConnectionConfig connection) {
        return 0;
    }
}
