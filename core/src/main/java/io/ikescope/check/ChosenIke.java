package io.ikescope.check;

/**
 * The IKE SA proposal the responder would choose, in the contract's names (null where the version has no such
 * transform: IKEv1 has a hash instead of PRF and integrity, AEAD ciphers no integrity).
 */
public record ChosenIke(String encryption, String integrity, String prf, String hash, Integer dhGroup) {
}
