package io.ikescope.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * One configured traffic selector: an address range with an optional protocol and port range. {@code dynamic}
 * stands for the peer's own (outer or virtual) address, filled in at negotiation time (strongSwan's "dynamic",
 * a libreswan conn without a subnet, a vendor's "host" selector).
 *
 * @param text         as the file wrote it, for messages
 * @param start        first address (literal), null when dynamic
 * @param end          last address (literal), null when dynamic
 * @param ipProtocol   0 for any
 * @param startPort    0..65535
 * @param endPort      0..65535
 */
public record TrafficSelectorConfig(String text, boolean dynamic, String start, String end, int ipProtocol,
                                    int startPort, int endPort, Origin origin) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public static TrafficSelectorConfig dynamic(String text, Origin origin) {
        return new TrafficSelectorConfig(text, true, null, null, 0, 0, 65535, origin);
    }

    /**
     * A subnet ("10.0.0.0/24", "2001:db8::/32"), a single address, or a range ("10.0.0.1-10.0.0.9"), any protocol
     * and port.
     *
     * @throws IllegalArgumentException naming what is wrong; readers turn it into a {@link ConfigException}
     */
    public static TrafficSelectorConfig network(String text, Origin origin) {
        return network(text, 0, 0, 65535, origin);
    }

    public static TrafficSelectorConfig network(String text, int ipProtocol, int startPort, int endPort,
                                                Origin origin) {
        String trimmed = text.trim();
        int dash = trimmed.indexOf('-');
        if (dash > 0) {
            InetAddress first = literal(trimmed.substring(0, dash));
            InetAddress last = literal(trimmed.substring(dash + 1));
            if (first.getAddress().length != last.getAddress().length) {
                throw new IllegalArgumentException("range mixes IPv4 and IPv6: " + text);
            }
            return new TrafficSelectorConfig(text, false, first.getHostAddress(), last.getHostAddress(), ipProtocol,
                    startPort, endPort, origin);
        }
        int slash = trimmed.indexOf('/');
        InetAddress base = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
        int bits = base.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a prefix length: " + text);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix length out of range 0.." + bits + ": " + text);
            }
        }
        BigInteger value = new BigInteger(1, base.getAddress());
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        BigInteger low = value.andNot(hostMask);
        BigInteger high = low.or(hostMask);
        int length = base.getAddress().length;
        return new TrafficSelectorConfig(text, false, AddressValues.text(low, length),
                AddressValues.text(high, length), ipProtocol, startPort, endPort, origin);
    }

    public boolean isIpv6() {
        return start != null && start.contains(":");
    }

    /** The first address as a number (for range arithmetic); null when dynamic. */
    public BigInteger startValue() {
        return start == null ? null : new BigInteger(1, literal(start).getAddress());
    }

    public BigInteger endValue() {
        return end == null ? null : new BigInteger(1, literal(end).getAddress());
    }

    /** Parses an address literal only: a host name would mean a DNS lookup, which a configuration check must not do. */
    static InetAddress literal(String text) {
        String t = text.trim();
        if (!IPV4.matcher(t).matches() && !IPV6.matcher(t).matches()) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
    }
}
