package io.ikescope.cli;

import static io.ikescope.testsupport.Facts.put;

import io.ikescope.testsupport.Facts;
import io.ikescope.testsupport.TsharkFacts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The facts of one {@code dissect --format json} line under the keys {@link TsharkFacts} draws from tshark (see
 * {@link Facts}). It reads only the JSON: which payload kinds carry which fields is taken from the payload type
 * numbers of RFC 2408/3947 (IKEv1) and RFC 7296/7383 (IKEv2), not from the project's code.
 */
final class JsonFacts {
    private JsonFacts() {
    }

    private enum Kind { SA, KE, ID, CERT, CR, HASH, SIG, AUTH, NONCE, NOTIFY, DELETE, VID, NAT_D, TS, CP, SKF, FRAG, OTHER }

    private static final Set<String> FLAGS =
            Set.of("encryption", "commit", "authOnly", "initiator", "higherVersion", "response");

    static Map<String, String> fromJson(JsonNode m) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (m.get("ikeVersion").isNull()) {
            put(facts, "p.count", "0");
            return facts;
        }
        int version = m.get("ikeVersion").asInt();
        put(facts, "hdr.ispi", text(m, "spiI"));
        put(facts, "hdr.rspi", text(m, "spiR"));
        put(facts, "hdr.np", text(m, "nextPayload"));
        put(facts, "hdr.major", text(m, "ikeVersion"));
        put(facts, "hdr.minor", text(m, "minorVersion"));
        put(facts, "hdr.exch", text(m, "exchangeType"));
        JsonNode flags = m.get("flags");
        put(facts, "hdr.flags", text(flags, "value"));
        for (String flag : flags.propertyNames()) {
            if (FLAGS.contains(flag) && flags.get(flag).isBoolean()) {
                put(facts, "hdr.flag." + flag, Boolean.toString(flags.get(flag).asBoolean()));
            }
        }
        put(facts, "hdr.msgid", text(m, "messageId"));
        put(facts, "hdr.len", text(m, "length"));
        if (m.has("encryptedLength")) {
            put(facts, "msg.encrypted.len", text(m, "encryptedLength"));
        }
        int i = 0;
        for (JsonNode p : m.get("payloads")) {
            payload(facts, "p[" + i++ + "]", version, p);
        }
        put(facts, "p.count", Integer.toString(i));
        return facts;
    }

    private static Kind kind(int version, int type) {
        if (version == 1) {
            return switch (type) {
                case 1 -> Kind.SA;
                case 4 -> Kind.KE;
                case 5 -> Kind.ID;
                case 6 -> Kind.CERT;
                case 7 -> Kind.CR;
                case 8 -> Kind.HASH;
                case 9 -> Kind.SIG;
                case 10 -> Kind.NONCE;
                case 11 -> Kind.NOTIFY;
                case 12 -> Kind.DELETE;
                case 13 -> Kind.VID;
                case 14 -> Kind.CP;
                case 20, 130 -> Kind.NAT_D;
                case 132 -> Kind.FRAG;
                default -> Kind.OTHER;
            };
        }
        return switch (type) {
            case 33 -> Kind.SA;
            case 34 -> Kind.KE;
            case 35, 36 -> Kind.ID;
            case 37 -> Kind.CERT;
            case 38 -> Kind.CR;
            case 39 -> Kind.AUTH;
            case 40 -> Kind.NONCE;
            case 41 -> Kind.NOTIFY;
            case 42 -> Kind.DELETE;
            case 43 -> Kind.VID;
            case 44, 45 -> Kind.TS;
            case 47 -> Kind.CP;
            case 53 -> Kind.SKF;
            default -> Kind.OTHER;
        };
    }

    private static void payload(Map<String, String> facts, String key, int version, JsonNode p) {
        put(facts, key + ".type", text(p, "type"));
        put(facts, key + ".np", text(p, "nextPayload"));
        put(facts, key + ".len", text(p, "length"));
        // A malformed payload's dataLength is its raw body; what else it carries is the part that decoded.
        boolean malformed = p.has("error");
        switch (kind(version, p.get("type").asInt())) {
            case SA -> sa(facts, key, p);
            case KE -> {
                if (p.has("dhGroup")) {
                    put(facts, key + ".ke.group", text(p, "dhGroup"));
                }
                if (!malformed) {
                    put(facts, key + ".ke.len", text(p, "dataLength"));
                }
            }
            case ID -> id(facts, key, p);
            case CERT -> putIfPresent(facts, key + ".cert.encoding", p, "encoding");
            case CR -> {
                putIfPresent(facts, key + ".cr.type", p, "encoding");
                JsonNode hashes = p.get("caHashes");
                if (hashes == null || hashes.isEmpty()) {
                    putIfPresent(facts, key + ".cr.data", p, "data");
                } else {
                    hashes.forEach(h -> put(facts, key + ".cr.data", h.asString()));
                }
            }
            case HASH -> putIfPresent(facts, key + ".hash", p, "data");
            case SIG -> putIfPresent(facts, key + ".sig", p, "data");
            case AUTH -> {
                putIfPresent(facts, key + ".auth.method", p, "authMethod");
                putIfPresent(facts, key + ".auth.data", p, "data");
            }
            case NONCE -> {
                if (!malformed) {
                    put(facts, key + ".nonce.len", text(p, "dataLength"));
                }
            }
            case NOTIFY -> notify(facts, key, p);
            case DELETE -> {
                putIfPresent(facts, key + ".d.protoid", p, "protocolId");
                putIfPresent(facts, key + ".spisize", p, "spiSize");
                putIfPresent(facts, key + ".d.count", p, "count");
                if (p.has("spis")) {
                    p.get("spis").forEach(spi -> put(facts, key + ".d.spi", spi.asString()));
                }
            }
            case VID -> putIfPresent(facts, key + ".vid", p, "data");
            case NAT_D -> putIfPresent(facts, key + ".natd", p, "hash");
            case TS -> selectors(facts, key, p);
            case CP -> configuration(facts, key, p);
            case SKF -> {
                putIfPresent(facts, key + ".frag.number", p, "fragmentNumber");
                putIfPresent(facts, key + ".frag.total", p, "totalFragments");
            }
            case FRAG -> {
                putIfPresent(facts, key + ".v1frag.id", p, "fragmentId");
                putIfPresent(facts, key + ".v1frag.seq", p, "fragmentNumber");
                if (p.has("last")) {
                    put(facts, key + ".v1frag.last", p.get("last").asBoolean() ? "1" : "0");
                }
            }
            case OTHER -> {
            }
        }
    }

    private static void sa(Map<String, String> facts, String key, JsonNode sa) {
        if (sa.has("doi")) {
            put(facts, key + ".doi", text(sa, "doi"));
            put(facts, key + ".situation", text(sa, "situation"));
        }
        if (!sa.has("proposals")) {
            return;
        }
        int j = 0;
        for (JsonNode pr : sa.get("proposals")) {
            String pk = key + ".prop[" + j++ + "]";
            String spi = pr.get("spi").asString();
            put(facts, pk + ".number", text(pr, "number"));
            put(facts, pk + ".protoid", text(pr, "protocolId"));
            put(facts, pk + ".spisize", Integer.toString(spi.length() / 2));
            put(facts, pk + ".declaredTransforms", text(pr, "transformCount"));
            if (!spi.isEmpty()) {
                put(facts, pk + ".spi", spi);
            }
            int k = 0;
            for (JsonNode t : pr.get("transforms")) {
                String tk = pk + ".tf[" + k++ + "]";
                putIfPresent(facts, tk + ".number", t, "number");
                putIfPresent(facts, tk + ".tftype", t, "type");
                put(facts, tk + ".id", text(t, "id"));
                int a = 0;
                for (JsonNode at : t.get("attributes")) {
                    String ak = tk + ".attr[" + a++ + "]";
                    put(facts, ak + ".type", text(at, "type"));
                    put(facts, ak + ".value", valueHex(at));
                }
            }
        }
    }

    /** tshark shows the ID by type: an address, a name, an IPv4 subnet as address plus mask, a DN as bytes. */
    private static void id(Map<String, String> facts, String key, JsonNode id) {
        if (!id.has("idType")) {
            return;
        }
        int idType = id.get("idType").asInt();
        put(facts, key + ".id.type", Integer.toString(idType));
        if (id.has("protocolId")) {
            put(facts, key + ".id.protoid", text(id, "protocolId"));
            put(facts, key + ".id.port", text(id, "port"));
        }
        String value = id.get("value").asString();
        switch (idType) {
            case 1, 5 -> put(facts, key + ".id.addr", value);
            case 2, 3 -> put(facts, key + ".id.name", value);
            case 4 -> {
                if (id.get("data").asString().length() == 16) {
                    int slash = value.indexOf('/');
                    put(facts, key + ".id.addr", slash < 0 ? value : value.substring(0, slash));
                    put(facts, key + ".id.mask", slash < 0 ? "" : ipv4Mask(value.substring(slash + 1)));
                }
            }
            case 9 -> put(facts, key + ".id.dn", text(id, "data"));
            default -> {
            }
        }
    }

    /** "24" or "255.255.255.0" (a mask that is no prefix) as tshark's dotted mask. */
    private static String ipv4Mask(String prefixOrMask) {
        if (prefixOrMask.contains(".")) {
            return prefixOrMask;
        }
        int prefix = Integer.parseInt(prefixOrMask);
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (mask >> 24) + "." + ((mask >> 16) & 0xFF) + "." + ((mask >> 8) & 0xFF) + "." + (mask & 0xFF);
    }

    private static void notify(Map<String, String> facts, String key, JsonNode n) {
        if (!n.has("notifyType")) {
            return;
        }
        putIfPresent(facts, key + ".n.doi", n, "doi");
        put(facts, key + ".n.protoid", text(n, "protocolId"));
        put(facts, key + ".spisize", text(n, "spiSize"));
        put(facts, key + ".n.type", text(n, "notifyType"));
        if (!n.get("spi").asString().isEmpty()) {
            put(facts, key + ".spi", text(n, "spi"));
        }
        put(facts, key + ".n.data", text(n, "data"));
        JsonNode decoded = n.get("decoded");
        if (decoded == null || decoded.isNull()) {
            return;
        }
        putIfPresent(facts, key + ".n.group", decoded, "dhGroup");
        if (decoded.has("hashAlgorithms")) {
            decoded.get("hashAlgorithms").forEach(alg -> put(facts, key + ".n.hashalgs", alg.asString()));
        }
        putIfPresent(facts, key + ".n.lifetime", decoded, "lifetimeSeconds");
        if (decoded.has("gatewayIdType")) {
            put(facts, key + ".n.gwtype", text(decoded, "gatewayIdType"));
            put(facts, key + ".n.gw", text(decoded, "gateway"));
            if (!decoded.get("nonce").asString().isEmpty()) {
                put(facts, key + ".n.nonce", text(decoded, "nonce"));
            }
        }
    }

    private static void selectors(Map<String, String> facts, String key, JsonNode ts) {
        if (!ts.has("selectors")) {
            return;
        }
        put(facts, key + ".ts.count", Integer.toString(ts.get("selectors").size()));
        int k = 0;
        for (JsonNode s : ts.get("selectors")) {
            String sk = key + ".ts[" + k++ + "]";
            put(facts, sk + ".type", text(s, "tsType"));
            if (!s.get("startAddress").isNull()) {
                put(facts, sk + ".protoid", text(s, "ipProtocol"));
                put(facts, sk + ".startPort", text(s, "startPort"));
                put(facts, sk + ".endPort", text(s, "endPort"));
                put(facts, sk + ".start", text(s, "startAddress"));
                put(facts, sk + ".end", text(s, "endAddress"));
            }
        }
    }

    private static void configuration(Map<String, String> facts, String key, JsonNode cp) {
        if (!cp.has("cfgType")) {
            return;
        }
        put(facts, key + ".cfg.type", text(cp, "cfgType"));
        putIfPresent(facts, key + ".cfg.id", cp, "identifier");
        int a = 0;
        for (JsonNode at : cp.get("attributes")) {
            put(facts, key + ".cfg.attr[" + a + "].type", text(at, "type"));
            put(facts, key + ".cfg.attr[" + a++ + "].value", valueHex(at));
        }
    }

    /** An attribute value as its wire bytes in hex: a number is widened back to its {@code length} bytes. */
    private static String valueHex(JsonNode attribute) {
        JsonNode value = attribute.get("value");
        if (!value.isNumber()) {
            return value.asString();
        }
        int length = attribute.get("length").asInt();
        String hex = Long.toHexString(value.asLong());
        return length == 0 && value.asLong() == 0 ? "" : "0".repeat(Math.max(0, 2 * length - hex.length())) + hex;
    }

    private static void putIfPresent(Map<String, String> facts, String key, JsonNode node, String field) {
        if (node.has(field) && !node.get(field).isNull()) {
            put(facts, key, text(node, field));
        }
    }

    /** A JSON value as facts text: numbers in decimal, strings as they are, null as the empty string. */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isNumber() ? Long.toString(v.asLong()) : v.asString();
    }
}
