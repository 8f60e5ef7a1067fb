/**
 * Key material readers: {@link io.ikescope.crypto.keys.KeySources} turns every {@code --keys PATH} into one
 * {@link io.ikescope.crypto.KeyRing}; {@link io.ikescope.crypto.keys.WiresharkTables} writes a key ring back as
 * Wireshark's two IKE decryption tables ({@code ikescope keys}).
 *
 * <p>Decisions:
 * <ul>
 * <li>Formats, recognised by content ({@link io.ikescope.crypto.keys.KeyFileKind}): Wireshark's
 *     {@code ikev1_decryption_table}/{@code ikev2_decryption_table} (strongSwan's save-keys plugin writes the
 *     same), tcpdump IKEv2 secrets ({@code ikev2 I|R ...}, Openswan's format) and strongSwan charon logs with
 *     {@code ike} level 4 (file log or syslog; gzip too). A directory contributes the files directly in it.
 *     libreswan is not a source: pluto 4.10 keeps SK_e/SK_a and the IKEv1 encryption key inside NSS and, even
 *     with {@code plutodebug="all crypt private"}, logs only key handles (it prints SK_pi/SK_pr alone).</li>
 * <li>Algorithm names are Wireshark 4.0's, exactly ({@link io.ikescope.crypto.keys.WiresharkEncryption},
 *     {@link io.ikescope.crypto.keys.WiresharkIntegrity}); key lengths are checked as Wireshark checks them.
 *     {@code "CHACHA20-POLY1305 [RFC7634]"} is ikescope's own name (Wireshark has none); tables for Wireshark
 *     never contain it. HMAC_SHA2_256_96 carries strongSwan's private transform number 1026.</li>
 * <li>charon logs: each key set is tied to its IKE SA through the IKE SA manager lines of the same thread
 *     (see {@link io.ikescope.crypto.keys.CharonLogReader}); SPIs stay null rather than wrong, and such sets are
 *     for trial decryption. IKEv1 uses "encryption key Ka", the cipher key itself.</li>
 * <li>Merging: identical key sets (both peers' logs) become one; an IKEv2 set whose SPIs another set already
 *     holds with other keys loses its SPIs (an IKE SA's keys never change); IKEv1 sets with one cookie pair and
 *     different keys are both kept (peers whose pre-shared keys differ).</li>
 * <li>Writing tables: a charon-log set needs SPIs, and algorithms from a capture's IKE_SA_INIT
 *     ({@link io.ikescope.crypto.keys.CaptureProposals}) or from key lengths that fit one IANA pair only
 *     ({@link io.ikescope.crypto.keys.AlgorithmInference}); otherwise it is skipped with a message naming it.
 *     Tying SPI-less sets to SAs by trial decryption plugs in as another
 *     {@link io.ikescope.crypto.keys.KeySetResolver}.</li>
 * </ul>
 */
package io.ikescope.crypto.keys;
