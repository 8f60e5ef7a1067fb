package io.ikescope.config.libreswan;

import io.ikescope.config.Authentication;
import io.ikescope.config.ChildConfig;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.ConnectionConfig;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Implementation;
import io.ikescope.config.Origin;
import io.ikescope.config.PskDigest;
import io.ikescope.config.Setting;
import io.ikescope.config.libreswan.ConnResolver.Resolved;
import io.ikescope.config.libreswan.IpsecConfParser.Entry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one resolved conn into the shared model, libreswan 4.10's defaults ({@link LibreswanDefaults}) filled in.
 * Which end is this host: pluto decides by its interfaces, which a file does not show; left is taken (the
 * convention of ipsec.conf(5)) unless left= is %any or right= is %defaultroute.
 */
final class LibreswanConnBuilder {

    record Built(ConnectionConfig connection, LibreswanConnFacts facts) {
    }

    private static final Set<String> ANY_HOST = Set.of("%any", "%any6", "%opportunistic", "%oppo",
            "%opportunisticgroup", "%oppogroup", "%group");

    private final List<ConfigWarning> warnings;
    private final LibreswanSecrets secrets;
    private final String noSecrets;
    private final Entry ikev1Policy;

    /**
     * @param secrets   null when no ipsec.secrets was read; {@code noSecrets} then says why
     */
    LibreswanConnBuilder(List<ConfigWarning> warnings, LibreswanSecrets secrets, String noSecrets,
                         Entry ikev1Policy) {
        this.warnings = warnings;
        this.secrets = secrets;
        this.noSecrets = noSecrets;
        this.ikev1Policy = ikev1Policy;
    }

    Built build(Resolved c) throws ConfigException {
        for (var keyed : c.settings().entrySet()) {
            if (LibreswanKeywords.conn(keyed.getKey()) == LibreswanKeywords.Use.UNKNOWN) {
                for (Entry e : keyed.getValue()) {
                    warnings.add(new ConfigWarning(e.origin(), "unknown keyword '" + e.key()
                            + "' ignored (pluto 4.10 refuses a file with it)"));
                }
            }
        }
        Setting<Integer> version = ikeVersion(c);
        int v = version.value();
        Setting<Boolean> aggressive = bool(c, "aggressive", false, "aggressive=no");
        if (aggressive.value() && v == 2) {
            warnings.add(new ConfigWarning(aggressive.origin(), "aggressive=yes has no effect with IKEv2"));
        }
        Entry left = host(c, "left");
        Entry right = host(c, "right");
        boolean leftLocal = !(ANY_HOST.contains(left.value()) && !ANY_HOST.contains(right.value()))
                && !(right.value().startsWith("%defaultroute") && !left.value().startsWith("%defaultroute"));
        String local = leftLocal ? "left" : "right";
        String remote = leftLocal ? "right" : "left";
        Entry localHost = leftLocal ? left : right;
        Entry remoteHost = leftLocal ? right : left;
        Setting<String> localEnd = Setting.byDefault(local, LibreswanDefaults.VERSION + ": " + local
                + " taken as this host (left unless left=%any or right=%defaultroute; pluto decides by its "
                + "interfaces)");

        Setting<List<IkeProposalConfig>> ike = ikeProposals(c, v);
        if (aggressive.value() && v == 1) {
            aggressiveLimits(c, ike);
        }
        Setting<Boolean> strict = c.get("ike") != null ? Setting.of(true, c.get("ike").origin())
                : Setting.byDefault(true, LibreswanDefaults.note("strict: pluto accepts only the proposals it "
                + "offers (ipsec.conf(5) ike=)"));
        Setting<String> localId = id(c, local, localHost);
        Setting<String> remoteId = id(c, remote, remoteHost);
        LibreswanAuth auth = new LibreswanAuth(c, v, warnings);
        Setting<String> localMethod = auth.method(local);
        Setting<String> remoteMethod = auth.method(remote);
        // pluto looks ipsec.secrets up with the IDs (the address when no ID is set, unknown for %any)
        Setting<PskDigest> psk = psk(c, localMethod, remoteMethod, localId.value(), remoteId.value());
        Authentication localAuth = new Authentication(localMethod, localId, psk);
        Authentication remoteAuth = new Authentication(remoteMethod, remoteId, psk);

        Setting<Boolean> rekey = bool(c, "rekey", true, "rekey=yes");
        long margin = seconds(c, "rekeymargin", LibreswanDefaults.REKEY_MARGIN);
        Setting<Long> ikeLife = lifetime(c, "ikelifetime", LibreswanDefaults.IKE_LIFETIME);
        Setting<Long> saLife = lifetime(c, "salifetime", LibreswanDefaults.SA_LIFETIME);
        Setting<Long> ikeRekey = rekeyTime(c, rekey, ikeLife, margin);
        Setting<Long> saRekey = rekeyTime(c, rekey, saLife, margin);

        LibreswanChildren children = new LibreswanChildren(c, warnings);
        List<ChildConfig> childList = children.build(v, local, remote, List.of(localHost.value()),
                List.of(remoteHost.value()), ike.value(), mode(c), startAction(c), saRekey, saLife);

        Setting<String> encapsulation = choice(c, "encapsulation", "auto", Set.of("yes", "no", "auto"));
        Entry forceencaps = c.get("forceencaps");
        Setting<Boolean> forceEncap = forceencaps != null && LibreswanValues.bool(forceencaps)
                ? Setting.of(true, forceencaps.origin()) : encapsulation.map(e -> e.equals("yes"));
        Setting<Boolean> narrowing = bool(c, "narrowing", false, "narrowing=no");
        Setting<String> fragmentation = choice(c, "fragmentation", "yes",
                Set.of("yes", "no", "force", "never", "insist"));

        ConnectionConfig connection = new ConnectionConfig(c.name(), c.origin(), Implementation.LIBRESWAN, version,
                aggressive, Setting.of(List.of(localHost.value()), localHost.origin()),
                Setting.of(List.of(remoteHost.value()), remoteHost.origin()), ike, strict, localAuth, remoteAuth,
                childList, forceEncap, ikeRekey, ikeLife);
        return new Built(connection, new LibreswanConnFacts(c.name(), narrowing, fragmentation, encapsulation,
                children.pfsFromIke(), localEnd));
    }

    private Setting<Integer> ikeVersion(Resolved c) throws ConfigException {
        Setting<Integer> v = Setting.byDefault(2, LibreswanDefaults.note("IKEv2 (confread.c ike_version)"));
        Entry ikev2 = c.get("ikev2");
        if (ikev2 != null) {
            int version = switch (ikev2.value().toLowerCase(Locale.ROOT)) {
                case "no", "never", "permit" -> 1;
                case "yes", "propose", "insist", "always" -> 2;
                default -> throw LibreswanValues.fail(ikev2, "yes or no");
            };
            v = Setting.of(version, ikev2.origin());
        }
        Entry ke = c.get("keyexchange");
        if (ke != null) {
            // 4.10 knows only keyexchange=ike (which leaves ikev2= in charge); libreswan 5 selects the version here
            switch (ke.value().toLowerCase(Locale.ROOT)) {
                case "ike" -> { }
                case "ikev1" -> v = Setting.of(1, ke.origin());
                case "ikev2" -> v = Setting.of(2, ke.origin());
                default -> throw LibreswanValues.fail(ke, "ike, or ikev1/ikev2 (libreswan 5)");
            }
        }
        if (v.value() == 1 && ikev1Policy != null && !ikev1Policy.value().equalsIgnoreCase("accept")) {
            warnings.add(new ConfigWarning(ikev1Policy.origin(), "ikev1-policy=" + ikev1Policy.value()
                    + ": pluto 4.10 refuses to load IKEv1 conn " + c.name() + " (connections.c)"));
        }
        return v;
    }

    private static Entry host(Resolved c, String side) throws ConfigException {
        Entry e = c.get(side);
        if (e == null || e.value().isBlank()) {
            throw new ConfigException(c.origin().file(), c.origin().line(), "conn " + c.name() + " has no " + side
                    + "= (an address, a host name, %any or %defaultroute)");
        }
        return e;
    }

    private static boolean isLiteral(String address) {
        return address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    }

    private static Setting<String> id(Resolved c, String side, Entry host) {
        Entry e = c.get(side + "id");
        if (e != null && !e.value().isEmpty() && !e.value().equals("%none")) {
            return Setting.of(e.value(), e.origin());
        }
        if (isLiteral(host.value())) {
            return Setting.byDefault(host.value(), LibreswanDefaults.note(side + "id is the address " + side + "="));
        }
        return Setting.byDefault(null, LibreswanDefaults.note(side + "id is the address " + side + "="
                + host.value() + " stands for, not known offline"));
    }

    private Setting<PskDigest> psk(Resolved c, Setting<String> localMethod, Setting<String> remoteMethod,
                                   String localId, String remoteId) {
        if (!"PSK".equals(localMethod.value()) && !"PSK".equals(remoteMethod.value())) {
            return Setting.byDefault(null, "no pre-shared key: authentication by " + localMethod.value());
        }
        if (secrets == null) {
            warnings.add(new ConfigWarning(c.origin(), "conn " + c.name() + " authenticates with a PSK, but "
                    + noSecrets));
            return Setting.byDefault(null, noSecrets);
        }
        LibreswanSecrets.Psk match = secrets.match(localId, remoteId);
        if (match == null) {
            String text = "no ipsec.secrets PSK entry matches " + localId + " " + remoteId;
            warnings.add(new ConfigWarning(c.origin(), "conn " + c.name() + ": " + text));
            return Setting.byDefault(null, text);
        }
        return Setting.of(match.digest(), match.origin());
    }

    private Setting<List<IkeProposalConfig>> ikeProposals(Resolved c, int v) throws ConfigException {
        Entry e = c.get("ike");
        if (e == null) {
            List<IkeProposalConfig> list = LibreswanDefaults.ikeProposals(v);
            return Setting.of(list, list.get(0).origin());
        }
        try {
            List<IkeProposalConfig> list = LibreswanProposals.ike(e.value(), v, e.origin());
            return Setting.of(list, e.origin());
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(e.origin().file(), e.origin().line(), "ike=: " + ex.getMessage());
        }
    }

    /** ikev1_aggr.c, ikev1_spdb_struct.c: Aggressive Mode has room for one DH group and needs ike= to initiate. */
    private void aggressiveLimits(Resolved c, Setting<List<IkeProposalConfig>> ike) {
        if (c.get("ike") == null) {
            warnings.add(new ConfigWarning(c.origin(), "conn " + c.name() + ": aggressive=yes without ike=: pluto "
                    + "cannot initiate Aggressive Mode"));
        }
        long groups = ike.value().stream().flatMap(p -> p.dhGroups().stream()).distinct().count();
        if (groups > 1) {
            warnings.add(new ConfigWarning(ike.origin(), "conn " + c.name() + ": aggressive=yes with several DH "
                    + "groups: pluto proposes only the first"));
        }
    }

    private Setting<String> mode(Resolved c) throws ConfigException {
        Entry e = c.get("type");
        if (e == null) {
            return Setting.byDefault("tunnel", LibreswanDefaults.note("type=tunnel"));
        }
        String mode = switch (e.value().toLowerCase(Locale.ROOT)) {
            case "tunnel" -> "tunnel";
            case "transport" -> "transport";
            case "passthrough", "pass" -> "pass";
            case "drop", "reject" -> "drop";
            default -> throw LibreswanValues.fail(e, "tunnel, transport, passthrough, drop or reject");
        };
        return Setting.of(mode, e.origin());
    }

    private Setting<String> startAction(Resolved c) throws ConfigException {
        Entry e = c.get("auto");
        String auto = e == null ? "ignore" : e.value().toLowerCase(Locale.ROOT);
        String action = switch (auto) {
            case "add", "keep" -> "none";
            case "ondemand", "route" -> "trap";
            case "start", "up" -> "start";
            case "ignore" -> "none";
            default -> throw LibreswanValues.fail(e, "add, start, ondemand, route, keep or ignore");
        };
        if (auto.equals("ignore")) {
            warnings.add(new ConfigWarning(e == null ? c.origin() : e.origin(), "conn " + c.name()
                    + ": auto=ignore" + (e == null ? " (the default)" : "") + ", pluto does not load it until "
                    + "'ipsec auto --add " + c.name() + "'"));
        }
        return e == null ? Setting.byDefault(action, LibreswanDefaults.note("auto=ignore")) : Setting.of(action,
                e.origin());
    }

    private Setting<Long> lifetime(Resolved c, String key, long fallback) throws ConfigException {
        Entry e = c.get(key);
        if (e == null) {
            return Setting.byDefault(fallback, LibreswanDefaults.note(key + "=" + fallback / 3600 + "h "
                    + "(pluto_constants.h)"));
        }
        long s = LibreswanValues.seconds(e);
        if (s > LibreswanDefaults.MAX_LIFETIME) {
            warnings.add(new ConfigWarning(e.origin(), key + "=" + e.value() + ": pluto caps it at 24h"));
            s = LibreswanDefaults.MAX_LIFETIME;
        }
        return Setting.of(s, e.origin());
    }

    private static long seconds(Resolved c, String key, long fallback) throws ConfigException {
        Entry e = c.get(key);
        return e == null ? fallback : LibreswanValues.seconds(e);
    }

    /**
     * pluto schedules the replacement rekeymargin before the lifetime ends, earlier by up to rekeyfuzz (100 %) of
     * the margin at random: this is the latest time it rekeys.
     */
    private static Setting<Long> rekeyTime(Resolved c, Setting<Boolean> rekey, Setting<Long> life, long margin) {
        if (!rekey.value()) {
            return Setting.of(null, rekey.origin());
        }
        Entry m = c.get("rekeymargin");
        Origin origin = m != null ? m.origin() : life.origin().isDefault()
                ? Origin.byDefault(LibreswanDefaults.note("rekey 9m (rekeymargin) before the lifetime, up to 100% of "
                + "the margin earlier at random (rekeyfuzz)")) : life.origin();
        return Setting.of(Math.max(0, life.value() - margin), origin);
    }

    private static Setting<Boolean> bool(Resolved c, String key, boolean fallback, String note)
            throws ConfigException {
        Entry e = c.get(key);
        return e == null ? Setting.byDefault(fallback, LibreswanDefaults.note(note))
                : Setting.of(LibreswanValues.bool(e), e.origin());
    }

    private static Setting<String> choice(Resolved c, String key, String fallback, Set<String> allowed)
            throws ConfigException {
        Entry e = c.get(key);
        if (e == null) {
            return Setting.byDefault(fallback, LibreswanDefaults.note(key + "=" + fallback));
        }
        String v = e.value().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw LibreswanValues.fail(e, String.join(", ", new LinkedHashSet<>(allowed)));
        }
        return Setting.of(v, e.origin());
    }
}
