package io.ikescope.wire;

import static io.ikescope.testsupport.Facts.put;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of {@link IkeDecoder}'s model of one IKE message, under the keys {@link io.ikescope.testsupport.TsharkFacts}
 * draws from tshark's PDML ("p[2].prop[0].tf[1].attr[0].value"), so they can be compared one by one.
 */
final class IkeFacts {
    private IkeFacts() {
    }

    /** Facts of a payload chain decoded by {@link IkeDecoder#decodePayloadChain}. */
    static Map<String, String> payloadsFromDecoder(List<Payload> payloads) {
        Map<String, String> facts = new LinkedHashMap<>();
        int i = 0;
        for (Payload p : payloads) {
            payloadFromDecoder(facts, "p[" + i++ + "]", p);
        }
        put(facts, "p.count", Integer.toString(i));
        return facts;
    }

    static Map<String, String> fromDecoder(IkeMessage m) {
        Map<String, String> facts = new LinkedHashMap<>();
        IkeHeader h = m.header();
        if (h == null) {
            put(facts, "p.count", "0");
            return facts;
        }
        put(facts, "hdr.ispi", h.spiI().hex());
        put(facts, "hdr.rspi", h.spiR().hex());
        put(facts, "hdr.np", Integer.toString(h.nextPayload()));
        put(facts, "hdr.major", Integer.toString(h.majorVersion()));
        put(facts, "hdr.minor", Integer.toString(h.minorVersion()));
        put(facts, "hdr.exch", Integer.toString(h.exchangeType()));
        put(facts, "hdr.flags", Integer.toString(h.flags()));
        if (h.majorVersion() == 1) {
            put(facts, "hdr.flag.encryption", Boolean.toString(h.encryption()));
            put(facts, "hdr.flag.commit", Boolean.toString(h.commit()));
            put(facts, "hdr.flag.authOnly", Boolean.toString(h.authOnly()));
        } else if (h.majorVersion() == 2) {
            put(facts, "hdr.flag.initiator", Boolean.toString(h.initiator()));
            put(facts, "hdr.flag.higherVersion", Boolean.toString(h.higherVersion()));
            put(facts, "hdr.flag.response", Boolean.toString(h.response()));
        }
        put(facts, "hdr.msgid", Long.toString(h.messageId()));
        put(facts, "hdr.len", Long.toString(h.length()));
        if (m.encryptedBody() != null) {
            put(facts, "msg.encrypted.len", Integer.toString(m.encryptedBody().length()));
        }
        int i = 0;
        for (Payload p : m.payloads()) {
            payloadFromDecoder(facts, "p[" + i++ + "]", p);
        }
        put(facts, "p.count", Integer.toString(i));
        return facts;
    }

    private static void payloadFromDecoder(Map<String, String> facts, String key, Payload p) {
        put(facts, key + ".type", Integer.toString(p.type()));
        put(facts, key + ".np", Integer.toString(p.header().nextPayload()));
        put(facts, key + ".len", Integer.toString(p.length()));
        if (p instanceof MalformedPayload m && m.partial() != null) {
            p = m.partial();
        }
        if (p instanceof SecurityAssociationPayload sa) {
            if (sa.doi() != null) {
                put(facts, key + ".doi", Long.toString(sa.doi()));
                put(facts, key + ".situation", Long.toString(sa.situation()));
            }
            int j = 0;
            for (Proposal pr : sa.proposals()) {
                String pk = key + ".prop[" + j++ + "]";
                put(facts, pk + ".number", Integer.toString(pr.number()));
                put(facts, pk + ".protoid", Integer.toString(pr.protocolId()));
                put(facts, pk + ".spisize", Integer.toString(pr.spi().length()));
                put(facts, pk + ".declaredTransforms", Integer.toString(pr.declaredTransforms()));
                if (!pr.spi().isEmpty()) {
                    put(facts, pk + ".spi", pr.spi().hex());
                }
                int k = 0;
                for (Transform t : pr.transforms()) {
                    String tk = pk + ".tf[" + k++ + "]";
                    if (t.number() != null) {
                        put(facts, tk + ".number", Integer.toString(t.number()));
                    }
                    if (t.type() != null) {
                        put(facts, tk + ".tftype", Integer.toString(t.type()));
                    }
                    put(facts, tk + ".id", Integer.toString(t.id()));
                    int a = 0;
                    for (Attribute at : t.attributes()) {
                        String ak = tk + ".attr[" + a++ + "]";
                        put(facts, ak + ".type", Integer.toString(at.type()));
                        put(facts, ak + ".value", at.value().hex());
                    }
                }
            }
        } else if (p instanceof KeyExchangePayload ke) {
            if (ke.dhGroup() != null) {
                put(facts, key + ".ke.group", Integer.toString(ke.dhGroup()));
            }
            put(facts, key + ".ke.len", Integer.toString(ke.data().length()));
        } else if (p instanceof IdentificationPayload id) {
            put(facts, key + ".id.type", Integer.toString(id.idType()));
            if (id.protocolId() != null) {
                put(facts, key + ".id.protoid", Integer.toString(id.protocolId()));
                put(facts, key + ".id.port", Integer.toString(id.port()));
            }
            String rendered = IdentityText.render(id.type() == 5 ? 1 : 2, id.idType(), id.data());
            switch (id.idType()) {
                case 1, 5 -> put(facts, key + ".id.addr", rendered);
                case 2, 3 -> put(facts, key + ".id.name", rendered);
                case 4 -> {
                    if (id.data().length() == 8) {
                        byte[] raw = id.data().toArray();
                        put(facts, key + ".id.addr", Addresses.format(Bytes.copyOf(raw, 0, 4)));
                        put(facts, key + ".id.mask", Addresses.format(Bytes.copyOf(raw, 4, 4)));
                    }
                }
                case 9 -> put(facts, key + ".id.dn", id.data().hex());
                default -> {
                }
            }
        } else if (p instanceof NotifyPayload n) {
            if (n.doi() != null) {
                put(facts, key + ".n.doi", Long.toString(n.doi()));
            }
            put(facts, key + ".n.protoid", Integer.toString(n.protocolId()));
            put(facts, key + ".spisize", Integer.toString(n.spiSize()));
            put(facts, key + ".n.type", Integer.toString(n.notifyType()));
            if (!n.spi().isEmpty()) {
                put(facts, key + ".spi", n.spi().hex());
            }
            put(facts, key + ".n.data", n.data().hex());
            if (n.detail() instanceof NotifyDetail.AcceptedGroup g) {
                put(facts, key + ".n.group", Integer.toString(g.dhGroup()));
            } else if (n.detail() instanceof NotifyDetail.HashAlgorithms ha) {
                for (int alg : ha.algorithms()) {
                    put(facts, key + ".n.hashalgs", Integer.toString(alg));
                }
            } else if (n.detail() instanceof NotifyDetail.Number num && num.label().equals("lifetimeSeconds")) {
                put(facts, key + ".n.lifetime", Long.toString(num.value()));
            } else if (n.detail() instanceof NotifyDetail.Redirect r) {
                put(facts, key + ".n.gwtype", Integer.toString(r.gatewayIdType()));
                put(facts, key + ".n.gw", r.gateway());
                if (!r.nonce().isEmpty()) {
                    put(facts, key + ".n.nonce", r.nonce().hex());
                }
            }
        } else if (p instanceof VendorIdPayload v) {
            put(facts, key + ".vid", v.data().hex());
        } else if (p instanceof NatDiscoveryPayload nd) {
            put(facts, key + ".natd", nd.hash().hex());
        } else if (p instanceof NoncePayload no) {
            put(facts, key + ".nonce.len", Integer.toString(no.data().length()));
        } else if (p instanceof HashPayload ha) {
            put(facts, key + ".hash", ha.data().hex());
        } else if (p instanceof CertificatePayload c) {
            put(facts, key + ".cert.encoding", Integer.toString(c.encoding()));
        } else if (p instanceof CertificateRequestPayload cr) {
            put(facts, key + ".cr.type", Integer.toString(cr.encoding()));
            if (cr.caHashes().isEmpty()) {
                put(facts, key + ".cr.data", cr.data().hex());
            }
            cr.caHashes().forEach(hash -> put(facts, key + ".cr.data", hash.hex()));
        } else if (p instanceof AuthenticationPayload a) {
            put(facts, key + ".auth.method", Integer.toString(a.authMethod()));
            put(facts, key + ".auth.data", a.data().hex());
        } else if (p instanceof SignaturePayload sig) {
            put(facts, key + ".sig", sig.data().hex());
        } else if (p instanceof ConfigurationPayload cp) {
            put(facts, key + ".cfg.type", Integer.toString(cp.cfgType()));
            if (cp.identifier() != null) {
                put(facts, key + ".cfg.id", Integer.toString(cp.identifier()));
            }
            int a = 0;
            for (Attribute at : cp.attributes()) {
                put(facts, key + ".cfg.attr[" + a + "].type", Integer.toString(at.type()));
                put(facts, key + ".cfg.attr[" + a++ + "].value", at.value().hex());
            }
        } else if (p instanceof DeletePayload d) {
            put(facts, key + ".d.protoid", Integer.toString(d.protocolId()));
            put(facts, key + ".spisize", Integer.toString(d.spiSize()));
            put(facts, key + ".d.count", Integer.toString(d.declaredCount()));
            d.spis().forEach(spi -> put(facts, key + ".d.spi", spi.hex()));
        } else if (p instanceof TrafficSelectorPayload ts) {
            put(facts, key + ".ts.count", Integer.toString(ts.selectors().size()));
            int k = 0;
            for (TrafficSelector sel : ts.selectors()) {
                String tk = key + ".ts[" + k++ + "]";
                put(facts, tk + ".type", Integer.toString(sel.tsType()));
                if (sel.raw() == null) {
                    put(facts, tk + ".protoid", Integer.toString(sel.ipProtocol()));
                    put(facts, tk + ".startPort", Integer.toString(sel.startPort()));
                    put(facts, tk + ".endPort", Integer.toString(sel.endPort()));
                    put(facts, tk + ".start", Addresses.format(sel.startAddress()));
                    put(facts, tk + ".end", Addresses.format(sel.endAddress()));
                }
            }
        } else if (p instanceof EncryptedFragmentPayload f) {
            put(facts, key + ".frag.number", Integer.toString(f.fragmentNumber()));
            put(facts, key + ".frag.total", Integer.toString(f.totalFragments()));
        } else if (p instanceof CiscoFragmentPayload f) {
            put(facts, key + ".v1frag.id", Integer.toString(f.fragmentId()));
            put(facts, key + ".v1frag.seq", Integer.toString(f.fragmentNumber()));
            put(facts, key + ".v1frag.last", Integer.toString(f.flags()));
        }
    }
}
