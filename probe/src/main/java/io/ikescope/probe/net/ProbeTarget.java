package io.ikescope.probe.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The one address a probe talks to. {@code natT}: the target port speaks NAT-T framing (RFC 3948: IKE behind a
 * four-byte non-ESP marker), as UDP 4500 does.
 */
public record ProbeTarget(InetSocketAddress address, boolean natT) {
    public static final int IKE_PORT = 500;
    public static final int NAT_T_PORT = 4500;

    /**
     * Reads {@code HOST}, {@code HOST:PORT}, {@code [IPV6]:PORT} or a bare IPv6 address. A name is resolved once,
     * by the system resolver, before anything is sent. {@code natT} chooses the default port (4500) and framing.
     */
    public static ProbeTarget parse(String text, boolean natT) throws UnknownHostException {
        String host = text.trim();
        Integer port = null;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("\"" + text + "\": an IPv6 address in brackets needs its ']'");
            }
            String rest = host.substring(close + 1);
            host = host.substring(1, close);
            if (rest.startsWith(":")) {
                port = port(rest.substring(1), text);
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("\"" + text + "\": expected :PORT after the ']'");
            }
        } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            port = port(host.substring(host.indexOf(':') + 1), text);
            host = host.substring(0, host.indexOf(':'));
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\": no host");
        }
        InetAddress address = InetAddress.getByName(host);
        int p = port != null ? port : natT ? NAT_T_PORT : IKE_PORT;
        return new ProbeTarget(new InetSocketAddress(address, p), natT);
    }

    private static int port(String digits, String text) {
        try {
            int p = Integer.parseInt(digits);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("\"" + text + "\": port must be 1-65535, not \"" + digits + "\"");
    }

    /** "198.51.100.2:500", "[2001:db8::2]:500". */
    public String text() {
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
