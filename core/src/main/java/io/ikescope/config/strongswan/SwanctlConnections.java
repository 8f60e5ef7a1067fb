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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code connections} section of swanctl.conf to the model, strongSwan 5.9 defaults filled in. */
final class SwanctlConnections {

    private final SharedSecrets secrets;
    private final List<ConfigWarning> warnings;

    SwanctlConnections(SharedSecrets secrets, List<ConfigWarning> warnings) {
        this.secrets = secrets;
        this.warnings = warnings;
    }

    List<ConnectionConfig> read(SettingsSection connections) throws ConfigException {
        List<ConnectionConfig> out = new ArrayList<>();
        for (SettingsSection conn : connections.sections()) {
            out.add(connection(conn));
        }
        for (SettingsSection.Value stray : connections.values()) {
            warnings.add(new ConfigWarning(stray.origin(), "unknown keyword '" + stray.key()
                    + "' directly in connections (expected a connection section)"));
        }
        return out;
    }

    private ConnectionConfig connection(SettingsSection conn) throws ConfigException {
        checkKeywords(conn, SwanctlKeywords.PEER_READ, SwanctlKeywords.PEER_NOT_MODELLED, SwanctlKeywords.PEER_LOCAL);
        Setting<Integer> version = value(conn, "version", "version 0 (IKEv1 or IKEv2)", 0,
                v -> ValueParsers.integer(v.text(), v.origin(), "version", 0, 2));
        int namingVersion = version.value();
        Setting<Boolean> aggressive = value(conn, "aggressive", "no Aggressive Mode", false, SwanctlConnections::bool);
        Setting<List<String>> localAddrs = value(conn, "local_addrs", "%any", List.of("%any"),
                v -> ValueParsers.list(v.text()));
        Setting<List<String>> remoteAddrs = value(conn, "remote_addrs", "%any", List.of("%any"),
                v -> ValueParsers.list(v.text()));
        Setting<List<IkeProposalConfig>> proposals = ikeProposals(conn, namingVersion);
        Setting<Boolean> strict = Setting.byDefault(true, StrongswanDefaults.note(
                "strict: only the configured proposals are accepted, the configured order preferred"
                        + " (charon.prefer_configured_proposals)"));
        Setting<Boolean> encap = value(conn, "encap", "no forced UDP encapsulation", false, SwanctlConnections::bool);
        Setting<Long> rekey = lifetime(conn, "rekey_time");
        Setting<Long> reauth = lifetime(conn, "reauth_time");
        Setting<Long> ikeRekey = rekey;
        if (rekey.origin().isDefault() && reauth.origin().isDefault()) {
            ikeRekey = Setting.byDefault(StrongswanDefaults.IKE_REKEY_SECONDS,
                    StrongswanDefaults.note("IKE rekey_time 4h"));
        }
        Setting<Long> ikeLife = ikeLife(conn, ikeRekey, reauth);
        List<SettingsSection> locals = rounds(conn, "local");
        List<SettingsSection> remotes = rounds(conn, "remote");
        String localId = localId(locals, localAddrs);
        String remoteId = remoteId(remotes);
        Authentication local = authentication(conn, locals, localAddrs, true, localId, remoteId);
        Authentication remote = authentication(conn, remotes, localAddrs, false, localId, remoteId);
        List<ChildConfig> children = new ArrayList<>();
        for (SettingsSection section : conn.sections()) {
            String name = section.name();
            if (name.equals("children")) {
                for (SettingsSection child : section.sections()) {
                    children.add(child(child, namingVersion));
                }
                for (SettingsSection.Value stray : section.values()) {
                    warnings.add(new ConfigWarning(stray.origin(), "unknown keyword '" + stray.key()
                            + "' directly in children (expected a child section)"));
                }
            } else if (!isRound(name, "local") && !isRound(name, "remote")) {
                throw ValueParsers.error(section.origin(), "unknown section '" + name + "' in connection '"
                        + conn.name() + "' (expected local*, remote* or children)");
            }
        }
        return new ConnectionConfig(conn.name(), conn.origin(), Implementation.STRONGSWAN, version, aggressive,
                localAddrs, remoteAddrs, proposals, strict, local, remote, children, encap, ikeRekey, ikeLife);
    }

    private Setting<List<IkeProposalConfig>> ikeProposals(SettingsSection conn, int version) throws ConfigException {
        SettingsSection.Value v = conn.value("proposals");
        if (v == null) {
            Origin origin = Origin.byDefault(StrongswanDefaults.note("IKE proposals (proposal_create_default)"));
            return Setting.of(StrongswanDefaults.ikeWhenAbsent().stream()
                    .map(p -> StrongswanProposals.toIke(p, version, origin)).toList(), origin);
        }
        List<IkeProposalConfig> out = new ArrayList<>();
        for (Parsed p : StrongswanProposals.parseList(v.text(), Protocol.IKE, v.origin(), warnings)) {
            out.add(StrongswanProposals.toIke(p, version, v.origin()));
        }
        return Setting.of(out, v.origin());
    }

    /** The IKE SA's hard end: the later of rekey and reauthentication plus over_time (10 % of it by default). */
    private Setting<Long> ikeLife(SettingsSection conn, Setting<Long> rekey, Setting<Long> reauth)
            throws ConfigException {
        long base = Math.max(rekey.value() == null ? 0 : rekey.value(), reauth.value() == null ? 0 : reauth.value());
        SettingsSection.Value over = conn.value("over_time");
        if (over != null) {
            return Setting.of(base + ValueParsers.seconds(over.text(), over.origin(), "over_time"), over.origin());
        }
        if (base == 0) {
            return Setting.byDefault(null, StrongswanDefaults.note("no IKE lifetime when neither rekey nor reauth"));
        }
        return Setting.byDefault(base + base / 10, StrongswanDefaults.note("over_time 10 % of rekey/reauth time"));
    }

    /** rekey_time / reauth_time: "0" means never (null); an absent key is a default null the caller may replace. */
    private Setting<Long> lifetime(SettingsSection section, String key) throws ConfigException {
        SettingsSection.Value v = section.value(key);
        if (v == null) {
            return Setting.byDefault(null, StrongswanDefaults.note(key + " not set"));
        }
        long seconds = ValueParsers.seconds(v.text(), v.origin(), key);
        return Setting.of(seconds == 0 ? null : seconds, v.origin());
    }

    /** Authentication rounds (local, local-xauth, ...) in strongSwan's order: by {@code round}, then as written. */
    private List<SettingsSection> rounds(SettingsSection conn, String prefix) throws ConfigException {
        List<SettingsSection> found = new ArrayList<>();
        for (SettingsSection s : conn.sections()) {
            if (isRound(s.name(), prefix)) {
                checkKeywords(s, SwanctlKeywords.AUTH_READ, SwanctlKeywords.AUTH_NOT_MODELLED, Set.of());
                for (SettingsSection sub : s.sections()) {
                    warnings.add(new ConfigWarning(sub.origin(), "section '" + sub.name() + "' (smartcard"
                            + " certificate) is not modelled"));
                }
                found.add(s);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (SettingsSection s : found) {
            SettingsSection.Value round = s.value("round");
            order.add(round == null ? 0 : ValueParsers.integer(round.text(), round.origin(), "round", 0, 1000));
        }
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            index.add(i);
        }
        index.sort(Comparator.comparing(order::get));
        return index.stream().map(found::get).toList();
    }

    private static boolean isRound(String name, String prefix) {
        return name.toLowerCase(Locale.ROOT).startsWith(prefix);
    }

    private static String localId(List<SettingsSection> locals, Setting<List<String>> localAddrs) {
        SettingsSection.Value id = locals.isEmpty() ? null : locals.get(0).value("id");
        if (id != null) {
            return StrongswanIds.canonical(id.text());
        }
        String first = localAddrs.value().get(0);
        return StrongswanIds.isIp(first) ? first : null;
    }

    private static String remoteId(List<SettingsSection> remotes) {
        SettingsSection.Value id = remotes.isEmpty() ? null : remotes.get(0).value("id");
        return id == null ? StrongswanIds.ANY : StrongswanIds.canonical(id.text());
    }

    private Authentication authentication(SettingsSection conn, List<SettingsSection> rounds,
                                          Setting<List<String>> localAddrs, boolean isLocal, String localId,
                                          String remoteId) throws ConfigException {
        String side = isLocal ? "local" : "remote";
        SettingsSection first = rounds.isEmpty() ? null : rounds.get(0);
        SettingsSection.Value auth = first == null ? null : first.value("auth");
        Setting<String> method = auth == null
                ? Setting.byDefault("PUBKEY", StrongswanDefaults.note(side + " auth pubkey"))
                : Setting.of(AuthMethods.swanctl(auth.text(), auth.origin(), warnings), auth.origin());
        for (int i = 1; i < rounds.size(); i++) {
            SettingsSection extra = rounds.get(i);
            SettingsSection.Value extraAuth = extra.value("auth");
            String extraMethod = extraAuth == null ? "PUBKEY"
                    : AuthMethods.swanctl(extraAuth.text(), extraAuth.origin(), warnings);
            if (i == 1 && extraMethod.startsWith("XAUTH")) {
                // IKEv1 XAuth: the second round turns the first method into XAuth with it (XAUTH-PSK, ...)
                method = Setting.of("XAUTH-" + method.value(), extraAuth.origin());
            } else {
                warnings.add(new ConfigWarning(extra.origin(), "authentication round '" + extra.name() + "' of "
                        + conn.name() + " is not modelled (only the first round is compared)"));
            }
        }
        SettingsSection.Value idValue = first == null ? null : first.value("id");
        Setting<String> id;
        if (idValue != null) {
            id = Setting.of(StrongswanIds.canonical(idValue.text()), idValue.origin());
        } else if (isLocal) {
            id = Setting.byDefault(localId, StrongswanDefaults.note("local id: the local IP address"
                    + (localId == null ? " (not known: local_addrs is %any)" : "")));
        } else {
            id = Setting.byDefault(StrongswanIds.ANY, StrongswanDefaults.note("remote id %any"));
        }
        Setting<PskDigest> psk = method.value().endsWith("PSK")
                ? secrets.lookup(localId, remoteId, StrongswanDefaults.VERSION)
                : Setting.byDefault(null, "not pre-shared key authentication");
        return new Authentication(method, id, psk);
    }

    private ChildConfig child(SettingsSection child, int version) throws ConfigException {
        checkKeywords(child, SwanctlKeywords.CHILD_READ, SwanctlKeywords.CHILD_NOT_MODELLED,
                SwanctlKeywords.CHILD_LOCAL);
        for (SettingsSection sub : child.sections()) {
            throw ValueParsers.error(sub.origin(), "unknown section '" + sub.name() + "' in child '" + child.name()
                    + "'");
        }
        Setting<List<TrafficSelectorConfig>> localTs = selectors(child, "local_ts");
        Setting<List<TrafficSelectorConfig>> remoteTs = selectors(child, "remote_ts");
        Setting<List<ChildProposalConfig>> proposals = childProposals(child, version);
        Setting<String> mode = value(child, "mode", "mode tunnel", "tunnel", SwanctlConnections::mode);
        Setting<String> start = value(child, "start_action", "start_action none", "none",
                SwanctlConnections::startAction);
        Setting<Long> rekey = lifetime(child, "rekey_time");
        if (child.value("rekey_time") == null) {
            rekey = Setting.byDefault(StrongswanDefaults.CHILD_REKEY_SECONDS,
                    StrongswanDefaults.note("child rekey_time 1h"));
        }
        Setting<Long> life = lifetime(child, "life_time");
        if (child.value("life_time") == null) {
            long r = rekey.value() == null ? 0 : rekey.value();
            life = Setting.byDefault(r == 0 ? null : r * 110 / 100,
                    StrongswanDefaults.note("child life_time 110 % of rekey_time"));
        }
        return new ChildConfig(child.name(), child.origin(), localTs, remoteTs, proposals, mode, start, rekey, life);
    }

    private Setting<List<ChildProposalConfig>> childProposals(SettingsSection child, int version)
            throws ConfigException {
        SettingsSection.Value esp = child.value("esp_proposals");
        SettingsSection.Value ah = child.value("ah_proposals");
        if (esp == null && ah == null) {
            Origin origin = Origin.byDefault(StrongswanDefaults.note("ESP proposals (AEAD first)"));
            return Setting.of(StrongswanDefaults.espWhenAbsent().stream()
                    .map(p -> StrongswanProposals.toChild(p, Protocol.ESP, version, origin)).toList(), origin);
        }
        List<ChildProposalConfig> out = new ArrayList<>();
        for (SettingsSection.Value v : new SettingsSection.Value[] {ah, esp}) {
            if (v == null) {
                continue;
            }
            Protocol protocol = v == ah ? Protocol.AH : Protocol.ESP;
            for (Parsed p : StrongswanProposals.parseList(v.text(), protocol, v.origin(), warnings)) {
                out.add(StrongswanProposals.toChild(p, protocol, version, v.origin()));
            }
        }
        return Setting.of(out, (esp != null ? esp : ah).origin());
    }

    private Setting<List<TrafficSelectorConfig>> selectors(SettingsSection child, String key) throws ConfigException {
        SettingsSection.Value v = child.value(key);
        if (v == null) {
            Origin origin = Origin.byDefault(StrongswanDefaults.note(key + " dynamic"));
            return Setting.of(List.of(TrafficSelectorConfig.dynamic("dynamic", origin)), origin);
        }
        List<TrafficSelectorConfig> out = new ArrayList<>();
        for (String item : ValueParsers.list(v.text())) {
            out.add(TrafficSelectors.parse(item, v.origin()));
        }
        return Setting.of(out, v.origin());
    }

    private static String mode(SettingsSection.Value v) throws ConfigException {
        return switch (v.text().toLowerCase(Locale.ROOT)) {
            case "tunnel" -> "tunnel";
            case "transport", "transport_proxy" -> "transport";
            case "beet" -> "beet";
            case "pass" -> "pass";
            case "drop" -> "drop";
            default -> throw ValueParsers.error(v.origin(), "mode = " + v.text()
                    + ": expected tunnel, transport, transport_proxy, beet, pass or drop");
        };
    }

    /** vici_config.c parse_action; strongSwan 6 also accepts "trap|start", which starts too. */
    private static String startAction(SettingsSection.Value v) throws ConfigException {
        String text = v.text().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "none", "clear" -> "none";
            case "trap", "route" -> "trap";
            case "start", "restart", "trap|start", "start|trap" -> "start";
            default -> throw ValueParsers.error(v.origin(), "start_action = " + v.text()
                    + ": expected none, trap or start");
        };
    }

    private static boolean bool(SettingsSection.Value v) throws ConfigException {
        return ValueParsers.bool(v.text(), v.origin(), v.key());
    }

    private interface Converter<T> {
        T convert(SettingsSection.Value value) throws ConfigException;
    }

    private static <T> Setting<T> value(SettingsSection section, String key, String defaultNote, T defaultValue,
                                        Converter<T> converter) throws ConfigException {
        SettingsSection.Value v = section.value(key);
        if (v == null) {
            return Setting.byDefault(defaultValue, StrongswanDefaults.note(defaultNote));
        }
        return Setting.of(converter.convert(v), v.origin());
    }

    private void checkKeywords(SettingsSection section, Set<String> read, Set<String> notModelled,
                               Set<String> local) {
        for (SettingsSection.Value v : section.values()) {
            String key = v.key();
            if (read.contains(key) || local.contains(key)) {
                continue;
            }
            if (notModelled.contains(key)) {
                warnings.add(new ConfigWarning(v.origin(), key + " is not modelled (ikescope does not compare it)"));
            } else {
                warnings.add(new ConfigWarning(v.origin(), "unknown keyword '" + key + "' in " + section.name()
                        + " (strongSwan discards the connection with \"unknown option\")"));
            }
        }
    }
}
