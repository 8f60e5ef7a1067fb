package io.ikescope.session;

/**
 * One IKE SA (Phase 1) algorithm combination. IKEv1: one transform. IKEv2: one choice per transform type of one
 * proposal (a proposal listing several algorithms of a type gives several entries). Unknown values are null.
 *
 * @param proposal        the proposal number on the wire
 * @param hash            IKEv1 hash algorithm; null for IKEv2
 * @param prf             IKEv2 PRF; IKEv1 PRF attribute (rare)
 * @param integrity       IKEv2 integrity; null for IKEv1 and AEAD ciphers
 * @param authMethod      IKEv1 authentication method from the SA; IKEv2: from the AUTH payload when decrypted
 * @param lifetimeSeconds IKEv1 life duration in seconds; null for IKEv2
 */
public record IkeProposal(int proposal, String encryption, String hash, String prf, String integrity, Integer dhGroup,
                          String authMethod, Long lifetimeSeconds) {

    public IkeProposal withAuthMethod(String method) {
        return new IkeProposal(proposal, encryption, hash, prf, integrity, dhGroup, method, lifetimeSeconds);
    }
}
