package io.ikescope.probe.ikev2;

import io.ikescope.probe.wire.MessageWriter;
import io.ikescope.probe.wire.WireWriter;
import io.ikescope.wire.PayloadTypes;
import io.ikescope.wire.registry.Ikev2Registry;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * One IKE_SA_INIT request (RFC 7296 1.2): SA, KE, Ni, NAT detection for the real addresses, and the notifies that
 * make a responder show what it supports in its answer (fragmentation, signature hash algorithms, redirect). The
 * SPI and nonce stay fixed, so the request can be sent again with a COOKIE in front (a responder's cookie is
 * computed over them).
 */
public final class InitRequest {
    private static final int IKEV2 = 0x20;
    private static final int FLAG_INITIATOR = 0x08;
    private static final int NONCE_LENGTH = 32;
    private static final int EXCHANGE = (int) Ikev2Registry.EXCHANGE_TYPE.valueOf("IKE_SA_INIT");
    private static final int COOKIE = notify("COOKIE");
    private static final int NAT_SOURCE = notify("NAT_DETECTION_SOURCE_IP");
    private static final int NAT_DESTINATION = notify("NAT_DETECTION_DESTINATION_IP");
    private static final int FRAGMENTATION = notify("IKEV2_FRAGMENTATION_SUPPORTED");
    private static final int SIGNATURE_HASHES = notify("SIGNATURE_HASH_ALGORITHMS");
    private static final int REDIRECT_SUPPORTED = notify("REDIRECT_SUPPORTED");
    /** RFC 7427 hash algorithms we announce, so the responder lists its own. */
    private static final String[] HASHES = {"SHA2-256", "SHA2-384", "SHA2-512", "Identity"};

    private final byte[] spiI = new byte[8];
    private final byte[] nonce = new byte[NONCE_LENGTH];
    private final Ikev2Offer offer;
    private final int keGroup;
    private final byte[] keData;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;

    public InitRequest(Ikev2Offer offer, int keGroup, byte[] keData, InetSocketAddress local,
                       InetSocketAddress remote, SecureRandom random) {
        random.nextBytes(spiI);
        random.nextBytes(nonce);
        this.offer = offer;
        this.keGroup = keGroup;
        this.keData = keData.clone();
        this.local = local;
        this.remote = remote;
    }

    private static int notify(String name) {
        return (int) Ikev2Registry.NOTIFY_TYPE.valueOf(name);
    }

    public Ikev2Offer offer() {
        return offer;
    }

    public int keGroup() {
        return keGroup;
    }

    public byte[] spi() {
        return spiI.clone();
    }

    /** The request; {@code cookie} (or null) is the responder's COOKIE data, sent first as RFC 7296 2.6 asks. */
    public byte[] bytes(byte[] cookie) {
        MessageWriter m = new MessageWriter(spiI, new byte[8], IKEV2, EXCHANGE, FLAG_INITIATOR, 0);
        if (cookie != null) {
            m.add(PayloadTypes.V2_NOTIFY, notifyBody(COOKIE, cookie));
        }
        m.add(PayloadTypes.V2_SA, offer.saBody());
        m.add(PayloadTypes.V2_KE, new WireWriter().u16(keGroup).u16(0).bytes(keData).toArray());
        m.add(PayloadTypes.V2_NONCE, nonce);
        m.add(PayloadTypes.V2_NOTIFY, notifyBody(NAT_SOURCE, natHash(local)));
        m.add(PayloadTypes.V2_NOTIFY, notifyBody(NAT_DESTINATION, natHash(remote)));
        m.add(PayloadTypes.V2_NOTIFY, notifyBody(FRAGMENTATION, new byte[0]));
        WireWriter hashes = new WireWriter();
        for (String h : HASHES) {
            hashes.u16((int) Ikev2Registry.HASH_ALGORITHM.valueOf(h));
        }
        m.add(PayloadTypes.V2_NOTIFY, notifyBody(SIGNATURE_HASHES, hashes.toArray()));
        m.add(PayloadTypes.V2_NOTIFY, notifyBody(REDIRECT_SUPPORTED, new byte[0]));
        return m.toBytes();
    }

    private static byte[] notifyBody(int type, byte[] data) {
        return new WireWriter().u8(0).u8(0).u16(type).bytes(data).toArray();
    }

    /** RFC 7296 2.23: SHA-1(SPIi | SPIr | IP | port), SPIr zero in the first message. */
    private byte[] natHash(InetSocketAddress address) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(spiI);
            sha1.update(new byte[8]);
            sha1.update(address.getAddress().getAddress());
            sha1.update(new byte[] {(byte) (address.getPort() >>> 8), (byte) address.getPort()});
            return sha1.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-1", e);
        }
    }
}
