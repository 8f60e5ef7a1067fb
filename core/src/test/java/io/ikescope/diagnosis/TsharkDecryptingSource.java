package io.ikescope.diagnosis;

import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.net.IkeDatagram;
import io.ikescope.session.MessageObservation;
import io.ikescope.session.MessageSource;
import io.ikescope.wire.EncryptedPayload;
import io.ikescope.wire.IkeDecoder;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.Payload;
import io.ikescope.wire.PayloadChain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * A decrypting {@link MessageSource} for tests, independent of ikescope's own decryption: tshark decrypts the
 * capture with Wireshark decryption tables made from the sample's charon key log (by the lab's own
 * {@code tables} function in lab/verify-samples.sh), and the plaintext payload chain it shows is decoded by
 * {@link IkeDecoder#decodePayloadChain} and put where the decryptor will put it. Messages tshark does not decrypt
 * (IKEv1 retransmissions, the other peer's keys after a PSK mismatch, AEAD) are reported as FAILED.
 */
final class TsharkDecryptingSource implements MessageSource {
    private record Plain(int firstType, byte[] bytes) {
    }

    private final Map<Long, Plain> plaintexts;

    private TsharkDecryptingSource(Map<Long, Plain> plaintexts) {
        this.plaintexts = plaintexts;
    }

    /** Null when tshark or bash is missing. */
    static TsharkDecryptingSource forSample(Path root, Path capture, Path keyLog, Path work) throws Exception {
        if (!runs("tshark", "-v") || !runs("bash", "--version")) {
            return null;
        }
        Path wireshark = Files.createDirectories(work.resolve("wireshark"));
        Path v1 = Files.writeString(wireshark.resolve("ikev1_decryption_table"), "");
        Path v2 = Files.writeString(wireshark.resolve("ikev2_decryption_table"), "");
        String script = "eval \"$(sed -n '/^tables() {/,/^}/p' \"$0\")\"; tables \"$1\" \"$2\" \"$3\"";
        Process tables = new ProcessBuilder("bash", "-c", script, root.resolve("lab/verify-samples.sh").toString(),
                keyLog.toString(), v1.toString(), v2.toString()).redirectErrorStream(true).start();
        tables.getInputStream().readAllBytes();
        if (!tables.waitFor(60, TimeUnit.SECONDS) || tables.exitValue() != 0) {
            throw new IOException("making decryption tables from " + keyLog + " failed");
        }
        ProcessBuilder pb = new ProcessBuilder("tshark", "-r", capture.toString(), "-T", "pdml", "-o",
                "ip.defragment:TRUE");
        pb.environment().put("XDG_CONFIG_HOME", work.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process tshark = pb.start();
        Map<Long, Plain> plain;
        try (InputStream in = tshark.getInputStream()) {
            plain = parse(in);
        }
        tshark.waitFor(60, TimeUnit.SECONDS);
        return new TsharkDecryptingSource(plain);
    }

    @Override
    public MessageObservation observe(IkeDatagram datagram) {
        IkeMessage m = IkeDecoder.decode(datagram.ike());
        if (!m.hasEncryptedContent()) {
            return new MessageObservation(datagram, m, DecryptionStatus.NONE, null);
        }
        Plain p = plaintexts.get(datagram.frame());
        if (p == null) {
            return new MessageObservation(datagram, m, DecryptionStatus.FAILED, "tshark did not decrypt it");
        }
        PayloadChain chain = IkeDecoder.decodePayloadChain(m.ikeVersion(), p.firstType(), p.bytes(), 0, p.bytes().length);
        if (m.ikeVersion() == 1) {
            return new MessageObservation(datagram, m.withPayloads(chain.payloads(), chain.errors()),
                    DecryptionStatus.OK, null);
        }
        List<Payload> payloads = new ArrayList<>();
        for (Payload x : m.payloads()) {
            payloads.add(x instanceof EncryptedPayload sk ? sk.withInner(chain.payloads()) : x);
        }
        return new MessageObservation(datagram, m.withPayloads(payloads, chain.errors()), DecryptionStatus.OK, null);
    }

    // ---- PDML: per frame, the decrypted payloads' bytes ------------------------------------------------------

    private static final class Node {
        final String name;
        final String show;
        final String value;
        final List<Node> children = new ArrayList<>();

        Node(String name, String show, String value) {
            this.name = name;
            this.show = show;
            this.value = value;
        }

        Node child(String n) {
            for (Node c : children) {
                if (n.equals(c.name)) {
                    return c;
                }
            }
            return null;
        }
    }

    private static Map<Long, Plain> parse(InputStream in) throws Exception {
        Map<Long, Plain> out = new HashMap<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader x = factory.createXMLStreamReader(in);
        long frame = -1;
        List<Node> stack = new ArrayList<>();
        List<Node> isakmp = new ArrayList<>();
        while (x.hasNext()) {
            int e = x.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                String tag = x.getLocalName();
                String name = x.getAttributeValue(null, "name");
                if (tag.equals("packet")) {
                    frame = -1;
                    isakmp.clear();
                    stack.clear();
                } else if (tag.equals("proto") || tag.equals("field")) {
                    Node n = new Node(name, x.getAttributeValue(null, "show"), x.getAttributeValue(null, "value"));
                    if ("num".equals(name) && frame < 0 && n.show != null) {
                        frame = Long.parseLong(n.show);
                    }
                    if (!stack.isEmpty()) {
                        stack.get(stack.size() - 1).children.add(n);
                    } else if ("isakmp".equals(name)) {
                        isakmp.add(n);
                    }
                    stack.add(n);
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                String tag = x.getLocalName();
                if ((tag.equals("proto") || tag.equals("field")) && !stack.isEmpty()) {
                    stack.remove(stack.size() - 1);
                } else if (tag.equals("packet")) {
                    for (Node layer : isakmp) {
                        Plain p = plaintext(layer);
                        if (p != null) {
                            out.put(frame, p);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** IKEv1: the payloads under isakmp.enc.data; IKEv2: under SK's isakmp.enc.decrypted/contained. */
    private static Plain plaintext(Node isakmp) {
        Node next = isakmp.child("isakmp.nextpayload");
        for (Node f : isakmp.children) {
            if (f.name.equals("isakmp.enc.data") && next != null) {
                byte[] bytes = concat(f);
                return bytes == null ? null : new Plain(Integer.parseInt(next.show), bytes);
            }
            if (f.name.equals("isakmp.typepayload") && "46".equals(f.show)) {
                Node decrypted = f.child("isakmp.enc.decrypted");
                Node contained = decrypted == null ? null : decrypted.child("isakmp.enc.contained");
                Node first = f.child("isakmp.nextpayload");
                if (contained != null && first != null) {
                    byte[] bytes = concat(contained);
                    return bytes == null ? null : new Plain(Integer.parseInt(first.show), bytes);
                }
            }
        }
        return null;
    }

    private static byte[] concat(Node parent) {
        StringBuilder hex = new StringBuilder();
        for (Node c : parent.children) {
            if (c.name.equals("isakmp.typepayload")) {
                if (c.value == null || !c.value.matches("([0-9a-f]{2})+")) {
                    return null;
                }
                hex.append(c.value);
            }
        }
        return hex.length() == 0 ? null : HexFormat.of().parseHex(hex);
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
