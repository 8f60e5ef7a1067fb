package io.ikescope.cli.watch;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code watch -i INTERFACE}: tcpdump writing a pcap stream of what the diagnosis reads (IKE and NAT-T on UDP 500 and
 * 4500, IKE over TCP 4500, ESP, AH, ICMP errors, IP fragments), packet-buffered so each packet arrives at once.
 * Its own messages ("listening on ...", permission errors) go to our standard error.
 */
public final class TcpdumpCapture implements AutoCloseable {
    /** What the diagnosis reads; fragments because certificates and lost fragments matter (IPv6 ones via ip6[6]). */
    static final String FILTER = "udp port 500 or udp port 4500 or tcp port 4500 or esp or ah"
            + " or icmp[0] == 3 or icmp6[0] == 1 or (ip[6:2] & 0x3fff != 0) or ip6[6] == 44";

    private final Process process;

    private TcpdumpCapture(Process process) {
        this.process = process;
    }

    /** The filter, with the extra UDP ports given to --port. */
    static String filter(java.util.Collection<Integer> extraUdpPorts) {
        StringBuilder f = new StringBuilder(FILTER);
        for (int port : extraUdpPorts) {
            f.append(" or udp port ").append(port);
        }
        return f.toString();
    }

    /** Starts tcpdump on the interface; a missing tcpdump is a one-line error. */
    public static TcpdumpCapture start(String networkInterface, java.util.Collection<Integer> extraUdpPorts)
            throws IOException {
        if (networkInterface.isBlank() || networkInterface.startsWith("-")) {
            throw new IllegalArgumentException("not an interface name: " + networkInterface);
        }
        List<String> command = List.of("tcpdump", "-i", networkInterface, "-U", "-w", "-", "-s", "0",
                filter(extraUdpPorts));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new TcpdumpCapture(p);
        } catch (IOException e) {
            throw new IOException("cannot run tcpdump (is it installed? Debian: apt install tcpdump): "
                    + e.getMessage(), e);
        }
    }

    public InputStream stream() {
        return process.getInputStream();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
