package io.ikescope.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Runs {@code tshark -Y isakmp -T pdml} on a capture and keeps, per packet, the frame number, the outermost
 * addresses and ports, the UDP payload, and the field tree of each ISAKMP layer. PDML is used because, unlike
 * {@code -T json}, it keeps field order, nesting and repeated names as they are, and carries both the display
 * value and the raw bytes. Shared by the core decoder comparison and the CLI's end-to-end comparison.
 */
public final class PdmlReader {

    /** One PDML field: name, display value, raw hex value, position and size, children in order. */
    public record Field(String name, String show, String value, int pos, int size, List<Field> children) {
        public Field child(String childName) {
            for (Field f : children) {
                if (f.name.equals(childName)) {
                    return f;
                }
            }
            return null;
        }
    }

    /**
     * One packet tshark shows as ISAKMP. Addresses and ports are the first (outermost) ones tshark shows, as
     * text (IPv6 in its compressed form); {@code tcp} tells whether the ports are TCP ports; {@code icmpError}
     * that the frame is an ICMP or ICMPv6 error, so its ISAKMP is the header of an earlier datagram it quotes.
     */
    public record Packet(long frame, String src, String dst, int srcPort, int dstPort, boolean tcp,
                         boolean icmpError, byte[] udpPayload, List<Field> isakmpLayers) {
    }

    private PdmlReader() {
    }

    /** True when a tshark that runs is on the PATH. */
    public static boolean tsharkAvailable() {
        try {
            Process p = new ProcessBuilder("tshark", "-v").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** tshark's PDML with an empty configuration, so no user preference (or key table) changes its answers. */
    public static List<Packet> read(Path capture) throws IOException, InterruptedException {
        Path empty = Files.createTempDirectory("tshark-profile");
        try {
            return read(capture, empty);
        } finally {
            Files.deleteIfExists(empty);
        }
    }

    /**
     * @param configHome    an XDG_CONFIG_HOME holding wireshark/ikev*_decryption_table (or nothing)
     * @param tsharkOptions more tshark options, e.g. {@code -d udp.port==5001,isakmp}
     */
    public static List<Packet> read(Path capture, Path configHome, String... tsharkOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tshark", "-r", capture.toString()));
        command.addAll(List.of(tsharkOptions));
        command.addAll(List.of("-Y", "isakmp", "-T", "pdml"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("XDG_CONFIG_HOME", configHome.toString());
        builder.environment().put("HOME", configHome.toString());
        Process process = builder.start();
        List<Packet> packets;
        try (InputStream in = process.getInputStream()) {
            packets = parse(in);
        } catch (XMLStreamException e) {
            throw new IOException("tshark PDML for " + capture + " does not parse: " + e.getMessage(), e);
        } finally {
            process.getInputStream().close();
        }
        int rc = process.waitFor();
        if (rc != 0) {
            throw new IOException("tshark exited with " + rc + " on " + capture);
        }
        return packets;
    }

    private static List<Packet> parse(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader x = factory.createXMLStreamReader(in);
        List<Packet> packets = new ArrayList<>();
        PacketBuilder packet = null;
        List<List<Field>> stack = new ArrayList<>();
        List<String[]> open = new ArrayList<>(); // attributes of open fields inside an isakmp layer
        // protocols opened inside an isakmp layer: true for a nested isakmp (kept as a node), false for others
        // (e.g. x509af in a CERT payload, transparent: their fields belong to the enclosing field)
        List<Boolean> nestedProtos = new ArrayList<>();
        boolean inIsakmp = false;
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String tag = x.getLocalName();
                if (tag.equals("packet")) {
                    packet = new PacketBuilder();
                } else if (tag.equals("proto") && inIsakmp) {
                    // tshark nests the message it reassembled from IKEv1 fragments inside the last fragment's
                    // payload: it becomes a node named "isakmp" there, not a layer of its own
                    boolean isakmp = "isakmp".equals(attr(x, "name"));
                    nestedProtos.add(isakmp);
                    if (isakmp) {
                        open.add(new String[] {"isakmp", "", "", attr(x, "pos"), attr(x, "size")});
                        stack.add(new ArrayList<>());
                    }
                } else if (tag.equals("proto") && "isakmp".equals(x.getAttributeValue(null, "name"))) {
                    inIsakmp = true;
                    stack.clear();
                    open.clear();
                    nestedProtos.clear();
                    stack.add(new ArrayList<>());
                } else if (tag.equals("field") && packet != null) {
                    String name = attr(x, "name");
                    if (inIsakmp) {
                        open.add(new String[] {name, attr(x, "show"), attr(x, "value"), attr(x, "pos"), attr(x, "size")});
                        stack.add(new ArrayList<>());
                    } else {
                        packet.outerField(name, attr(x, "show"), attr(x, "value"));
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String tag = x.getLocalName();
                if (tag.equals("proto") && inIsakmp && !nestedProtos.isEmpty()) {
                    if (nestedProtos.remove(nestedProtos.size() - 1)) {
                        closeNode(open, stack);
                    }
                } else if (tag.equals("field") && inIsakmp && !open.isEmpty()) {
                    closeNode(open, stack);
                } else if (tag.equals("proto") && inIsakmp && open.isEmpty()) {
                    inIsakmp = false;
                    packet.isakmp.add(new Field("isakmp", "", "", 0, 0, stack.remove(0)));
                } else if (tag.equals("packet") && packet != null) {
                    packets.add(packet.build());
                    packet = null;
                }
            }
        }
        return packets;
    }

    /** The innermost open node is complete: it becomes a child of the node around it. */
    private static void closeNode(List<String[]> open, List<List<Field>> stack) {
        String[] a = open.remove(open.size() - 1);
        List<Field> children = stack.remove(stack.size() - 1);
        stack.get(stack.size() - 1).add(new Field(a[0], a[1], a[2], toInt(a[3]), toInt(a[4]), children));
    }

    private static String attr(XMLStreamReader x, String name) {
        String v = x.getAttributeValue(null, name);
        return v == null ? "" : v;
    }

    private static int toInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static final class PacketBuilder {
        long frame = -1;
        String src;
        String dst;
        int srcPort = -1;
        int dstPort = -1;
        boolean tcp;
        boolean icmpError;
        byte[] payload;
        final List<Field> isakmp = new ArrayList<>();

        /** Keeps the first value of each: an ICMP error or a tunnel repeats them further in. */
        void outerField(String name, String show, String value) {
            switch (name) {
                case "frame.number" -> frame = Long.parseLong(show);
                case "ip.src", "ipv6.src" -> src = src == null ? show : src;
                case "ip.dst", "ipv6.dst" -> dst = dst == null ? show : dst;
                case "udp.srcport", "tcp.srcport" -> {
                    if (srcPort < 0) {
                        srcPort = Integer.parseInt(show);
                        tcp = name.startsWith("tcp");
                    }
                }
                case "udp.dstport", "tcp.dstport" -> dstPort = dstPort < 0 ? Integer.parseInt(show) : dstPort;
                case "udp.payload" -> payload = payload == null ? HexFormat.of().parseHex(value) : payload;
                // RFC 792 / RFC 4443 errors (they quote the datagram that caused them)
                case "icmp.type" -> icmpError |= Set.of("3", "4", "5", "11", "12").contains(show);
                case "icmpv6.type" -> icmpError |= Set.of("1", "2", "3", "4").contains(show);
                default -> {
                }
            }
        }

        Packet build() {
            return new Packet(frame, src, dst, srcPort, dstPort, tcp, icmpError, payload, List.copyOf(isakmp));
        }
    }
}
