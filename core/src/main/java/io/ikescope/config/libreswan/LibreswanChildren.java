package io.ikescope.config.libreswan;

import io.ikescope.config.ChildConfig;
import io.ikescope.config.ChildProposalConfig;
import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.IkeProposalConfig;
import io.ikescope.config.Origin;
import io.ikescope.config.Setting;
import io.ikescope.config.TrafficSelectorConfig;
import io.ikescope.config.libreswan.ConnResolver.Resolved;
import io.ikescope.config.libreswan.IpsecConfParser.Entry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The child SAs of one conn: its ESP/AH proposals with PFS applied, its traffic selectors, and the expansion of
 * {@code leftsubnets=}/{@code rightsubnets=} into one child per pair, named {@code conn/LxR} with the subnet=
 * value counted 0 and each subnets= element from 1, left outermost (lib/libipsecconf/starterwhack.c
 * starter_permutate_conns, libreswan 4.10).
 */
final class LibreswanChildren {

    private static final Map<String, Integer> PROTOCOLS = Map.of("tcp", 6, "udp", 17, "icmp", 1, "icmpv6", 58,
            "gre", 47, "esp", 50, "ah", 51, "sctp", 132, "any", 0, "%any", 0);
    /** Bounds the expansion of subnets= lists (each pair is a conn of its own in pluto). */
    static final int MAX_CHILDREN = 256;

    private final Resolved conn;
    private final List<ConfigWarning> warnings;

    /** Whether the PFS groups were taken from the IKE proposals (pfs=yes with no DH in esp=). */
    private Setting<Boolean> pfsFromIke;

    LibreswanChildren(Resolved conn, List<ConfigWarning> warnings) {
        this.conn = conn;
        this.warnings = warnings;
    }

    Setting<Boolean> pfsFromIke() {
        return pfsFromIke;
    }

    List<ChildConfig> build(int ikeVersion, String local, String remote, List<String> localAddrs,
                            List<String> remoteAddrs, List<IkeProposalConfig> ike, Setting<String> mode,
                            Setting<String> startAction, Setting<Long> rekey, Setting<Long> life)
            throws ConfigException {
        Setting<List<ChildProposalConfig>> proposals = proposals(ikeVersion, ike);
        List<Selector> locals = selectors(local, localAddrs);
        List<Selector> remotes = selectors(remote, remoteAddrs);
        boolean expand = conn.get(local + "subnets") != null || conn.get(remote + "subnets") != null;
        if (expand && (locals.isEmpty() || remotes.isEmpty())) {
            throw new ConfigException(conn.origin().file(), conn.origin().line(), "conn " + conn.name()
                    + ": leftsubnets=/rightsubnets= need a subnet on both ends (starterwhack.c)");
        }
        if (locals.isEmpty()) {
            locals = List.of(host(local, localAddrs));
        }
        if (remotes.isEmpty()) {
            remotes = List.of(host(remote, remoteAddrs));
        }
        if ((long) locals.size() * remotes.size() > MAX_CHILDREN) {
            throw new ConfigException(conn.origin().file(), conn.origin().line(), "conn " + conn.name()
                    + ": subnets= expand to more than " + MAX_CHILDREN + " children");
        }
        // the numbering is left x right whichever end is local
        boolean leftLocal = local.equals("left");
        List<ChildConfig> out = new ArrayList<>();
        for (Selector l : leftLocal ? locals : remotes) {
            for (Selector r : leftLocal ? remotes : locals) {
                String name = expand ? conn.name() + "/" + l.count() + "x" + r.count() : conn.name();
                Selector mine = leftLocal ? l : r;
                Selector theirs = leftLocal ? r : l;
                out.add(new ChildConfig(name, conn.origin(), Setting.of(List.of(mine.ts()), mine.ts().origin()),
                        Setting.of(List.of(theirs.ts()), theirs.ts().origin()), proposals, mode, startAction,
                        rekey, life));
            }
        }
        return out;
    }

    private record Selector(TrafficSelectorConfig ts, int count) {
    }

    private Selector host(String side, List<String> addrs) {
        Origin origin = Origin.byDefault(LibreswanDefaults.note("without " + side + "subnet=: the "
                + side + " host's own address"));
        String address = addrs.get(0);
        if (address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            try {
                return new Selector(TrafficSelectorConfig.network(address, origin), 0);
            } catch (IllegalArgumentException e) {
                // fall through: a host name or a %keyword is filled in at negotiation time
            }
        }
        return new Selector(TrafficSelectorConfig.dynamic(address, origin), 0);
    }

    private List<Selector> selectors(String side, List<String> addrs) throws ConfigException {
        List<Selector> out = new ArrayList<>();
        int[] proto = protoport(side);
        Entry subnet = conn.get(side + "subnet");
        if (subnet != null) {
            if (subnet.value().contains(",")) {
                throw new ConfigException(subnet.origin().file(), subnet.origin().line(), "libreswan 4.10 takes "
                        + "one subnet in " + side + "subnet= (several go in " + side + "subnets={...})");
            }
            out.add(new Selector(network(subnet, subnet.value(), proto), 0));
        }
        int count = 0;
        for (Entry e : conn.all(side + "subnets")) {
            for (String s : e.value().trim().split("[\\s,]+")) {
                if (!s.isEmpty()) {
                    out.add(new Selector(network(e, s, proto), ++count));
                }
            }
        }
        if (out.isEmpty() && proto[0] != 0) {
            Selector h = host(side, addrs);
            TrafficSelectorConfig t = h.ts();
            out.add(new Selector(new TrafficSelectorConfig(t.text(), t.dynamic(), t.start(), t.end(), proto[0],
                    proto[1], proto[2], t.origin()), 0));
        }
        return out;
    }

    private static TrafficSelectorConfig network(Entry e, String text, int[] proto) throws ConfigException {
        try {
            return TrafficSelectorConfig.network(text, proto[0], proto[1], proto[2], e.origin());
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(e.origin().file(), e.origin().line(), e.key() + ": " + ex.getMessage());
        }
    }

    /** leftprotoport=PROTO[/PORT]: {protocol, first port, last port}. */
    private int[] protoport(String side) throws ConfigException {
        Entry e = conn.get(side + "protoport");
        if (e == null) {
            return new int[] {0, 0, 65535};
        }
        String[] parts = e.value().toLowerCase(Locale.ROOT).split("/", -1);
        Integer proto = PROTOCOLS.get(parts[0]);
        if (proto == null) {
            proto = number(e, parts[0], 255);
        }
        if (parts.length == 1 || parts[1].equals("%any") || parts[1].equals("0")) {
            return new int[] {proto, 0, 65535};
        }
        if (parts.length != 2) {
            throw LibreswanValues.fail(e, "PROTOCOL/PORT");
        }
        int port = number(e, parts[1], 65535);
        return new int[] {proto, port, port};
    }

    private static int number(Entry e, String text, int max) throws ConfigException {
        try {
            int n = Integer.parseInt(text);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ex) {
            // reported below
        }
        throw LibreswanValues.fail(e, "PROTOCOL/PORT with numbers or tcp, udp, icmp, ...");
    }

    private Setting<List<ChildProposalConfig>> proposals(int ikeVersion, List<IkeProposalConfig> ike)
            throws ConfigException {
        Entry phase2 = conn.get("phase2");
        boolean ah = phase2 != null && phase2.value().equalsIgnoreCase("ah");
        if (phase2 != null && !ah && !phase2.value().equalsIgnoreCase("esp")) {
            throw LibreswanValues.fail(phase2, "esp or ah");
        }
        Entry line = conn.get(ah ? "ah" : "esp");
        List<ChildProposalConfig> list;
        Origin origin;
        try {
            if (line == null) {
                list = ah ? LibreswanDefaults.ahProposals(ikeVersion) : LibreswanDefaults.espProposals(ikeVersion);
                origin = list.get(0).origin();
            } else {
                list = LibreswanProposals.child(line.value(), ah ? LibreswanProposals.Kind.AH
                        : LibreswanProposals.Kind.ESP, ikeVersion, line.origin());
                origin = line.origin();
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(line.origin().file(), line.origin().line(), line.key() + ": " + e.getMessage());
        }
        List<Boolean> esn = esn();
        List<ChildProposalConfig> out = new ArrayList<>();
        for (ChildProposalConfig p : pfs(list, line, ikeVersion, ike)) {
            out.add(new ChildProposalConfig(p.protocol(), p.encryption(), p.integrity(), p.dhGroups(), esn,
                    p.origin()));
        }
        return Setting.of(out, origin);
    }

    /** esn=yes|no|either; empty (pluto's default, either) when unset. */
    private List<Boolean> esn() throws ConfigException {
        Entry e = conn.get("esn");
        if (e == null) {
            return List.of();
        }
        return switch (e.value().toLowerCase(Locale.ROOT)) {
            case "yes" -> List.of(true);
            case "no" -> List.of(false);
            case "either" -> List.of(true, false);
            default -> throw LibreswanValues.fail(e, "yes, no or either");
        };
    }

    /** PFS as lib/libswan/proposals.c proposals_pfs_vs_dh_check and pluto apply it. */
    private List<ChildProposalConfig> pfs(List<ChildProposalConfig> list, Entry line, int ikeVersion,
                                          List<IkeProposalConfig> ike) throws ConfigException {
        Entry pfsEntry = conn.get("pfs");
        boolean pfs = pfsEntry == null || LibreswanValues.bool(pfsEntry);
        Origin pfsOrigin = pfsEntry == null ? Origin.byDefault(LibreswanDefaults.note("pfs=yes (confread.c)"))
                : pfsEntry.origin();
        List<ChildProposalConfig> out = new ArrayList<>();
        if (!pfs) {
            for (ChildProposalConfig p : list) {
                if (p.hasPfs()) {
                    warnings.add(new ConfigWarning(p.origin(), "pfs=no: pluto ignores the DH group(s) " + p.dhGroups()
                            + " of this " + p.protocol() + " proposal"));
                }
                out.add(withGroups(p, List.of()));
            }
            pfsFromIke = Setting.of(false, pfsOrigin);
            return out;
        }
        long named = list.stream().filter(p -> !p.dhGroups().isEmpty()).count();
        if (named > 0 && named < list.size()) {
            throw new ConfigException(line.origin().file(), line.origin().line(),
                    "either all or no " + line.key() + " proposals should specify DH");
        }
        if (named > 0) {
            LinkedHashSet<Integer> distinct = new LinkedHashSet<>();
            list.forEach(p -> distinct.addAll(p.dhGroups()));
            distinct.remove(0);
            if (ikeVersion == 1 && distinct.size() > 1) {
                throw new ConfigException(line.origin().file(), line.origin().line(), "more than one IKEv1 "
                        + line.key() + " DH algorithm is not allowed in Quick Mode");
            }
            for (ChildProposalConfig p : list) {
                out.add(withGroups(p, p.dhGroups().contains(0) ? List.of() : p.dhGroups())); // dh=none: no PFS
            }
            pfsFromIke = Setting.of(false, pfsOrigin);
            return out;
        }
        // pfs=yes, no DH named: the IKE SA's group (ipsec.conf(5) esp=; ikev1_quick.c, ikev2_proposals.c).
        // Which one is known only once the IKE SA is up: every group the IKE proposals allow, in their order.
        LinkedHashSet<Integer> groups = new LinkedHashSet<>();
        ike.forEach(p -> groups.addAll(p.dhGroups()));
        for (ChildProposalConfig p : list) {
            out.add(withGroups(p, List.copyOf(groups)));
        }
        pfsFromIke = Setting.of(true, pfsOrigin);
        return out;
    }

    private static ChildProposalConfig withGroups(ChildProposalConfig p, List<Integer> groups) {
        return new ChildProposalConfig(p.protocol(), p.encryption(), p.integrity(), groups, p.esn(), p.origin());
    }
}
