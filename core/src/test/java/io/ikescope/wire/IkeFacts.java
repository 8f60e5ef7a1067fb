package io.ikescope.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same facts about one IKE message, drawn once from tshark's PDML tree and once from {@link IkeDecoder}'s
 * model, under identical keys ("p[2].prop[0].tf[1].attr[0].value"), so they can be compared one by one.
 * Numbers are decimal text, byte strings lowercase hex.
 */
final class IkeFacts {
    private IkeFacts() {
    }

    // ---- tshark side ----

    static Map<String, String> fromTshark(PdmlReader.Field isakmp) {
        Map<String, String> facts = new LinkedHashMap<>();
        int payloadIndex = 0;
        boolean nextPayloadSeen = false;
        for (PdmlReader.Field f : isakmp.children()) {
            switch (f.name()) {
                case "isakmp.ispi" -> put(facts, "hdr.ispi", f.value());
                case "isakmp.rspi" -> put(facts, "hdr.rspi", f.value());
                case "isakmp.nextpayload" -> {
                    if (!nextPayloadSeen) {
                        put(facts, "hdr.np", num(f.show()));
                        nextPayloadSeen = true;
                    }
                }
                case "isakmp.version" -> {
                    put(facts, "hdr.major", num(f.child("isakmp.mjver").show()));
                    put(facts, "hdr.minor", num(f.child("isakmp.mnver").show()));
                }
                case "isakmp.exchangetype" -> put(facts, "hdr.exch", num(f.show()));
                case "isakmp.flags" -> put(facts, "hdr.flags", num(f.show()));
                case "isakmp.messageid" -> put(facts, "hdr.msgid", num(f.show()));
                case "isakmp.length" -> put(facts, "hdr.len", num(f.show()));
                case "isakmp.enc.data" -> put(facts, "msg.encrypted.len", Integer.toString(f.size()));
                case "isakmp.typepayload" -> payloadFromTshark(facts, "p[" + payloadIndex++ + "]", f);
                default -> {
                }
            }
        }
        put(facts, "p.count", Integer.toString(payloadIndex));
        return facts;
    }

    private static void payloadFromTshark(Map<String, String> facts, String key, PdmlReader.Field payload) {
        put(facts, key + ".type", num(payload.show()));
        int proposal = 0;
        for (PdmlReader.Field f : payload.children()) {
            if (f.name().equals("isakmp.typepayload") && f.show().equals("2")) {
                proposalFromTshark(facts, key + ".prop[" + proposal++ + "]", f);
            } else {
                fieldFromTshark(facts, key, f);
            }
        }
    }

    private static void proposalFromTshark(Map<String, String> facts, String key, PdmlReader.Field proposal) {
        int transform = 0;
        for (PdmlReader.Field f : proposal.children()) {
            if (f.name().equals("isakmp.typepayload") && f.show().equals("3")) {
                String tk = key + ".tf[" + transform++ + "]";
                int attribute = 0;
                for (PdmlReader.Field t : transform(f)) {
                    if (t.name().endsWith(".attr")) {
                        String ak = tk + ".attr[" + attribute++ + "]";
                        for (PdmlReader.Field a : t.children()) {
                            if (a.name().endsWith(".attr.type")) {
                                put(facts, ak + ".type", num(a.show()));
                            } else if (a.name().endsWith(".attr.value")) {
                                put(facts, ak + ".value", a.value());
                            }
                        }
                    } else if (!isSubstructureHeader(t)) {
                        fieldFromTshark(facts, tk, t);
                    }
                }
            } else if (!isSubstructureHeader(f)) {
                fieldFromTshark(facts, key, f);
            }
        }
    }

    /** Proposal and transform lengths and next fields are structure the model does not keep; their effect is checked by the fields that follow. */
    private static boolean isSubstructureHeader(PdmlReader.Field f) {
        return f.name().equals("isakmp.payloadlength") || f.name().equals("isakmp.nextpayload");
    }

    private static List<PdmlReader.Field> transform(PdmlReader.Field f) {
        return f.children();
    }

    /** Maps one tshark field inside a payload (or proposal/transform) to a fact; descends into grouping fields. */
    private static void fieldFromTshark(Map<String, String> facts, String key, PdmlReader.Field f) {
        String n = f.name();
        switch (n) {
            case "isakmp.payloadlength" -> put(facts, key + ".len", num(f.show()));
            case "isakmp.nextpayload" -> put(facts, key + ".np", num(f.show()));
            case "isakmp.sa.doi" -> put(facts, key + ".doi", num(f.show()));
            case "isakmp.sa.situation" -> put(facts, key + ".situation", hexNum(f.value()));
            case "isakmp.prop.number" -> put(facts, key + ".number", num(f.show()));
            case "isakmp.prop.protoid" -> put(facts, key + ".protoid", num(f.show()));
            case "isakmp.prop.transforms" -> put(facts, key + ".declaredTransforms", num(f.show()));
            case "isakmp.spisize" -> put(facts, key + ".spisize", num(f.show()));
            case "isakmp.spi" -> put(facts, key + ".spi", f.value());
            case "isakmp.trans.number" -> put(facts, key + ".number", num(f.show()));
            case "isakmp.trans.id" -> put(facts, key + ".id", num(f.show()));
            case "isakmp.tf.type" -> put(facts, key + ".tftype", num(f.show()));
            case "isakmp.key_exchange.dh_group" -> put(facts, key + ".ke.group", num(f.show()));
            case "isakmp.key_exchange.data" -> put(facts, key + ".ke.len", Integer.toString(f.size()));
            case "isakmp.id.type" -> put(facts, key + ".id.type", num(f.show()));
            case "isakmp.id.protoid" -> put(facts, key + ".id.protoid", num(f.show()));
            case "isakmp.id.port" -> put(facts, key + ".id.port", num(f.show()));
            // tshark shows a subnet ID as ipv4_addr (the address) plus ipv4_subnet (the mask)
            case "isakmp.id.data.ipv4_addr", "isakmp.id.data.ipv6_addr" -> put(facts, key + ".id.addr", f.show());
            case "isakmp.id.data.ipv4_subnet" -> put(facts, key + ".id.mask", f.show());
            case "isakmp.id.data.fqdn", "isakmp.id.data.user_fqdn" -> put(facts, key + ".id.name", f.show());
            case "isakmp.notify.doi" -> put(facts, key + ".n.doi", num(f.show()));
            case "isakmp.notify.protoid" -> put(facts, key + ".n.protoid", num(f.show()));
            case "isakmp.notify.msgtype" -> put(facts, key + ".n.type", num(f.show()));
            case "isakmp.notify.data" -> put(facts, key + ".n.data", f.value());
            case "isakmp.notify.data.accepted_dh_group" -> put(facts, key + ".n.group", num(f.show()));
            case "isakmp.notify.data.signature_hash_algorithms" -> put(facts, key + ".n.hashalgs", num(f.show()));
            case "isakmp.notify.data.redirect.gw_ident.type" -> put(facts, key + ".n.gwtype", num(f.show()));
            case "isakmp.notify.data.redirect.new_resp_gw_ident.fqdn",
                 "isakmp.notify.data.redirect.new_resp_gw_ident.ipv4",
                 "isakmp.notify.data.redirect.new_resp_gw_ident.ipv6",
                 "isakmp.notify.data.redirect.org_resp_gw_ident.fqdn",
                 "isakmp.notify.data.redirect.org_resp_gw_ident.ipv4",
                 "isakmp.notify.data.redirect.org_resp_gw_ident.ipv6" -> put(facts, key + ".n.gw", f.show());
            case "isakmp.notify.data.redirect.nonce_data" -> put(facts, key + ".n.nonce", f.value());
            case "isakmp.vid_bytes" -> put(facts, key + ".vid", f.value());
            case "isakmp.ike.nat_hash" -> put(facts, key + ".natd", f.value());
            case "isakmp.nonce" -> put(facts, key + ".nonce.len", Integer.toString(f.size()));
            case "isakmp.hash" -> put(facts, key + ".hash", f.value());
            case "isakmp.cert.encoding" -> put(facts, key + ".cert.encoding", num(f.show()));
            case "isakmp.certreq.type" -> put(facts, key + ".cr.type", num(f.show()));
            case "isakmp.ike.certreq.authority" -> put(facts, key + ".cr.data", f.value());
            case "isakmp.auth.method" -> put(facts, key + ".auth.method", num(f.show()));
            case "isakmp.auth.data" -> put(facts, key + ".auth.data", f.value());
            case "isakmp.sig" -> put(facts, key + ".sig", f.value());
            case "isakmp.cfg.type" -> put(facts, key + ".cfg.type", num(f.show()));
            case "isakmp.cfg.identifier" -> put(facts, key + ".cfg.id", num(f.show()));
            case "isakmp.cfg.attr" -> {
                String ak = key + ".cfg.attr[" + nextIndex(facts, key + ".cfg.attr") + "]";
                PdmlReader.Field type = f.child("isakmp.cfg.attr.type");
                PdmlReader.Field value = f.child("isakmp.cfg.attr.value");
                put(facts, ak + ".type", type == null ? "" : num(type.show()));
                put(facts, ak + ".value", value == null ? "" : value.value());
            }
            case "isakmp.delete.protoid" -> put(facts, key + ".d.protoid", num(f.show()));
            case "isakmp.spinum" -> put(facts, key + ".d.count", num(f.show()));
            case "isakmp.delete.spi" -> put(facts, key + ".d.spi", f.value());
            case "isakmp.ts.number" -> put(facts, key + ".ts.count", num(f.show()));
            case "isakmp.ts.data" -> {
                String tk = key + ".ts[" + nextIndex(facts, key + ".ts") + "]";
                for (PdmlReader.Field c : f.children()) {
                    switch (c.name()) {
                        case "isakmp.ts.type" -> put(facts, tk + ".type", num(c.show()));
                        case "isakmp.ts.protoid" -> put(facts, tk + ".protoid", num(c.show()));
                        case "isakmp.ts.start_port" -> put(facts, tk + ".startPort", num(c.show()));
                        case "isakmp.ts.end_port" -> put(facts, tk + ".endPort", num(c.show()));
                        case "isakmp.ts.start_ipv4", "isakmp.ts.start_ipv6" -> put(facts, tk + ".start", c.show());
                        case "isakmp.ts.end_ipv4", "isakmp.ts.end_ipv6" -> put(facts, tk + ".end", c.show());
                        default -> {
                        }
                    }
                }
            }
            case "isakmp.id.data.der_asn1_dn" -> put(facts, key + ".id.dn", f.value());
            case "isakmp.notify.data.auth_lifetime" -> put(facts, key + ".n.lifetime", num(f.show()));
            case "isakmp.frag.number" -> put(facts, key + ".frag.number", num(f.show()));
            case "isakmp.frag.total" -> put(facts, key + ".frag.total", num(f.show()));
            default -> {
                if (n.startsWith("isakmp.tf.id")) {
                    put(facts, key + ".id", num(f.show()));
                } else if (n.equals("isakmp.id.data") || n.equals("isakmp.notify.data")) {
                    for (PdmlReader.Field c : f.children()) {
                        fieldFromTshark(facts, key, c);
                    }
                }
            }
        }
        if (n.equals("isakmp.notify.data")) {
            for (PdmlReader.Field c : f.children()) {
                fieldFromTshark(facts, key, c);
            }
        }
    }

    /** The next free index of a repeated group ("p[0].ts[2]"), counted from the facts already present. */
    private static int nextIndex(Map<String, String> facts, String prefix) {
        int i = 0;
        while (true) {
            String p = prefix + "[" + i + "].";
            if (facts.keySet().stream().noneMatch(k -> k.startsWith(p))) {
                return i;
            }
            i++;
        }
    }

    /** Facts of a decrypted payload chain as tshark shows it (the typepayload fields of the decrypted data). */
    static Map<String, String> payloadsFromTshark(List<PdmlReader.Field> payloads) {
        Map<String, String> facts = new LinkedHashMap<>();
        int i = 0;
        for (PdmlReader.Field f : payloads) {
            payloadFromTshark(facts, "p[" + i++ + "]", f);
        }
        put(facts, "p.count", Integer.toString(i));
        return facts;
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

    // ---- decoder side ----

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
        }
    }

    // ---- helpers ----

    /** Repeated keys (several hash algorithms) accumulate, comma-separated. */
    private static void put(Map<String, String> facts, String key, String value) {
        facts.merge(key, value == null ? "" : value, (a, b) -> a + "," + b);
    }

    /** tshark shows numbers in decimal or as 0x-prefixed hex. */
    static String num(String show) {
        if (show == null || show.isEmpty()) {
            return "";
        }
        try {
            if (show.startsWith("0x")) {
                return Long.toString(Long.parseLong(show.substring(2), 16));
            }
            return Long.toString(Long.parseLong(show));
        } catch (NumberFormatException e) {
            return show;
        }
    }

    private static String hexNum(String hex) {
        try {
            return Long.toString(Long.parseLong(hex, 16));
        } catch (NumberFormatException e) {
            return hex;
        }
    }
}
