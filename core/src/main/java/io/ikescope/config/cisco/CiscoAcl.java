package io.ikescope.config.cisco;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Origin;
import io.ikescope.config.TrafficSelectorConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A crypto ACL: each "permit" entry is one pair of traffic selectors (source = this end, destination = the peer),
 * as IOS proposes one proxy-ID pair per entry. Entries come from "ip access-list extended NAME" (one entry per
 * sub-line, optionally after a sequence number) or from numbered "access-list N permit ..." lines. Entries are
 * converted only when a crypto map uses the ACL: other ACLs (QoS, NAT) may use what a selector cannot express.
 */
final class CiscoAcl {

    /** One permit entry as selectors, and the line it came from. */
    record Entry(TrafficSelectorConfig local, TrafficSelectorConfig remote, Origin origin) {
    }

    final String name;
    final Origin origin;
    /** Each line with the index of its action word (0 under a named ACL, 2 in "access-list N ..."). */
    private final List<CiscoLine> lines = new ArrayList<>();
    private final List<Integer> actionIndex = new ArrayList<>();

    CiscoAcl(String name, Origin origin) {
        this.name = name;
        this.origin = origin;
    }

    void add(CiscoLine line, int index) {
        lines.add(line);
        actionIndex.add(index);
    }

    List<Entry> entries(String file, List<ConfigWarning> warnings) throws ConfigException {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            CiscoLine line = lines.get(i);
            int at = actionIndex.get(i);
            if (line.word(at) != null && line.word(at).matches("\\d+")) {
                at++; // sequence number of a named ACL entry
            }
            String action = line.word(at);
            if ("remark".equalsIgnoreCase(action)) {
                continue;
            }
            if ("deny".equalsIgnoreCase(action)) {
                warnings.add(new ConfigWarning(line.origin(file), "ACL " + name
                        + ": deny entry exempts traffic from encryption; it is not a traffic selector"));
                continue;
            }
            if (!"permit".equalsIgnoreCase(action)) {
                throw new ConfigException(file, line.number, "ACL " + name + ": expected permit, deny or remark");
            }
            Entry entry = entry(line, at + 1, file, warnings);
            if (entry != null) {
                out.add(entry);
            }
        }
        return out;
    }

    private Entry entry(CiscoLine line, int at, String file, List<ConfigWarning> warnings) throws ConfigException {
        Origin origin = line.origin(file);
        String protocolWord = line.word(at);
        if (protocolWord == null) {
            throw new ConfigException(file, line.number, "ACL " + name + ": expected a protocol after permit");
        }
        Integer protocol = CiscoAlgorithms.ACL_PROTOCOLS.get(protocolWord.toLowerCase());
        if (protocol == null && protocolWord.matches("\\d{1,3}") && Integer.parseInt(protocolWord) <= 255) {
            protocol = Integer.parseInt(protocolWord);
        }
        if (protocol == null) {
            warnings.add(new ConfigWarning(origin, "ACL " + name + ": protocol '" + protocolWord
                    + "' not read (object-group or unknown); entry skipped"));
            return null;
        }
        Cursor cursor = new Cursor(line, at + 1, file);
        String[] source = cursor.address();
        int[] sourcePorts = cursor.ports(protocol);
        String[] destination = cursor.address();
        int[] destinationPorts = cursor.ports(protocol);
        if (source == null || destination == null || sourcePorts == null || destinationPorts == null) {
            warnings.add(new ConfigWarning(origin, "ACL " + name + ": " + cursor.problem + "; entry skipped"));
            return null;
        }
        String trailing = line.rest(cursor.index);
        if (!trailing.isEmpty() && !trailing.equalsIgnoreCase("log")) {
            warnings.add(new ConfigWarning(origin, "ACL " + name + ": '" + trailing + "' not read"));
        }
        return new Entry(selector(source, protocol, sourcePorts, origin, file, line),
                selector(destination, protocol, destinationPorts, origin, file, line), origin);
    }

    private static TrafficSelectorConfig selector(String[] address, int protocol, int[] ports, Origin origin,
                                                  String file, CiscoLine line) throws ConfigException {
        try {
            return TrafficSelectorConfig.network(address[0], protocol, ports[0], ports[1], origin);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, line.number, e.getMessage());
        }
    }

    /** The prefix length of a contiguous wildcard mask ("0.0.0.255" is 24), or -1 when it has holes. */
    static int prefixOfWildcard(String wildcard) {
        long bits = ipv4(wildcard);
        if (bits < 0) {
            return -1;
        }
        // a contiguous wildcard is 2^n - 1: adding one leaves a single bit
        long plusOne = bits + 1;
        if ((plusOne & bits) != 0) {
            return -1;
        }
        return 32 - Long.numberOfTrailingZeros(plusOne);
    }

    /** The value of a dotted-quad, or -1 when it is not one. */
    static long ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return -1;
            }
            value = value << 8 | Integer.parseInt(part);
        }
        return value;
    }

    /** Reads an entry's addresses and ports word by word. */
    private final class Cursor {
        final CiscoLine line;
        final String file;
        int index;
        String problem;

        Cursor(CiscoLine line, int index, String file) {
            this.line = line;
            this.index = index;
            this.file = file;
        }

        /** {prefix text} for "any", "host A" or "A WILDCARD"; null (with problem) otherwise. */
        String[] address() throws ConfigException {
            String word = line.word(index);
            if (word == null) {
                problem = problem == null ? "expected a source and a destination" : problem;
                return null;
            }
            if (word.equalsIgnoreCase("any")) {
                index++;
                return new String[] {"0.0.0.0/0"};
            }
            if (word.equalsIgnoreCase("host")) {
                String host = line.word(index + 1);
                if (host == null || ipv4(host) < 0) {
                    throw new ConfigException(file, line.number, "ACL " + name + ": expected an address after host");
                }
                index += 2;
                return new String[] {host + "/32"};
            }
            if (word.equalsIgnoreCase("object-group") || word.equalsIgnoreCase("addrgroup")) {
                problem = "object groups are not read";
                return null;
            }
            String wildcard = line.word(index + 1);
            if (ipv4(word) < 0 || wildcard == null || ipv4(wildcard) < 0) {
                throw new ConfigException(file, line.number, "ACL " + name
                        + ": expected any, host ADDRESS or ADDRESS WILDCARD at '" + word + "'");
            }
            int prefix = prefixOfWildcard(wildcard);
            if (prefix < 0) {
                throw new ConfigException(file, line.number, "ACL " + name + ": wildcard " + wildcard
                        + " is not contiguous; a traffic selector is a prefix or a range");
            }
            index += 2;
            return new String[] {word + "/" + prefix};
        }

        /** {start, end} from "eq P", "range A B", "gt P", "lt P" (TCP/UDP only), or all ports. */
        int[] ports(int protocol) throws ConfigException {
            String word = line.word(index);
            if (word == null || (protocol != 6 && protocol != 17)) {
                return new int[] {0, 65535};
            }
            switch (word.toLowerCase()) {
                case "eq" -> {
                    int port = port(index + 1);
                    index += 2;
                    return new int[] {port, port};
                }
                case "range" -> {
                    int low = port(index + 1);
                    int high = port(index + 2);
                    index += 3;
                    return new int[] {low, high};
                }
                case "gt" -> {
                    int port = port(index + 1);
                    index += 2;
                    return new int[] {Math.min(port + 1, 65535), 65535};
                }
                case "lt" -> {
                    int port = port(index + 1);
                    index += 2;
                    return new int[] {0, Math.max(port - 1, 0)};
                }
                case "neq" -> {
                    problem = "neq is two port ranges, which one selector cannot hold";
                    return null;
                }
                default -> {
                    return new int[] {0, 65535};
                }
            }
        }

        private int port(int at) throws ConfigException {
            String word = line.word(at);
            if (word != null && word.matches("\\d{1,5}") && Integer.parseInt(word) <= 65535) {
                return Integer.parseInt(word);
            }
            Integer named = word == null ? null : CiscoAlgorithms.ACL_PORTS.get(word.toLowerCase());
            if (named == null) {
                throw new ConfigException(file, line.number, "ACL " + name + ": expected a port number at '"
                        + (word == null ? "end of line" : word) + "'");
            }
            return named;
        }
    }
}
