package io.ikescope.config;

import java.util.List;

/**
 * One configured IKE SA proposal: every algorithm of a type may be chosen with every algorithm of the others (as an
 * IKEv2 proposal, or strongSwan's "aes256-sha256-modp2048-modp3072"). Names are the contract's (as
 * {@code io.ikescope.session.AlgorithmNames} derives them from the IANA registries): "AES-CBC-256",
 * "AES-GCM-256-16", "HMAC-SHA2-256-128", "PRF-HMAC-SHA2-256"; groups are IANA numbers. IKEv1 has no separate PRF
 * and integrity: its hash is {@link #ikev1Hashes()}, derived from the PRFs.
 *
 * @param integrity empty for AEAD ciphers
 * @param origin    the line that defined it, or the default it comes from
 */
public record IkeProposalConfig(List<String> encryption, List<String> integrity, List<String> prf,
                                List<Integer> dhGroups, Origin origin) {

    public IkeProposalConfig {
        encryption = List.copyOf(encryption);
        integrity = List.copyOf(integrity);
        prf = List.copyOf(prf);
        dhGroups = List.copyOf(dhGroups);
    }

    /** The IKEv1 hash names ("SHA2-256", "SHA1", "MD5") of the PRFs: "PRF-HMAC-SHA2-256" is "SHA2-256". */
    public List<String> ikev1Hashes() {
        return prf.stream()
                .map(name -> name.startsWith("PRF-HMAC-") ? name.substring("PRF-HMAC-".length()) : name)
                .toList();
    }
}
