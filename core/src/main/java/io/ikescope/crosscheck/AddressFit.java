package io.ikescope.crosscheck;

import io.ikescope.config.Origin;
import io.ikescope.config.TrafficSelectorConfig;
import java.util.List;
import java.util.Locale;

/**
 * How well configured addresses fit an address the capture shows: a literal (or subnet, range) holding it, %any,
 * or not at all. Host names are not resolved: they fit like %any, as the capture cannot contradict them.
 */
enum AddressFit {
    NONE, ANY, EXACT;

    private static final Origin NOWHERE = Origin.byDefault("diagnose --config address comparison");

    static AddressFit of(List<String> configured, String seen) {
        if (configured == null || configured.isEmpty()) {
            return ANY;
        }
        AddressFit best = NONE;
        for (String c : configured) {
            AddressFit f = one(c, seen);
            if (f.ordinal() > best.ordinal()) {
                best = f;
            }
        }
        return best;
    }

    private static AddressFit one(String configured, String seen) {
        String c = configured.trim().toLowerCase(Locale.ROOT);
        if (c.isEmpty() || c.startsWith("%") || c.equals("0.0.0.0/0") || c.equals("::/0")) {
            return ANY;
        }
        TrafficSelectorConfig range = parse(c);
        TrafficSelectorConfig value = parse(seen);
        if (range == null || value == null) {
            // a host name: the capture cannot tell
            return range == null ? ANY : NONE;
        }
        boolean inside = range.isIpv6() == value.isIpv6()
                && range.startValue().compareTo(value.startValue()) <= 0
                && value.endValue().compareTo(range.endValue()) <= 0;
        return inside ? EXACT : NONE;
    }

    private static TrafficSelectorConfig parse(String text) {
        try {
            return TrafficSelectorConfig.network(text, NOWHERE);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
