/**
 * Reader of Cisco IOS / IOS-XE configurations ({@code show running-config} pasted into a file):
 * {@link io.ikescope.config.cisco.CiscoIosReader}.
 *
 * <p>What becomes a connection: each {@code crypto map NAME SEQ ipsec-isakmp} entry ("NAME seq SEQ"; entries of a
 * {@code crypto dynamic-map} through the map that names it, peer "%any") with one child per {@code permit} of its
 * ACL, and each {@code interface} with {@code tunnel protection ipsec profile} (named after the interface; one
 * child, 0.0.0.0/0 or ::/0 both ways for {@code tunnel mode ipsec ipv4|ipv6}, GRE between the tunnel's endpoints
 * otherwise). IKEv2 when the map entry or IPsec profile has {@code set ikev2-profile}, IKEv1 otherwise.
 *
 * <table>
 *   <caption>What the reader understands</caption>
 *   <tr><th>Section</th><th>Read</th><th>Defaults (Cisco IOS XE 16/17, see CiscoDefaults)</th></tr>
 *   <tr><td>crypto isakmp policy N</td><td>encryption/encr des, 3des, aes [128|192|256]; hash md5, sha, sha256,
 *       sha384, sha512; authentication pre-share, rsa-sig, rsa-encr, ecdsa-sig; group; lifetime. One proposal per
 *       policy, lowest number first.</td><td>des, sha, rsa-sig, group 1, 86400 s</td></tr>
 *   <tr><td>crypto isakmp key, crypto keyring</td><td>[0|6|7] KEY address A [MASK] | hostname H; keyring
 *       pre-shared-key address A [MASK] key K. The most specific address wins.</td><td>-</td></tr>
 *   <tr><td>crypto isakmp identity / aggressive-mode disable / profile</td><td>identity address, hostname
 *       (hostname + ip domain name), dn; profile keyring, self-identity, match identity address</td>
 *       <td>identity address</td></tr>
 *   <tr><td>crypto ikev2 proposal</td><td>encryption, integrity, prf (the integrity algorithms when absent),
 *       group</td><td>proposal "default": aes-cbc-256; sha512 sha384; prf sha512 sha384; groups 19 14 21 5</td></tr>
 *   <tr><td>crypto ikev2 policy</td><td>proposal, match address local</td><td>policy "default" (any address,
 *       proposal default) when no configured policy matches</td></tr>
 *   <tr><td>crypto ikev2 keyring</td><td>peer: address A [MASK], identity, pre-shared-key [local|remote]
 *       [0|6] K</td><td>-</td></tr>
 *   <tr><td>crypto ikev2 profile</td><td>match identity remote address/fqdn [domain]/email [domain]/key-id;
 *       identity local address/fqdn/email/key-id/dn; authentication local|remote pre-share [key K] | rsa-sig |
 *       ecdsa-sig | eap; keyring local; lifetime</td><td>local identity: the local address; lifetime 86400 s</td></tr>
 *   <tr><td>crypto ipsec transform-set</td><td>esp-aes/esp-gcm/esp-gmac [128|192|256], esp-3des, esp-des,
 *       esp-null, esp-{md5,sha,sha256,sha384,sha512}-hmac, ah-...-hmac (an AH+ESP bundle keeps its ESP part);
 *       mode tunnel|transport</td><td>transform set "default": esp-aes esp-sha-hmac, transport requested; a
 *       configured set is tunnel mode. Transport only for traffic between the peers themselves.</td></tr>
 *   <tr><td>crypto ipsec profile, crypto map</td><td>set transform-set, set pfs [groupN], set ikev2-profile, set
 *       isakmp-profile, set security-association lifetime seconds; map: set peer, match address, local-address;
 *       crypto ipsec security-association lifetime seconds</td><td>no PFS ("set pfs" alone: group 1); 3600 s,
 *       rekey 30 s before; IPsec profile "default"</td></tr>
 *   <tr><td>ACLs</td><td>ip access-list extended NAME and access-list 100-199/2000-2699: permit PROTOCOL
 *       (ip, icmp, tcp, udp, gre, esp, ahp, ... or a number) any | host A | A WILDCARD, ports eq, range, gt, lt;
 *       remark; deny (warned: no selector)</td><td>-</td></tr>
 *   <tr><td>interface</td><td>ip address, crypto map, tunnel source/destination/mode/protection ipsec
 *       profile</td><td>tunnel mode gre ip</td></tr>
 * </table>
 *
 * <p>Warned and not read: any other line inside or under a crypto command (crypto pki, keepalive, dpd, match fvrf,
 * reverse-route, kilobyte lifetimes, ...), deny and remark-free ACL entries the model cannot hold (object groups,
 * neq), IPv6 keys. Errors (file and line): values that are not what the command takes, a non-contiguous wildcard
 * in a crypto ACL, a reference to a transform set, profile, keyring, proposal or ACL the file does not define.
 * Skipped without a warning: every top-level section that is not crypto, an ACL or an interface (version, service,
 * router, line, aaa, snmp-server, banners, ...) and interface commands that do not bear on IKE: none of them can
 * change a negotiation. ACLs that no crypto map uses are not converted.
 *
 * <p>Keys: a plain or type-0 key becomes a {@link io.ikescope.config.PskDigest}; a type-6 or type-7 key is "set,
 * not comparable": its digest is taken over a marker and the encrypted text, so it never equals a plain key's, and
 * a warning says so. No key text is kept, quoted in a message or shown.
 */
package io.ikescope.config.cisco;
