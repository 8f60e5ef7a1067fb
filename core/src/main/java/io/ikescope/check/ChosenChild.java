package io.ikescope.check;

/**
 * The ESP/AH proposal the responder would choose.
 *
 * @param dhGroup the PFS group used by this exchange, null when it has no key exchange
 */
public record ChosenChild(String protocol, String encryption, String integrity, Integer dhGroup, Boolean esn) {
}
