package io.ikescope.config;

import java.util.List;

/**
 * One configured ESP or AH proposal, names as in {@link IkeProposalConfig}. {@code dhGroups} are the PFS groups:
 * IKEv1 uses them in Quick Mode; IKEv2 not in IKE_AUTH's first child (which has no KE payload) but in every
 * CREATE_CHILD_SA, so a mismatch there shows only at the first rekey.
 *
 * @param protocol "ESP" or "AH"
 * @param dhGroups empty: no PFS
 * @param esn      the ESN choices offered (true, false or both); empty when the implementation's default applies
 */
public record ChildProposalConfig(String protocol, List<String> encryption, List<String> integrity,
                                  List<Integer> dhGroups, List<Boolean> esn, Origin origin) {

    public ChildProposalConfig {
        encryption = List.copyOf(encryption);
        integrity = List.copyOf(integrity);
        dhGroups = List.copyOf(dhGroups);
        esn = List.copyOf(esn);
    }

    public boolean hasPfs() {
        return !dhGroups.isEmpty();
    }
}
