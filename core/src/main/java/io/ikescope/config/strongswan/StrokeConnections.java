package io.ikescope.config.strongswan;

import io.ikescope.config.Authentication;
import io.ikescope.config.ChildConfig;
import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.Origin;
import io.ikescope.config.PskDigest;
import io.ikescope.config.Setting;
import io.ikescope.config.TrafficSelectorConfig;
import io.ikescope.config.strongswan.StrongswanProposals.Parsed;
import io.ikescope.config.strongswan.StrongswanProposals.Protocol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The conn sections of a strongSwan ipsec.conf to the model. Defaults (starter confread.c conn_defaults and
 * stroke_config.c, 5.9.8; ipsec.conf(5)): keyexchange ike (IKEv2 initiating, either version responding),
 * authby pubkey, ikelifetime 3h, lifetime 1h, rekeymargin 9m (an SA is replaced margin before its lifetime ends),
 * type tunnel, auto ignore, leftsubnet/rightsubnet the end's own address, leftid/rightid the address (the
 * peer's %any when its address is not literal). {@code ike=}/{@code esp=} without a trailing '!' get strongSwan's
 * default proposals appended (stroke_config.c add_proposals). By strongSwan's convention left is the local end.
 */
final class StrokeConnections {

    private static final long IKE_LIFETIME = 3 * 3600;
    private static final long IPSEC_LIFETIME = 3600;
    private static final long MARGIN = 9 * 60;

    private final Map<String, IpsecConfParser.Section> sections;
    private final SharedSecrets secrets;
    private final List<ConfigWarning> warnings;

    StrokeConnections(Map<String, IpsecConfParser.Section> sections, SharedSecrets secrets,
                      List<ConfigWarning> warnings) {
        this.sections = sections;
        this.secrets = secrets;
        this.warnings = warnings;
    }

    List<ConnectionConfig> read() throws ConfigException {
        List<ConnectionConfig> out = new ArrayList<>();
        IpsecConfParser.Section defaults = sections.get("conn %default");
        for (IpsecConfParser.Section conn : IpsecConfParser.ofType(sections, "conn")) {
            if (conn.name.equals("%default")) {
                continue;
            }
            Map<String, SettingsSection.Value> values = new LinkedHashMap<>();
            if (defaults != null) {
                values.putAll(defaults.values);
            }
            values.putAll(resolve(conn, new HashSet<>(), 0));
            values.values().removeIf(v -> v.text().isEmpty()); // an empty value resets to the default
            out.add(connection(conn, values));
        }
        return out;
    }

    /** The section's values with its also= sections' beneath them, in also order (ipsec.conf(5) "also"). */
    private Map<String, SettingsSection.Value> resolve(IpsecConfParser.Section conn, Set<String> visiting, int depth)
            throws ConfigException {
        if (depth > IncludeResolver.MAX_DEPTH || !visiting.add(conn.name)) {
            throw ValueParsers.error(conn.origin, "conn " + conn.name + ": also= loops back to itself");
        }
        Map<String, SettingsSection.Value> merged = new LinkedHashMap<>();
        SettingsSection.Value also = conn.values.get("also");
        if (also != null) {
            for (String name : ValueParsers.list(also.text())) {
                IpsecConfParser.Section target = sections.get("conn " + name);
                if (target == null) {
                    throw ValueParsers.error(also.origin(), "also=" + name + ": no conn " + name);
                }
                merged.putAll(resolve(target, visiting, depth + 1));
            }
        }
        visiting.remove(conn.name);
        merged.putAll(conn.values);
        merged.remove("also");
        return merged;
    }

    private ConnectionConfig connection(IpsecConfParser.Section conn, Map<String, SettingsSection.Value> v)
            throws ConfigException {
        checkKeywords(conn, v);
        Setting<Integer> version = get(v, "keyexchange", "keyexchange ike (IKEv2, or either as responder)", 0,
                s -> switch (s.text().toLowerCase(Locale.ROOT)) {
                    case "ike" -> 0;
                    case "ikev1" -> 1;
                    case "ikev2" -> 2;
                    default -> throw ValueParsers.error(s.origin(), "keyexchange=" + s.text()
                            + ": expected ike, ikev1 or ikev2");
                });
        int naming = version.value();
        Setting<Boolean> aggressive = get(v, "aggressive", "aggressive no", false, StrokeConnections::bool);
        Setting<Boolean> encap = get(v, "forceencaps", "forceencaps no", false, StrokeConnections::bool);
        Setting<List<String>> left = get(v, "left", "left %any", List.of("%any"), s -> addresses(s.text()));
        Setting<List<String>> right = get(v, "right", "right %any", List.of("%any"), s -> addresses(s.text()));
        Setting<List<IkeProposalConfig>> ike = ikeProposals(v.get("ike"), naming);
        SettingsSection.Value ikeValue = v.get("ike");
        Setting<Boolean> strict = ikeValue == null
                ? Setting.byDefault(false, StrongswanDefaults.note("proposals: any the daemon supports"))
                : Setting.of(ikeValue.text().endsWith("!"), ikeValue.origin());
        boolean rekey = get(v, "rekey", "rekey yes", true, StrokeConnections::bool).value();
        long margin = time(v, "rekeymargin", v.containsKey("margintime") ? "margintime" : null, MARGIN);
        Setting<Long> ikeLife = lifetime(v, "ikelifetime", null, IKE_LIFETIME, "ikelifetime 3h");
        Setting<Long> ikeRekey = replaceTime(ikeLife, margin, rekey);
        String localId = id(v.get("leftid"), left.value());
        String remoteId = id(v.get("rightid"), right.value());
        if (v.get("rightid") == null && !StrongswanIds.isIp(right.value().get(0))) {
            remoteId = StrongswanIds.ANY;
        }
        Authentication local = authentication(v, "left", localId, localId, remoteId);
        Authentication remote = authentication(v, "right", remoteId, localId, remoteId);
        List<ChildConfig> children = List.of(child(conn, v, naming, rekey, margin));
        return new ConnectionConfig(conn.name, conn.origin, Implementation.STRONGSWAN, version, aggressive, left,
                right, ike, strict, local, remote, children, encap, ikeRekey, ikeLife);
    }

    private ChildConfig child(IpsecConfParser.Section conn, Map<String, SettingsSection.Value> v, int naming,
                              boolean rekey, long margin) throws ConfigException {
        Setting<List<TrafficSelectorConfig>> localTs = selectors(v, "left");
        Setting<List<TrafficSelectorConfig>> remoteTs = selectors(v, "right");
        Setting<List<ChildProposalConfig>> proposals = childProposals(v, naming);
        Setting<String> mode = get(v, "type", "type tunnel", "tunnel", s -> switch (s.text().toLowerCase(
                Locale.ROOT)) {
            case "tunnel" -> "tunnel";
            case "transport", "transport_proxy" -> "transport";
            case "beet" -> "beet";
            case "passthrough", "pass" -> "pass";
            case "drop", "reject" -> "drop";
            default -> throw ValueParsers.error(s.origin(), "type=" + s.text()
                    + ": expected tunnel, transport, transport_proxy, beet, passthrough, pass, drop or reject");
        });
        Setting<String> start = get(v, "auto", "auto ignore (the connection is not loaded)", "none",
                s -> switch (s.text().toLowerCase(Locale.ROOT)) {
                    case "add" -> "none";
                    case "route" -> "trap";
                    case "start" -> "start";
                    case "ignore" -> "none";
                    default -> throw ValueParsers.error(s.origin(), "auto=" + s.text()
                            + ": expected ignore, add, route or start");
                });
        SettingsSection.Value auto = v.get("auto");
        if (auto == null || auto.text().equalsIgnoreCase("ignore")) {
            warnings.add(new ConfigWarning(auto == null ? conn.origin : auto.origin(), "conn " + conn.name
                    + ": auto=ignore (the default): strongSwan's starter does not load this connection"));
        }
        String lifeKey = v.containsKey("lifetime") ? "lifetime" : "keylife";
        Setting<Long> life = lifetime(v, lifeKey, null, IPSEC_LIFETIME, "lifetime 1h");
        return new ChildConfig(conn.name, conn.origin, localTs, remoteTs, proposals, mode, start,
                replaceTime(life, margin, rekey), life);
    }

    private Setting<List<IkeProposalConfig>> ikeProposals(SettingsSection.Value value, int naming)
            throws ConfigException {
        Origin appended = Origin.byDefault(StrongswanDefaults.note("IKE proposals"
                + (value == null ? "" : ", appended without a trailing '!'")));
        List<IkeProposalConfig> out = new ArrayList<>();
        boolean strict = false;
        if (value != null) {
            strict = value.text().endsWith("!");
            String list = strict ? value.text().substring(0, value.text().length() - 1) : value.text();
            for (Parsed p : StrongswanProposals.parseList(list, Protocol.IKE, value.origin(), warnings)) {
                out.add(StrongswanProposals.toIke(p, naming, value.origin()));
            }
        }
        if (!strict) {
            for (Parsed p : StrongswanDefaults.keywordDefault(Protocol.IKE)) {
                out.add(StrongswanProposals.toIke(p, naming, appended));
            }
        }
        return Setting.of(out, value == null ? appended : value.origin());
    }

    /** ah= replaces esp= (stroke_config.c); either without '!' gets the defaults of its protocol appended. */
    private Setting<List<ChildProposalConfig>> childProposals(Map<String, SettingsSection.Value> v, int naming)
            throws ConfigException {
        if (v.containsKey("ah") && v.containsKey("esp")) {
            SettingsSection.Value later = v.get("ah").origin().line() > v.get("esp").origin().line() ? v.get("ah")
                    : v.get("esp");
            throw ValueParsers.error(later.origin(), "a conn cannot have both ah= and esp= (starter rejects it)");
        }
        SettingsSection.Value value = v.containsKey("ah") ? v.get("ah") : v.get("esp");
        Protocol protocol = v.containsKey("ah") ? Protocol.AH : Protocol.ESP;
        Origin appended = Origin.byDefault(StrongswanDefaults.note(protocol + " proposals"
                + (value == null ? "" : ", appended without a trailing '!'")));
        List<ChildProposalConfig> out = new ArrayList<>();
        boolean strict = false;
        if (value != null) {
            strict = value.text().endsWith("!");
            String list = strict ? value.text().substring(0, value.text().length() - 1) : value.text();
            for (Parsed p : StrongswanProposals.parseList(list, protocol, value.origin(), warnings)) {
                out.add(StrongswanProposals.toChild(p, protocol, naming, value.origin()));
            }
        }
        if (!strict) {
            for (Parsed p : StrongswanDefaults.keywordDefault(protocol)) {
                out.add(StrongswanProposals.toChild(p, protocol, naming, appended));
            }
        }
        return Setting.of(out, value == null ? appended : value.origin());
    }

    private Authentication authentication(Map<String, SettingsSection.Value> v, String end, String id,
                                          String localId, String remoteId) {
        SettingsSection.Value auth = v.get(end + "auth");
        SettingsSection.Value authby = v.get("authby");
        Setting<String> method;
        if (auth != null) {
            method = Setting.of(AuthMethods.swanctl(auth.text(), auth.origin(), warnings), auth.origin());
        } else if (authby != null) {
            method = Setting.of(AuthMethods.authby(authby.text(), authby.origin(), warnings), authby.origin());
        } else {
            method = Setting.byDefault("PUBKEY", StrongswanDefaults.note("authby pubkey"));
        }
        SettingsSection.Value second = v.get(end + "auth2");
        if (second != null) {
            String secondMethod = AuthMethods.swanctl(second.text(), second.origin(), warnings);
            if (secondMethod.equals("XAUTH")) {
                String first = method.value().startsWith("XAUTH-") ? method.value() : "XAUTH-" + method.value();
                method = Setting.of(first, second.origin());
            } else {
                warnings.add(new ConfigWarning(second.origin(), end + "auth2 (a second authentication round) is"
                        + " not modelled"));
            }
        }
        SettingsSection.Value idValue = v.get(end + "id");
        Setting<String> idSetting = idValue != null ? Setting.of(id, idValue.origin())
                : Setting.byDefault(id, StrongswanDefaults.note(end + "id: the " + end + " address"
                + (id == null || id.equals(StrongswanIds.ANY) ? " (not literal: %any)" : "")));
        Setting<PskDigest> psk = method.value().endsWith("PSK")
                ? secrets.lookup(localId, remoteId, StrongswanDefaults.VERSION)
                : Setting.byDefault(null, "not pre-shared key authentication");
        return new Authentication(method, idSetting, psk);
    }

    private static String id(SettingsSection.Value written, List<String> addresses) {
        if (written != null) {
            return StrongswanIds.canonical(written.text());
        }
        String first = addresses.get(0);
        return StrongswanIds.isIp(first) ? first : null;
    }

    /** leftsubnet (comma list) with leftprotoport applied to each; the end's own address when not set. */
    private Setting<List<TrafficSelectorConfig>> selectors(Map<String, SettingsSection.Value> v, String end)
            throws ConfigException {
        SettingsSection.Value subnet = v.get(end + "subnet");
        SettingsSection.Value protoport = v.get(end + "protoport");
        String suffix = protoport == null ? "" : "[" + protoport.text() + "]";
        if (subnet == null) {
            Origin origin = protoport != null ? protoport.origin()
                    : Origin.byDefault(StrongswanDefaults.note(end + "subnet: the " + end + " address"));
            return Setting.of(List.of(TrafficSelectors.parse("dynamic" + suffix, origin)), origin);
        }
        List<TrafficSelectorConfig> out = new ArrayList<>();
        for (String item : ValueParsers.list(subnet.text())) {
            out.add(TrafficSelectors.parse(item.contains("[") ? item : item + suffix, subnet.origin()));
        }
        return Setting.of(out, subnet.origin());
    }

    /** When an SA is replaced: its lifetime less the margin; null with rekey=no. */
    private static Setting<Long> replaceTime(Setting<Long> life, long margin, boolean rekey) {
        if (!rekey) {
            return Setting.byDefault(null, "rekey=no: never rekeyed");
        }
        long value = Math.max(0, life.value() - margin);
        return life.origin().isDefault()
                ? Setting.byDefault(value, StrongswanDefaults.note("lifetime less rekeymargin 9m"))
                : Setting.of(value, life.origin());
    }

    private static Setting<Long> lifetime(Map<String, SettingsSection.Value> v, String key, String alias,
                                          long fallback, String note) throws ConfigException {
        SettingsSection.Value value = v.get(key);
        if (value == null && alias != null) {
            value = v.get(alias);
        }
        if (value == null) {
            return Setting.byDefault(fallback, StrongswanDefaults.note(note));
        }
        return Setting.of(ValueParsers.seconds(value.text(), value.origin(), key), value.origin());
    }

    private static long time(Map<String, SettingsSection.Value> v, String key, String alias, long fallback)
            throws ConfigException {
        return lifetime(v, key, alias, fallback, key).value();
    }

    /** "%defaultroute", "%any" and host names as written; a comma list as several. */
    private static List<String> addresses(String text) {
        List<String> out = new ArrayList<>();
        for (String item : ValueParsers.list(text)) {
            out.add(item.equalsIgnoreCase("%defaultroute") ? "%any" : item);
        }
        return out.isEmpty() ? List.of("%any") : out;
    }

    private void checkKeywords(IpsecConfParser.Section conn, Map<String, SettingsSection.Value> v) {
        for (SettingsSection.Value value : v.values()) {
            String key = value.key();
            if (StrokeKeywords.READ.contains(key) || StrokeKeywords.LOCAL.contains(key)) {
                continue;
            }
            if (StrokeKeywords.REMOVED.contains(key)) {
                warnings.add(new ConfigWarning(value.origin(), key + " is not a strongSwan 5 keyword (starter"
                        + " ignores it)" + (key.startsWith("pfs") ? "; PFS is a DH group in esp=" : "")));
            } else if (StrokeKeywords.NOT_MODELLED.contains(key)) {
                warnings.add(new ConfigWarning(value.origin(), key + " is not modelled (ikescope does not compare"
                        + " it)"));
            } else {
                warnings.add(new ConfigWarning(value.origin(), "unknown keyword '" + key + "' in conn "
                        + conn.name));
            }
        }
    }

    private static boolean bool(SettingsSection.Value v) throws ConfigException {
        return ValueParsers.bool(v.text(), v.origin(), v.key());
    }

    private interface Converter<T> {
        T convert(SettingsSection.Value value) throws ConfigException;
    }

    private static <T> Setting<T> get(Map<String, SettingsSection.Value> v, String key, String note, T fallback,
                                      Converter<T> converter) throws ConfigException {
        SettingsSection.Value value = v.get(key);
        return value == null ? Setting.byDefault(fallback, StrongswanDefaults.note(note))
                : Setting.of(converter.convert(value), value.origin());
    }
}
