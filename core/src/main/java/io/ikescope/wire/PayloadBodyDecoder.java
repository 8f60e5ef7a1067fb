package io.ikescope.wire;

import static io.ikescope.wire.PayloadTypes.*;

import java.util.ArrayList;
import java.util.List;

/** Decodes one payload body (after the generic header) into its record. Throws {@link MalformedException} on overflow. */
final class PayloadBodyDecoder {
    private PayloadBodyDecoder() {
    }

    static Payload decode(int version, PayloadHeader h, WireReader r) {
        return version == 1 ? decodeV1(h, r) : decodeV2(h, r);
    }

    private static Payload decodeV1(PayloadHeader h, WireReader r) {
        return switch (h.type()) {
            case V1_SA -> ikev1Sa(h, r);
            case V1_KE -> new KeyExchangePayload(h, null, r.rest());
            case V1_ID -> new IdentificationPayload(h, r.u8("ID type"), r.u8("protocol ID"), r.u16("port"), r.rest());
            case V1_CERT -> new CertificatePayload(h, r.u8("certificate encoding"), r.rest());
            case V1_CR -> new CertificateRequestPayload(h, r.u8("certificate type"), r.rest());
            case V1_HASH -> new HashPayload(h, r.rest());
            case V1_SIG -> new SignaturePayload(h, r.rest());
            case V1_NONCE -> new NoncePayload(h, r.rest());
            case V1_NOTIFY -> notify(1, h, r);
            case V1_DELETE -> delete(1, h, r);
            case V1_VID -> new VendorIdPayload(h, r.rest());
            case V1_ATTRIBUTE -> ikev1Attributes(h, r);
            case V1_NAT_D, V1_NAT_D_DRAFT -> new NatDiscoveryPayload(h, r.rest());
            case V1_NAT_OA, V1_NAT_OA_DRAFT -> natOa(h, r);
            case V1_CISCO_FRAGMENT -> new CiscoFragmentPayload(h, r.u16("fragment ID"), r.u8("fragment number"),
                    r.u8("flags"), r.rest());
            default -> new UnknownPayload(h, r.rest());
        };
    }

    private static Payload decodeV2(PayloadHeader h, WireReader r) {
        return switch (h.type()) {
            case V2_SA -> securityAssociation(2, h, null, null, r);
            case V2_KE -> ikev2Ke(h, r);
            case V2_IDI, V2_IDR -> ikev2Id(h, r);
            case V2_CERT -> new CertificatePayload(h, r.u8("certificate encoding"), r.rest());
            case V2_CERTREQ -> new CertificateRequestPayload(h, r.u8("certificate encoding"), r.rest());
            case V2_AUTH -> ikev2Auth(h, r);
            case V2_NONCE -> new NoncePayload(h, r.rest());
            case V2_NOTIFY -> notify(2, h, r);
            case V2_DELETE -> delete(2, h, r);
            case V2_VID -> new VendorIdPayload(h, r.rest());
            case V2_TSI, V2_TSR -> trafficSelectors(h, r);
            case V2_SK -> new EncryptedPayload(h, r.rest(), List.of());
            case V2_CP -> ikev2Cp(h, r);
            case V2_EAP -> eap(h, r);
            case V2_SKF -> new EncryptedFragmentPayload(h, r.u16("fragment number"), r.u16("total fragments"),
                    r.rest(), List.of());
            default -> new UnknownPayload(h, r.rest());
        };
    }

    private static Payload ikev1Sa(PayloadHeader h, WireReader r) {
        long doi = r.u32("DOI");
        long situation = r.u32("situation");
        return securityAssociation(1, h, doi, situation, r);
    }

    /** An SA whose later proposal is broken keeps the sound ones before it, as the partial of the malformed payload. */
    private static Payload securityAssociation(int version, PayloadHeader h, Long doi, Long situation, WireReader r) {
        List<Proposal> proposals = new ArrayList<>();
        try {
            proposals(version, r, proposals);
        } catch (MalformedException e) {
            throw new MalformedException(e.offset(), e.getMessage(),
                    new SecurityAssociationPayload(h, doi, situation, proposals));
        }
        return new SecurityAssociationPayload(h, doi, situation, proposals);
    }

    /** Proposal substructures until one says "no next" (0) or the SA body ends. */
    private static void proposals(int version, WireReader r, List<Proposal> proposals) {
        while (r.hasRemaining()) {
            int start = r.position();
            int next = r.u8("proposal header");
            r.skip(1, "proposal header");
            int length = r.u16("proposal length");
            if (length < 8) {
                throw new MalformedException(start, "proposal length " + length + " is shorter than the 8-byte proposal header");
            }
            WireReader p = r.slice(length - 4, "proposal of length " + length);
            int number = p.u8("proposal number");
            int protocol = p.u8("protocol ID");
            int spiSize = p.u8("SPI size");
            int count = p.u8("transform count");
            Bytes spi = p.bytes(spiSize, "SPI of size " + spiSize);
            proposals.add(new Proposal(number, protocol, spi, count, transforms(version, p)));
            if (next == NONE) {
                break;
            }
        }
    }

    private static List<Transform> transforms(int version, WireReader r) {
        List<Transform> transforms = new ArrayList<>();
        while (r.hasRemaining()) {
            int start = r.position();
            int next = r.u8("transform header");
            r.skip(1, "transform header");
            int length = r.u16("transform length");
            if (length < 8) {
                throw new MalformedException(start, "transform length " + length + " is shorter than the 8-byte transform header");
            }
            WireReader t = r.slice(length - 4, "transform of length " + length);
            if (version == 1) {
                int number = t.u8("transform number");
                int id = t.u8("transform ID");
                t.skip(2, "transform reserved");
                transforms.add(new Transform(number, null, id, attributes(true, t)));
            } else {
                int type = t.u8("transform type");
                t.skip(1, "transform reserved");
                int id = t.u16("transform ID");
                transforms.add(new Transform(null, type, id, attributes(true, t)));
            }
            if (next == NONE) {
                break;
            }
        }
        return transforms;
    }

    /**
     * Data attributes filling the reader. {@code withFormatBit}: ISAKMP/IKEv2 SA style (AF bit selects the
     * two-byte TV form); false for IKEv2 CP attributes, which always carry a length.
     */
    static List<Attribute> attributes(boolean withFormatBit, WireReader r) {
        List<Attribute> attributes = new ArrayList<>();
        while (r.hasRemaining()) {
            int start = r.position();
            int word = r.u16("attribute type");
            int type = word & 0x7fff;
            if (withFormatBit && (word & 0x8000) != 0) {
                attributes.add(new Attribute(type, true, r.bytes(2, "value of attribute type " + type)));
            } else {
                int length = r.u16("length of attribute type " + type);
                if (length > r.remaining()) {
                    throw new MalformedException(start, "attribute type " + type + " length " + length
                            + " exceeds the " + r.remaining() + " bytes that remain");
                }
                attributes.add(new Attribute(type, false, r.bytes(length, "value of attribute type " + type)));
            }
        }
        return attributes;
    }

    private static Payload ikev2Ke(PayloadHeader h, WireReader r) {
        int group = r.u16("DH group");
        r.skip(2, "KE reserved");
        return new KeyExchangePayload(h, group, r.rest());
    }

    private static Payload ikev2Id(PayloadHeader h, WireReader r) {
        int type = r.u8("ID type");
        r.skip(3, "ID reserved");
        return new IdentificationPayload(h, type, null, null, r.rest());
    }

    private static Payload ikev2Auth(PayloadHeader h, WireReader r) {
        int method = r.u8("auth method");
        r.skip(3, "AUTH reserved");
        return new AuthenticationPayload(h, method, r.rest());
    }

    private static Payload notify(int version, PayloadHeader h, WireReader r) {
        Long doi = version == 1 ? r.u32("DOI") : null;
        int protocol = r.u8("protocol ID");
        int spiSize = r.u8("SPI size");
        int type = r.u16("notify message type");
        Bytes spi = r.bytes(spiSize, "SPI of size " + spiSize);
        Bytes data = r.rest();
        return new NotifyPayload(h, doi, protocol, spiSize, type, spi, data,
                NotifyDecoder.detail(version, protocol, type, spi, data));
    }

    private static Payload delete(int version, PayloadHeader h, WireReader r) {
        Long doi = version == 1 ? r.u32("DOI") : null;
        int protocol = r.u8("protocol ID");
        int spiSize = r.u8("SPI size");
        int count = r.u16("SPI count");
        List<Bytes> spis = new ArrayList<>();
        if (spiSize > 0) {
            long needed = (long) spiSize * count;
            if (needed > r.remaining()) {
                throw new MalformedException(r.position(), count + " SPIs of " + spiSize + " bytes need " + needed
                        + " bytes but only " + r.remaining() + " remain");
            }
            for (int i = 0; i < count; i++) {
                spis.add(r.bytes(spiSize, "SPI"));
            }
        }
        return new DeletePayload(h, doi, protocol, spiSize, count, spis);
    }

    private static Payload natOa(PayloadHeader h, WireReader r) {
        int idType = r.u8("ID type");
        r.skip(3, "NAT-OA reserved");
        return new NatOriginalAddressPayload(h, idType, r.rest());
    }

    private static Payload ikev1Attributes(PayloadHeader h, WireReader r) {
        int type = r.u8("mode-config type");
        r.skip(1, "mode-config reserved");
        int identifier = r.u16("mode-config identifier");
        return new ConfigurationPayload(h, type, identifier, attributes(true, r));
    }

    private static Payload ikev2Cp(PayloadHeader h, WireReader r) {
        int type = r.u8("CFG type");
        r.skip(3, "CP reserved");
        return new ConfigurationPayload(h, type, null, attributes(false, r));
    }

    private static Payload eap(PayloadHeader h, WireReader r) {
        int code = r.u8("EAP code");
        int identifier = r.u8("EAP identifier");
        int length = r.u16("EAP length");
        Integer type = (code == 1 || code == 2) && r.hasRemaining() ? r.u8("EAP type") : null;
        return new EapPayload(h, code, identifier, length, type, r.rest());
    }

    private static final int TS_IPV4_ADDR_RANGE = 7;
    private static final int TS_IPV6_ADDR_RANGE = 8;

    private static Payload trafficSelectors(PayloadHeader h, WireReader r) {
        int count = r.u8("TS count");
        r.skip(3, "TS reserved");
        List<TrafficSelector> selectors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int start = r.position();
            int type = r.u8("TS type");
            int protocol = r.u8("IP protocol ID");
            int length = r.u16("selector length");
            if (length < 4) {
                throw new MalformedException(start, "selector length " + length + " is shorter than its 4-byte header");
            }
            WireReader s = r.slice(length - 4, "selector " + (i + 1) + " of length " + length);
            int addressLength = type == TS_IPV4_ADDR_RANGE ? 4 : type == TS_IPV6_ADDR_RANGE ? 16 : -1;
            if (addressLength < 0) {
                selectors.add(new TrafficSelector(type, null, null, null, null, null, s.rest()));
                continue;
            }
            if (length != 8 + 2 * addressLength) {
                throw new MalformedException(start, "selector length " + length + " for TS type " + type
                        + " should be " + (8 + 2 * addressLength));
            }
            int startPort = s.u16("start port");
            int endPort = s.u16("end port");
            Bytes first = s.bytes(addressLength, "start address");
            Bytes last = s.bytes(addressLength, "end address");
            selectors.add(new TrafficSelector(type, protocol, startPort, endPort, first, last, null));
        }
        return new TrafficSelectorPayload(h, selectors);
    }
}
