package io.ikescope.config.strongswan;

import io.ikescope.config.ConfigException;
import io.ikescope.config.Origin;
import io.ikescope.config.TrafficSelectorConfig;
import java.util.Locale;
import java.util.Map;

/**
 * strongSwan traffic selectors as swanctl.conf(5) local_ts/remote_ts and ipsec.conf(5) leftsubnet write them: a
 * subnet, an address, a range "a-b" or {@code dynamic}, optionally followed by {@code [protocol/port]} where the
 * protocol is a name or number and the port a number, a range "a-b", %any or %opaque.
 */
final class TrafficSelectors {

    /** The protocol names strongSwan resolves with getprotobyname, those a VPN selector uses. */
    private static final Map<String, Integer> PROTOCOLS = Map.ofEntries(
            Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("tcp", 6), Map.entry("udp", 17),
            Map.entry("gre", 47), Map.entry("esp", 50), Map.entry("ah", 51), Map.entry("ipv6-icmp", 58),
            Map.entry("icmpv6", 58), Map.entry("ospf", 89), Map.entry("sctp", 132), Map.entry("udplite", 136),
            Map.entry("%any", 0));

    private TrafficSelectors() {
    }

    static TrafficSelectorConfig parse(String item, Origin origin) throws ConfigException {
        String net = item;
        int protocol = 0;
        int startPort = 0;
        int endPort = 65535;
        int bracket = item.indexOf('[');
        if (bracket >= 0) {
            if (!item.endsWith("]")) {
                throw ValueParsers.error(origin, "traffic selector " + item + ": expected ']' at the end");
            }
            net = item.substring(0, bracket);
            String inside = item.substring(bracket + 1, item.length() - 1);
            int slash = inside.indexOf('/');
            String proto = slash < 0 ? inside : inside.substring(0, slash);
            protocol = protocol(proto, item, origin);
            if (slash >= 0) {
                String port = inside.substring(slash + 1);
                if (!port.equalsIgnoreCase("%any") && !port.equalsIgnoreCase("%opaque")) {
                    int dash = port.indexOf('-');
                    startPort = port(dash < 0 ? port : port.substring(0, dash), item, origin);
                    endPort = dash < 0 ? startPort : port(port.substring(dash + 1), item, origin);
                }
            }
        }
        if (net.equalsIgnoreCase("dynamic") || net.equalsIgnoreCase("%dynamic")) {
            return new TrafficSelectorConfig(item, true, null, null, protocol, startPort, endPort, origin);
        }
        try {
            TrafficSelectorConfig ts = TrafficSelectorConfig.network(net, protocol, startPort, endPort, origin);
            return new TrafficSelectorConfig(item, false, ts.start(), ts.end(), protocol, startPort, endPort, origin);
        } catch (IllegalArgumentException e) {
            throw ValueParsers.error(origin, "traffic selector " + item + ": " + e.getMessage());
        }
    }

    private static int protocol(String text, String item, Origin origin) throws ConfigException {
        Integer known = PROTOCOLS.get(text.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        if (!text.isEmpty() && text.length() <= 3 && text.chars().allMatch(Character::isDigit)
                && Integer.parseInt(text) <= 255) {
            return Integer.parseInt(text);
        }
        throw ValueParsers.error(origin, "traffic selector " + item + ": unknown protocol '" + text + "'");
    }

    private static int port(String text, String item, Origin origin) throws ConfigException {
        if (!text.isEmpty() && text.length() <= 5 && text.chars().allMatch(Character::isDigit)
                && Integer.parseInt(text) <= 65535) {
            return Integer.parseInt(text);
        }
        throw ValueParsers.error(origin, "traffic selector " + item + ": expected a port number, found '" + text
                + "'");
    }
}
