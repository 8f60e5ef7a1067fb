package io.ikescope.crypto.keys;

import io.ikescope.capture.CaptureReader;
import io.ikescope.capture.Captures;
import io.ikescope.crypto.EncryptionSpec;
import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.crypto.IntegritySpec;
import io.ikescope.net.CaptureScan;
import io.ikescope.net.DecoderOptions;
import io.ikescope.net.IkeDatagram;
import io.ikescope.net.PacketSink;
import io.ikescope.wire.Attribute;
import io.ikescope.wire.Bytes;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeHeader;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.Payload;
import io.ikescope.wire.Proposal;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.Transform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The IKE SA algorithms a capture shows in cleartext: the proposal each IKEv2 IKE_SA_INIT response chose, by
 * SPI pair. As a {@link KeySetResolver} it fills in the algorithms of key sets whose SPIs are known and whose
 * source names no algorithms (charon logs). An IKE SA made by a rekey chose its proposal inside an encrypted
 * CREATE_CHILD_SA, so it is not found here; key sets without SPIs are left as they are (tying them to an SA
 * takes trial decryption).
 */
public final class CaptureProposals implements KeySetResolver {
    private static final int IKE_SA_INIT = 34;
    private static final int TRANSFORM_ENCRYPTION = 1;
    private static final int TRANSFORM_INTEGRITY = 3;
    private static final int ATTRIBUTE_KEY_LENGTH = 14;

    /** The chosen encryption and integrity (NONE with an AEAD cipher). */
    public record Chosen(EncryptionSpec encryption, IntegritySpec integrity) {
    }

    private final Map<String, Chosen> bySpis;

    private CaptureProposals(Map<String, Chosen> bySpis) {
        this.bySpis = Map.copyOf(bySpis);
    }

    /** Reads the captures; their warnings go to {@code warnings}. */
    public static CaptureProposals read(List<Path> captures, DecoderOptions options, Consumer<String> warnings)
            throws IOException {
        Map<String, Chosen> bySpis = new HashMap<>();
        for (Path capture : captures) {
            PacketSink sink = new PacketSink() {
                @Override
                public void onIke(IkeDatagram datagram) {
                    chosen(IkeDecoder.decode(datagram.ike()), bySpis);
                }

                @Override
                public void onWarning(String warning) {
                    warnings.accept(capture + ": " + warning);
                }
            };
            try (CaptureReader reader = Captures.open(capture)) {
                CaptureScan.run(reader, options, sink);
            }
        }
        return new CaptureProposals(bySpis);
    }

    /** The proposal chosen for the IKE SA with these SPIs, or null when the captures do not show it. */
    public Chosen chosen(Bytes spiI, Bytes spiR) {
        return bySpis.get(key(spiI, spiR));
    }

    public int size() {
        return bySpis.size();
    }

    @Override
    public Ikev2Keys resolve(Ikev2Keys keys) {
        if (keys.spiI() == null || keys.spiR() == null || keys.encryption() != null && keys.integrity() != null) {
            return keys;
        }
        Chosen chosen = chosen(keys.spiI(), keys.spiR());
        if (chosen == null) {
            return keys;
        }
        return new Ikev2Keys(keys.spiI(), keys.spiR(), keys.skEi(), keys.skEr(), keys.skAi(), keys.skAr(),
                keys.encryption() != null ? keys.encryption() : chosen.encryption(),
                keys.integrity() != null ? keys.integrity() : chosen.integrity(), keys.origin());
    }

    private static void chosen(IkeMessage message, Map<String, Chosen> bySpis) {
        IkeHeader h = message.header();
        if (message.ikeVersion() != 2 || h.exchangeType() != IKE_SA_INIT || !h.response()
                || isZero(h.spiR())) {
            return;
        }
        for (Payload p : message.payloads()) {
            if (p instanceof SecurityAssociationPayload sa && sa.proposals().size() == 1) {
                Chosen chosen = chosen(sa.proposals().get(0));
                if (chosen != null) {
                    bySpis.putIfAbsent(key(h.spiI(), h.spiR()), chosen);
                }
            }
        }
    }

    /** The one encryption and at most one integrity transform of a chosen proposal, or null. */
    private static Chosen chosen(Proposal proposal) {
        EncryptionSpec encryption = null;
        IntegritySpec integrity = null;
        for (Transform t : proposal.transforms()) {
            if (t.type() != null && t.type() == TRANSFORM_ENCRYPTION) {
                if (encryption != null) {
                    return null;
                }
                encryption = new EncryptionSpec(t.id(), keyBits(t));
            } else if (t.type() != null && t.type() == TRANSFORM_INTEGRITY) {
                if (integrity != null) {
                    return null;
                }
                integrity = integrity(t.id());
            }
        }
        if (encryption == null) {
            return null;
        }
        return new Chosen(encryption, integrity != null ? integrity : WiresharkIntegrity.NONE.spec());
    }

    private static int keyBits(Transform t) {
        for (Attribute a : t.attributes()) {
            if (a.type() == ATTRIBUTE_KEY_LENGTH) {
                return (int) Math.max(0, Math.min(a.numericValue(), 65535));
            }
        }
        return 0;
    }

    /** IANA IKEv2 integrity transform with its checksum length (RFC 7296, 4595, 4868, 4494). */
    private static IntegritySpec integrity(int id) {
        int icv = switch (id) {
            case 1, 2, 5, 8 -> 12;  // HMAC-MD5-96, HMAC-SHA1-96, AES-XCBC-96, AES-CMAC-96
            case 6, 12 -> 16;       // HMAC-MD5-128, HMAC-SHA2-256-128
            case 7 -> 20;           // HMAC-SHA1-160
            case 13 -> 24;          // HMAC-SHA2-384-192
            case 14 -> 32;          // HMAC-SHA2-512-256
            default -> 0;
        };
        return new IntegritySpec(id, icv, true);
    }

    private static boolean isZero(Bytes bytes) {
        for (int i = 0; i < bytes.length(); i++) {
            if (bytes.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static String key(Bytes spiI, Bytes spiR) {
        return spiI.hex() + "_" + spiR.hex();
    }
}
