package io.ikescope.crypto;

import io.ikescope.wire.Bytes;

/**
 * The keys protecting one IKEv2 SA's SK payloads, as a key source gives them.
 *
 * @param spiI       initiator SPI (8 bytes), or null when the source does not name it (a charon log whose
 *                   SPI lines were cut): the decryptor then binds the keys to the SA they verify against
 * @param spiR       responder SPI, or null likewise
 * @param encryption the cipher when the source names it (Wireshark tables), else null: taken from the
 *                   IKE_SA_INIT (or rekeying CREATE_CHILD_SA) the capture shows
 * @param integrity  the integrity algorithm when the source names it, else null likewise
 * @param origin     where the keys came from, for messages ("charon.log line 120")
 */
public record Ikev2Keys(Bytes spiI, Bytes spiR, Bytes skEi, Bytes skEr, Bytes skAi, Bytes skAr,
                        EncryptionSpec encryption, IntegritySpec integrity, String origin) {
}
