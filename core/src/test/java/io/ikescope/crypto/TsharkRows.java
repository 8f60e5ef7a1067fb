package io.ikescope.crypto;

import io.ikescope.net.DecodedCapture;
import io.ikescope.net.IkeDatagram;
import io.ikescope.wire.Attribute;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.Payload;
import io.ikescope.wire.Proposal;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.Transform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Test-only: Wireshark ikev2_decryption_table rows for key sets that name no algorithms (charon logs), so that
 * tshark can check our decryption of the lab samples. The algorithms are those the capture's IKE_SA_INIT
 * response chose; for an SA made by a rekey (no IKE_SA_INIT), the AES-CBC/HMAC that the key lengths suggest, as
 * lab/verify-samples.sh guesses. Key sets whose algorithm tshark 4.0 lacks get no row.
 */
final class TsharkRows {
    private TsharkRows() {
    }

    private record Chosen(int encryption, int keyBits, int integrity) {
    }

    static String ikev2(KeyRing keys, Path capture) throws IOException {
        Map<String, Chosen> chosen = new HashMap<>();
        for (IkeDatagram d : DecodedCapture.of(capture).ike()) {
            IkeMessage m = IkeDecoder.decode(d.ike());
            if (m.ikeVersion() != 2 || m.header().exchangeType() != 34 || !m.header().response()) {
                continue;
            }
            for (Payload p : m.payloads()) {
                if (p instanceof SecurityAssociationPayload sa && !sa.proposals().isEmpty()) {
                    chosen.put(m.header().spiI().hex() + m.header().spiR().hex(), of(sa.proposals().get(0)));
                }
            }
        }
        StringBuilder rows = new StringBuilder();
        for (Ikev2Keys k : keys.ikev2()) {
            Chosen c = chosen.get(k.spiI().hex() + k.spiR().hex());
            if (c == null) {
                c = new Chosen(12, k.skEi().length() * 8, switch (k.skAi() == null ? 0 : k.skAi().length()) {
                    case 20 -> 2;
                    case 32 -> 12;
                    case 48 -> 13;
                    case 64 -> 14;
                    default -> -1;
                });
            }
            String encryption = encryptionName(c.encryption, c.keyBits);
            String integrity = integrityName(c.integrity);
            if (encryption == null || integrity == null) {
                continue;
            }
            rows.append(String.join(",", k.spiI().hex(), k.spiR().hex(), k.skEi().hex(), k.skEr().hex(),
                    "\"" + encryption + "\"", hex(k.skAi()), hex(k.skAr()), "\"" + integrity + "\"")).append('\n');
        }
        return rows.toString();
    }

    private static String hex(io.ikescope.wire.Bytes b) {
        return b == null ? "" : b.hex();
    }

    private static Chosen of(Proposal p) {
        int encryption = -1;
        int bits = 0;
        int integrity = 0;
        for (Transform t : p.transforms()) {
            if (t.type() == 1) {
                encryption = t.id();
                for (Attribute a : t.attributes()) {
                    if (a.type() == 14) {
                        bits = (int) a.numericValue();
                    }
                }
            } else if (t.type() == 3) {
                integrity = t.id();
            }
        }
        return new Chosen(encryption, bits, integrity);
    }

    private static String encryptionName(int id, int bits) {
        return switch (id) {
            case 3 -> "3DES [RFC2451]";
            case 12 -> "AES-CBC-" + bits + " [RFC3602]";
            case 13 -> "AES-CTR-" + bits + " [RFC5930]";
            case 14, 15, 16 -> "AES-CCM-" + bits + " with " + (8 + 4 * (id - 14)) + " octet ICV [RFC5282]";
            case 18, 19, 20 -> "AES-GCM-" + bits + " with " + (8 + 4 * (id - 18)) + " octet ICV [RFC5282]";
            default -> null; // Camellia, CAST, Blowfish, ChaCha20-Poly1305: not in tshark 4.0
        };
    }

    private static String integrityName(int id) {
        return switch (id) {
            case 0 -> "NONE [RFC4306]";
            case 1 -> "HMAC_MD5_96 [RFC2403]";
            case 2 -> "HMAC_SHA1_96 [RFC2404]";
            case 7 -> "HMAC_SHA1_160 [RFC4595]";
            case 12 -> "HMAC_SHA2_256_128 [RFC4868]";
            case 13 -> "HMAC_SHA2_384_192 [RFC4868]";
            case 14 -> "HMAC_SHA2_512_256 [RFC4868]";
            default -> null; // AES-XCBC-96, AES-CMAC-96: not in tshark 4.0
        };
    }
}
