/**
 * libreswan's ipsec.conf and ipsec.secrets ({@link io.ikescope.config.libreswan.LibreswanReader}), read as
 * libreswan 4.10 (the lab's pluto) reads them, its defaults filled in from its source (tag v4.10).
 *
 * <table>
 *   <caption>What the reader understands</caption>
 *   <tr><th>ipsec.conf</th><th>read as</th></tr>
 *   <tr><td>config setup</td><td>ikev1-policy (an IKEv1 conn with drop/reject is a warning); the rest known and
 *       ignored (logging, NSS, OCSP, DDoS, listen, ...)</td></tr>
 *   <tr><td>conn %default, conn NAME, also=, include, version</td><td>%default under every conn, the conn's own
 *       lines over it, also= sections adding what the conn lacks (a different value: error), also= targets
 *       without auto= of their own are no connection; includes with globs relative to the including file, depth
 *       10</td></tr>
 *   <tr><td>left, right</td><td>addresses as written; left is this host unless left=%any or
 *       right=%defaultroute</td></tr>
 *   <tr><td>leftid, rightid</td><td>as written; default the address when it is a literal</td></tr>
 *   <tr><td>leftsubnet, leftsubnets, leftprotoport (and right)</td><td>traffic selectors; subnets= give one child
 *       per pair, named conn/LxR; no subnet: the host's address</td></tr>
 *   <tr><td>authby, leftauth, rightauth</td><td>PSK, RSA-SIG, ECDSA, PUBKEY (rsasig,ecdsa, the IKEv2 default),
 *       NULL, NEVER, EAP-ONLY</td></tr>
 *   <tr><td>ikev2, keyexchange</td><td>IKE version (ikev2=no|never|permit: 1; yes|propose|insist|always: 2;
 *       keyexchange=ikev1|ikev2 as libreswan 5); default 2</td></tr>
 *   <tr><td>aggressive (aggrmode)</td><td>IKEv1 Aggressive Mode</td></tr>
 *   <tr><td>ike, esp (phase2alg), ah, phase2, pfs, esn</td><td>proposals in the contract's names; defaults from
 *       ike_info.c, esp_info.c, ah_info.c; pfs=yes without a DH in esp= takes the IKE SA's group</td></tr>
 *   <tr><td>ikelifetime, salifetime (keylife, lifetime), rekey, rekeymargin</td><td>lifetimes (8h, capped at
 *       24h) and the latest rekey time</td></tr>
 *   <tr><td>type, auto</td><td>mode (tunnel, transport, pass, drop) and start action (add/keep: none,
 *       ondemand/route: trap, start: start; ignore: a warning)</td></tr>
 *   <tr><td>encapsulation (forceencaps), narrowing, fragmentation</td><td>forced encapsulation; the others in
 *       {@link io.ikescope.config.libreswan.LibreswanConnFacts}</td></tr>
 *   <tr><td>everything else in keywords.c</td><td>known and ignored (DPD, retransmits, keyingtries, XAUTH,
 *       ModeConfig, marks, VTI, certificates' storage, ...); any other keyword: a warning</td></tr>
 *   <tr><td>ipsec.secrets</td><td>ID ... : PSK (quoted, 0x, 0s, 0t) matched to the conn's IDs as pluto does;
 *       include; RSA, ECDSA, XAUTH, PPKS skipped with a warning</td></tr>
 * </table>
 */
package io.ikescope.config.libreswan;
