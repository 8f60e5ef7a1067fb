package io.ikescope.check;

import io.ikescope.config.Origin;
import io.ikescope.config.TrafficSelectorConfig;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/** Whether configured peer addresses fit each other: literals, %any, subnets and ranges (strongSwan allows those). */
final class Addresses {
    private static final Origin NOWHERE = Origin.byDefault("address comparison");

    private Addresses() {
    }

    static boolean isAny(String address) {
        String a = address.trim().toLowerCase(Locale.ROOT);
        return a.isEmpty() || a.equals("%any") || a.equals("%any4") || a.equals("%any6") || a.equals("0.0.0.0/0")
                || a.equals("::/0") || a.equals("%defaultroute");
    }

    /** A single literal address. */
    static boolean isLiteral(String address) {
        if (isAny(address) || address.contains("/") || address.contains("-")) {
            return false;
        }
        return range(address) != null;
    }

    /** Something an initiator can send to: a literal or a host name, not %any, a subnet or a range. */
    static boolean isConcrete(String address) {
        return !isAny(address) && !address.contains("/") && !(address.contains("-") && range(address) != null)
                && !address.startsWith("%");
    }

    /**
     * Whether an end configured to talk to {@code expected} accepts a peer at one of {@code actual}. Unknown
     * (%any on the peer's own side, host names not literal) counts as fitting: no DNS is asked.
     */
    static boolean fits(List<String> expected, List<String> actual) {
        if (expected == null || expected.isEmpty() || expected.stream().anyMatch(Addresses::isAny)) {
            return true;
        }
        List<String> literals = actual == null ? List.of() : actual.stream().filter(Addresses::isLiteral).toList();
        if (literals.isEmpty()) {
            return true;
        }
        for (String e : expected) {
            for (String a : literals) {
                if (contains(e, a)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(String expected, String address) {
        BigInteger[] range = range(expected);
        BigInteger[] value = range(address);
        if (range == null || value == null) {
            return expected.trim().equalsIgnoreCase(address.trim());
        }
        return range[0].compareTo(value[0]) <= 0 && value[1].compareTo(range[1]) <= 0
                && (range[2].equals(value[2]));
    }

    /** {first, last, family length} of a literal, subnet or range; null when not one. */
    private static BigInteger[] range(String text) {
        try {
            TrafficSelectorConfig ts = TrafficSelectorConfig.network(text, NOWHERE);
            return new BigInteger[] {ts.startValue(), ts.endValue(), BigInteger.valueOf(ts.isIpv6() ? 16 : 4)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
