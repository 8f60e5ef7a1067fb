package io.ikescope.wire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Runs {@code tshark -Y isakmp -T pdml} on a capture and keeps, per packet, the frame number, the UDP ports and
 * payload, and the field tree of each ISAKMP layer. PDML is used because, unlike {@code -T json}, it keeps
 * field order, nesting and repeated names as they are, and carries both the display value and the raw bytes.
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

    public record Packet(long frame, int srcPort, int dstPort, byte[] udpPayload, List<Field> isakmpLayers) {
    }

    private PdmlReader() {
    }

    public static List<Packet> read(Path capture) throws IOException, InterruptedException {
        return read(capture, null);
    }

    /** @param configHome an XDG_CONFIG_HOME holding wireshark/ikev*_decryption_table, or null for none */
    public static List<Packet> read(Path capture, Path configHome) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("tshark", "-r", capture.toString(), "-Y", "isakmp", "-T", "pdml")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (configHome != null) {
            builder.environment().put("XDG_CONFIG_HOME", configHome.toString());
        }
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
        boolean inIsakmp = false;
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String tag = x.getLocalName();
                if (tag.equals("packet")) {
                    packet = new PacketBuilder();
                } else if (tag.equals("proto") && "isakmp".equals(x.getAttributeValue(null, "name"))) {
                    inIsakmp = true;
                    stack.clear();
                    open.clear();
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
                if (tag.equals("field") && inIsakmp && !open.isEmpty()) {
                    String[] a = open.remove(open.size() - 1);
                    List<Field> children = stack.remove(stack.size() - 1);
                    stack.get(stack.size() - 1).add(new Field(a[0], a[1], a[2], toInt(a[3]), toInt(a[4]), children));
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
        int srcPort = -1;
        int dstPort = -1;
        byte[] payload;
        final List<Field> isakmp = new ArrayList<>();

        void outerField(String name, String show, String value) {
            switch (name) {
                case "frame.number" -> frame = Long.parseLong(show);
                case "udp.srcport", "tcp.srcport" -> srcPort = Integer.parseInt(show);
                case "udp.dstport", "tcp.dstport" -> dstPort = Integer.parseInt(show);
                case "udp.payload" -> payload = HexFormat.of().parseHex(value);
                default -> {
                }
            }
        }

        Packet build() {
            return new Packet(frame, srcPort, dstPort, payload, List.copyOf(isakmp));
        }
    }
}
