package io.ikescope.crypto;

import io.ikescope.wire.Bytes;

/**
 * The key protecting one IKEv1 (ISAKMP) SA's encrypted messages: the cipher key derived from SKEYID_e
 * (strongSwan logs it as "encryption key Ka"; Wireshark's ikev1_decryption_table holds the same value).
 *
 * @param cookieI       initiator cookie (8 bytes), or null when the source does not name it
 * @param cookieR       responder cookie, or null (Wireshark's table keys on the initiator cookie alone)
 * @param encryptionKey the cipher key, already cut or expanded to the negotiated key length
 * @param origin        where the key came from, for messages
 */
public record Ikev1Keys(Bytes cookieI, Bytes cookieR, Bytes encryptionKey, String origin) {
}
