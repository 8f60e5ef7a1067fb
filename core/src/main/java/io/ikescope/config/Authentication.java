package io.ikescope.config;

/**
 * How one end of a connection authenticates (the first round; strongSwan's further rounds are warnings).
 *
 * @param method "PSK", "RSA-SIG", "ECDSA", "PUBKEY" (any public key), "EAP-MSCHAPV2", "XAUTH-PSK", ... as the
 *               implementation's keyword means it; compared by the check
 * @param id     the identity this end uses or expects ("@responder.lab.example", "198.51.100.2", a DN); null when
 *               the implementation's default (the address) applies and the address is not known
 * @param psk    the digest of the secret that applies to this pair of identities; value null when none is configured
 */
public record Authentication(Setting<String> method, Setting<String> id, Setting<PskDigest> psk) {
}
