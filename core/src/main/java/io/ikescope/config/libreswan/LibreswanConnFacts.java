package io.ikescope.config.libreswan;

import io.ikescope.config.Setting;

/**
 * What a libreswan conn says beyond the shared model, for the check and diagnose: whether it narrows traffic
 * selectors (IKEv2 narrowing=, default no), IKE fragmentation (yes, no, force), encapsulation as written (yes, no,
 * auto), which end of the file is this host, and whether its PFS groups are the IKE SA's (pfs=yes with no DH in
 * esp=: the child's {@code dhGroups} then list every group the IKE proposals allow, and the one used is the one the
 * IKE SA negotiated).
 *
 * @param localEnd "left" or "right"
 */
public record LibreswanConnFacts(String connection, Setting<Boolean> narrowing, Setting<String> fragmentation,
                                 Setting<String> encapsulation, Setting<Boolean> pfsFromIkeSa,
                                 Setting<String> localEnd) {
}
