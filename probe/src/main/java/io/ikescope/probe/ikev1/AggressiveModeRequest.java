package io.ikescope.probe.ikev1;

import io.ikescope.probe.wire.MessageWriter;
import io.ikescope.probe.wire.WireWriter;
import io.ikescope.wire.PayloadTypes;
import io.ikescope.wire.registry.Ikev1Registry;
import java.net.InetAddress;
import java.net.Inet4Address;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The first message of an IKEv1 Aggressive Mode exchange (RFC 2409 5, AM1): SA, KE, Ni, IDii and the vendor IDs.
 * Every offered suite must share the KE payload's group. The ID is an IPv4 or IPv6 literal, a user@fqdn
 * (USER_FQDN) or else an FQDN: a responder with Aggressive Mode for remote-access groups picks its
 * pre-shared key by it.
 */
public final class AggressiveModeRequest {
    static final int AGGRESSIVE = (int) Ikev1Registry.EXCHANGE_TYPE.valueOf("Aggressive");
    private static final int NONCE_LENGTH = 32;
    private static final int ID_IPV4 = idType("IPV4_ADDR");
    private static final int ID_IPV6 = idType("IPV6_ADDR");
    private static final int ID_FQDN = idType("FQDN");
    private static final int ID_USER_FQDN = idType("USER_FQDN");
    /** Only these are taken for address literals: InetAddress would otherwise resolve a name. */
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] spiI = new byte[8];
    private final byte[] nonce = new byte[NONCE_LENGTH];
    private final Ikev1Offer offer;
    private final byte[] keData;
    private final int idType;
    private final byte[] idData;

    public AggressiveModeRequest(List<Ikev1Suite> suites, byte[] keData, String id, SecureRandom random) {
        this.offer = new Ikev1Offer(suites);
        if (suites.stream().map(Ikev1Suite::group).distinct().count() != 1) {
            throw new IllegalArgumentException("an Aggressive Mode offer holds one group (its KE payload's)");
        }
        this.keData = keData.clone();
        random.nextBytes(spiI);
        random.nextBytes(nonce);
        InetAddress address = literal(id);
        if (address != null) {
            idType = address instanceof Inet4Address ? ID_IPV4 : ID_IPV6;
            idData = address.getAddress();
        } else {
            idType = id.indexOf('@') > 0 ? ID_USER_FQDN : ID_FQDN;
            idData = id.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static int idType(String name) {
        return (int) Ikev1Registry.ID_TYPE.valueOf(name);
    }

    private static InetAddress literal(String id) {
        if (!ADDRESS_LITERAL.matcher(id).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(id);
        } catch (UnknownHostException e) {
            return null; // "1.2.3" style text that is no address: sent as an FQDN
        }
    }

    public Ikev1Offer offer() {
        return offer;
    }

    public int group() {
        return offer.suites().get(0).group();
    }

    public int idType() {
        return idType;
    }

    public byte[] spi() {
        return spiI.clone();
    }

    public byte[] bytes() {
        MessageWriter m = new MessageWriter(spiI, new byte[8], MainModeRequest.IKEV1, AGGRESSIVE, 0, 0);
        m.add(PayloadTypes.V1_SA, offer.saBody());
        m.add(PayloadTypes.V1_KE, keData);
        m.add(PayloadTypes.V1_NONCE, nonce);
        // protocol and port 0: any (RFC 2407 4.6.2)
        m.add(PayloadTypes.V1_ID, new WireWriter().u8(idType).u8(0).u16(0).bytes(idData).toArray());
        ProbeVendorIds.ALL.forEach(v -> m.add(PayloadTypes.V1_VID, v));
        return m.toBytes();
    }
}
