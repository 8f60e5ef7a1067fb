package io.ikescope.probe.ikev1;

import io.ikescope.probe.wire.MessageWriter;
import io.ikescope.wire.IkeHeader;
import io.ikescope.wire.PayloadTypes;
import io.ikescope.wire.registry.Ikev1Registry;
import java.security.SecureRandom;
import java.util.List;

/**
 * The first message of an IKEv1 Main Mode exchange (RFC 2409 5, MM1): the SA offer and the vendor IDs of
 * {@link ProbeVendorIds}. It holds no key material, so a responder commits to nothing but a half-open SA when it
 * accepts, and to nothing at all when it refuses.
 */
public final class MainModeRequest {
    static final int IKEV1 = 0x10;
    static final int MAIN_MODE = (int) Ikev1Registry.EXCHANGE_TYPE.valueOf("Identity Protection (Main Mode)");

    private final byte[] spiI = new byte[8];
    private final Ikev1Offer offer;

    public MainModeRequest(List<Ikev1Suite> suites, SecureRandom random) {
        this.offer = new Ikev1Offer(suites);
        random.nextBytes(spiI);
    }

    public Ikev1Offer offer() {
        return offer;
    }

    public byte[] spi() {
        return spiI.clone();
    }

    public byte[] bytes() {
        MessageWriter m = new MessageWriter(spiI, new byte[8], IKEV1, MAIN_MODE, 0, 0);
        m.add(PayloadTypes.V1_SA, offer.saBody());
        ProbeVendorIds.ALL.forEach(v -> m.add(PayloadTypes.V1_VID, v));
        return m.toBytes();
    }

    /** The datagram size of an MM1 offering these suites, to keep a batch under the path's MTU. */
    static int length(List<Ikev1Suite> suites) {
        int payloadHeader = 4;
        return IkeHeader.LENGTH + payloadHeader + Ikev1Offer.headerLength()
                + suites.stream().mapToInt(Ikev1Offer::transformLength).sum() + ProbeVendorIds.length();
    }
}
