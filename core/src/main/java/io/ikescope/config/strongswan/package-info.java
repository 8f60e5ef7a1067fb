/**
 * strongSwan's two configuration formats, defaults of strongSwan 5.9 (the lab's daemons; sources cited per class
 * from the 5.9.8 tree of strongswan/strongswan).
 *
 * <p>{@link io.ikescope.config.strongswan.SwanctlReader}: swanctl.conf, a file or an /etc/swanctl directory.
 * <ul>
 *   <li>Syntax: sections, {@code key = value}, quoted strings, comments, {@code include} globs (relative to the
 *       including file, at most 10 deep, 256 files, 1 MiB each), {@code name : ref { }} inheritance; a later value
 *       replaces an earlier one.</li>
 *   <li>Read: connections.NAME version, local_addrs, remote_addrs, proposals (with {@code default}), aggressive,
 *       encap, rekey_time, reauth_time, over_time; local* / remote* rounds (auth, id, round; the first round is
 *       used, a second xauth round makes XAUTH-method, other rounds are warnings); children.NAME local_ts,
 *       remote_ts, esp_proposals, ah_proposals, mode, start_action, rekey_time, life_time; secrets.ike* (id*,
 *       secret, 0x/0s decoded) matched to each connection's IDs.</li>
 *   <li>Known, not modelled (a warning each): certs, cacerts, pubkeys, fragmentation, childless, mobike, vips,
 *       pools, send_cert, ports, ipcomp, byte/packet lifetimes, labels, PPK, mediation, strongSwan 6 additional
 *       key exchanges (ke1_...).</li>
 *   <li>Known, local only (no warning, they do not change what is negotiated): updown, policies, marks,
 *       interfaces, if_ids, DPD timing, replay window, priorities, hw_offload and the like; the pools and
 *       authorities sections; EAP/XAuth/NTLM passwords and private key secrets.</li>
 * </ul>
 *
 * <p>{@link io.ikescope.config.strongswan.IpsecConfReader}: the legacy ipsec.conf with ipsec.secrets.
 * <ul>
 *   <li>Read: conn %default, conn NAME with also=, left, right, leftid, rightid, leftsubnet, rightsubnet,
 *       leftprotoport, rightprotoport, leftauth, rightauth, leftauth2/rightauth2 (xauth), authby, keyexchange,
 *       aggressive, ike, esp, ah (a trailing '!' is strict, else strongSwan's defaults are appended),
 *       ikelifetime, lifetime/keylife, rekeymargin/margintime, rekey, forceencaps, auto, type (one child per
 *       conn, named after it); ipsec.secrets PSK lines with IDs and include.</li>
 *   <li>Ignored: config setup and ca sections (daemon settings, certificate authorities); RSA/ECDSA/EAP/XAUTH
 *       secret lines (their passphrases are never read); pfs=, pfsgroup= and other keywords strongSwan 5
 *       removed (a warning: PFS is a DH group in esp=).</li>
 *   <li>Not supported: quoted values continued over lines with a trailing backslash (an error), the local end
 *       chosen by address (left is taken as the local end, strongSwan's convention).</li>
 * </ul>
 *
 * <p>Algorithm names are the contract's, from the IANA numbers behind strongSwan's keyword table
 * ({@link io.ikescope.config.strongswan.StrongswanAlgorithms}); IKEv1 connections get IKEv1's names ("3DES-CBC"
 * in Phase 1, "CAMELLIA-128" in Quick Mode), as their captures show them. Identities are written one way for all
 * readers: an FQDN as "@host", addresses as literals, e-mail addresses and DNs as written.
 */
package io.ikescope.config.strongswan;
