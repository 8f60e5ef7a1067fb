package io.ikescope.check;

import io.ikescope.config.AddressValues;
import io.ikescope.config.Origin;
import io.ikescope.config.TrafficSelectorConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Traffic selector arithmetic: "dynamic" resolved to the end's address, intersections (RFC 7296 2.9 narrowing),
 * equality, and text in the "203.0.113.0/28" form.
 */
final class Selectors {
    private static final Origin RESOLVED = Origin.byDefault("dynamic: the end's address");

    private Selectors() {
    }

    /** A resolved selector; {@code unknown} when it stands for an address no file gives (then it fits anything). */
    record Range(BigInteger start, BigInteger end, int length, int protocol, int startPort, int endPort,
                 boolean unknown, String text) {

        Range intersect(Range o) {
            if (unknown) {
                return o;
            }
            if (o.unknown) {
                return this;
            }
            if (length != o.length) {
                return null;
            }
            if (protocol != 0 && o.protocol != 0 && protocol != o.protocol) {
                return null;
            }
            BigInteger s = start.max(o.start);
            BigInteger e = end.min(o.end);
            int sp = Math.max(startPort, o.startPort);
            int ep = Math.min(endPort, o.endPort);
            if (s.compareTo(e) > 0 || sp > ep) {
                return null;
            }
            int proto = protocol != 0 ? protocol : o.protocol;
            return new Range(s, e, length, proto, sp, ep, false, render(s, e, length, proto, sp, ep));
        }

        boolean sameAs(Range o) {
            if (unknown || o.unknown) {
                return true;
            }
            return length == o.length && start.equals(o.start) && end.equals(o.end) && protocol == o.protocol
                    && startPort == o.startPort && endPort == o.endPort;
        }
    }

    static List<Range> resolve(List<TrafficSelectorConfig> configured, String address) {
        List<Range> out = new ArrayList<>();
        for (TrafficSelectorConfig ts : configured == null ? List.<TrafficSelectorConfig>of() : configured) {
            out.add(resolve(ts, address));
        }
        return out;
    }

    static Range resolve(TrafficSelectorConfig ts, String address) {
        TrafficSelectorConfig t = ts;
        if (ts.dynamic()) {
            if (address == null || !Addresses.isLiteral(address)) {
                return new Range(null, null, 0, ts.ipProtocol(), ts.startPort(), ts.endPort(), true,
                        "dynamic (address unknown)");
            }
            t = TrafficSelectorConfig.network(address, ts.ipProtocol(), ts.startPort(), ts.endPort(), RESOLVED);
        }
        BigInteger s = t.startValue();
        BigInteger e = t.endValue();
        int length = t.isIpv6() ? 16 : 4;
        return new Range(s, e, length, t.ipProtocol(), t.startPort(), t.endPort(), false,
                render(s, e, length, t.ipProtocol(), t.startPort(), t.endPort()));
    }

    /** Every non-empty intersection of a proposed and a configured selector, in proposed order. */
    static List<Range> intersect(List<Range> proposed, List<Range> configured) {
        List<Range> out = new ArrayList<>();
        for (Range c : configured) {
            for (Range p : proposed) {
                Range r = p.intersect(c);
                if (r != null && out.stream().noneMatch(r::sameAs)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** The same selectors, in any order. */
    static boolean sameSet(List<Range> a, List<Range> b) {
        return a.size() == b.size() && a.stream().allMatch(x -> b.stream().anyMatch(x::sameAs))
                && b.stream().allMatch(x -> a.stream().anyMatch(x::sameAs));
    }

    static List<String> texts(List<Range> ranges) {
        return ranges.stream().map(Range::text).toList();
    }

    private static String render(BigInteger s, BigInteger e, int length, int proto, int sp, int ep) {
        String base = AddressValues.text(s, length);
        BigInteger size = e.subtract(s).add(BigInteger.ONE);
        int bits = length * 8;
        String text;
        if (size.bitCount() == 1 && s.mod(size).signum() == 0) {
            text = base + "/" + (bits - (size.bitLength() - 1));
        } else {
            text = base + "-" + AddressValues.text(e, length);
        }
        if (proto != 0 || sp != 0 || ep != 65535) {
            text += "[" + proto + (sp == 0 && ep == 65535 ? "" : "/" + (sp == ep ? "" + sp : sp + "-" + ep)) + "]";
        }
        return text;
    }
}
