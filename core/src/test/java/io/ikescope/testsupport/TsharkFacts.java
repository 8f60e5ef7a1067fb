package io.ikescope.testsupport;

import static io.ikescope.testsupport.Facts.num;
import static io.ikescope.testsupport.Facts.put;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts tshark shows about one IKE message (its PDML tree), under the keys of {@link Facts}. The core decoder
 * test and the CLI's end-to-end test each draw the same keys from their own side and compare them one by one.
 */
public final class TsharkFacts {
    /** tshark's header flag bits (IKEv1 E, C, A; IKEv2 I, V, R) and the names the facts use for them. */
    private static final Map<String, String> FLAG_NAMES = Map.of(
            "isakmp.flag_e", "encryption", "isakmp.flag_c", "commit", "isakmp.flag_a", "authOnly",
            "isakmp.flag_i", "initiator", "isakmp.flag_v", "higherVersion", "isakmp.flag_r", "response");

    private TsharkFacts() {
    }

    /** Facts of one ISAKMP layer of tshark's PDML (header, payloads in order, their fields). */
    public static Map<String, String> fromTshark(PdmlReader.Field isakmp) {
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
                case "isakmp.flags" -> {
                    put(facts, "hdr.flags", num(f.show()));
                    for (PdmlReader.Field bit : f.children()) {
                        String flag = FLAG_NAMES.get(bit.name());
                        if (flag != null) {
                            put(facts, "hdr.flag." + flag, Boolean.toString(bit.show().equals("1")));
                        }
                    }
                }
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
            case "isakmp.frag.packetid" -> put(facts, key + ".v1frag.id", num(f.show()));
            case "isakmp.frag.seq" -> put(facts, key + ".v1frag.seq", num(f.show()));
            case "isakmp.frag.last" -> put(facts, key + ".v1frag.last", num(f.show()));
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
    public static Map<String, String> payloadsFromTshark(List<PdmlReader.Field> payloads) {
        Map<String, String> facts = new LinkedHashMap<>();
        int i = 0;
        for (PdmlReader.Field f : payloads) {
            payloadFromTshark(facts, "p[" + i++ + "]", f);
        }
        put(facts, "p.count", Integer.toString(i));
        return facts;
    }

    private static String hexNum(String hex) {
        try {
            return Long.toString(Long.parseLong(hex, 16));
        } catch (NumberFormatException e) {
            return hex;
        }
    }
}
