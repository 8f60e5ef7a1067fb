package io.ikescope.report;

import io.ikescope.net.IkeDatagram;
import io.ikescope.net.Transport;
import io.ikescope.wire.Addresses;
import io.ikescope.wire.Attribute;
import io.ikescope.wire.AuthenticationPayload;
import io.ikescope.wire.Bytes;
import io.ikescope.wire.CertificatePayload;
import io.ikescope.wire.CertificateRequestPayload;
import io.ikescope.wire.CiscoFragmentPayload;
import io.ikescope.wire.ConfigurationPayload;
import io.ikescope.wire.DeletePayload;
import io.ikescope.wire.EapPayload;
import io.ikescope.wire.EncryptedFragmentPayload;
import io.ikescope.wire.EncryptedPayload;
import io.ikescope.wire.HashPayload;
import io.ikescope.wire.IdentificationPayload;
import io.ikescope.wire.IdentityText;
import io.ikescope.wire.IkeHeader;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.KeyExchangePayload;
import io.ikescope.wire.MalformedPayload;
import io.ikescope.wire.NatDiscoveryPayload;
import io.ikescope.wire.NatOriginalAddressPayload;
import io.ikescope.wire.NoncePayload;
import io.ikescope.wire.NotifyDetail;
import io.ikescope.wire.NotifyPayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.Proposal;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.SignaturePayload;
import io.ikescope.wire.TrafficSelector;
import io.ikescope.wire.TrafficSelectorPayload;
import io.ikescope.wire.Transform;
import io.ikescope.wire.UnknownPayload;
import io.ikescope.wire.VendorIdPayload;
import io.ikescope.wire.registry.EapRegistry;
import io.ikescope.wire.registry.Ikev2Registry;
import io.ikescope.wire.registry.Registry;
import io.ikescope.wire.registry.VendorIds;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dissect --format text}: one header line per message, then the payloads as an indented tree with
 * registry names and the numbers in parentheses. Every string taken from the wire is passed through
 * {@link TextEscaper}, so no terminal control sequence reaches the screen.
 */
public final class DissectTextWriter implements DissectWriter {
    private static final int LONG_HEX = 64;
    private final Writer out;

    public DissectTextWriter(Writer out) {
        this.out = out;
    }

    public DissectTextWriter(OutputStream out) {
        this(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    public void write(IkeDatagram datagram, IkeMessage message, String decryption, String decryptionError)
            throws IOException {
        List<String> lines = new ArrayList<>();
        render(lines, datagram, message, DissectWriter.decryptionOrDefault(message, decryption), decryptionError);
        for (String line : lines) {
            out.write(line);
            out.write('\n');
        }
        out.write('\n');
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** The lines for one message (without the blank separator line). */
    static void render(List<String> lines, IkeDatagram d, IkeMessage m, String decryption) {
        render(lines, d, m, decryption, null);
    }

    /** The lines for one message, with why its decryption failed when it did. */
    static void render(List<String> lines, IkeDatagram d, IkeMessage m, String decryption, String decryptionError) {
        IkeHeader h = m.header();
        int version = m.ikeVersion();
        StringBuilder head = new StringBuilder();
        head.append("Frame ").append(d.frame()).append("  ").append(Timestamps.iso(d.epochNanos())).append("  ")
                .append(endpoint(d.src(), d.srcPort())).append(" -> ").append(endpoint(d.dst(), d.dstPort()));
        if (d.transport() != Transport.UDP) {
            head.append(" (").append(d.transport().jsonName()).append(')');
        }
        if (h == null) {
            lines.add(head.append("  (no IKE header)").toString());
        } else {
            String exchange = IkeNames.exchange(version, h.exchangeType());
            head.append("  IKEv").append(h.majorVersion()).append(' ')
                    .append(exchange != null ? exchange : "exchange " + h.exchangeType())
                    .append("  I-SPI ").append(h.spiI().hex()).append(" R-SPI ").append(h.spiR().hex())
                    .append("  msgid ").append(h.messageId()).append("  ").append(h.length()).append(" bytes");
            lines.add(head.toString());
            lines.add("  version " + h.majorVersion() + "." + h.minorVersion() + "  next payload "
                    + IkeNames.payloadOrNumber(version, h.nextPayload()) + "  flags " + flags(version, h)
                    + ("none".equals(decryption) ? "" : "  decryption " + decryption)
                    + (decryptionError == null ? "" : " (" + TextEscaper.escape(decryptionError) + ")"));
        }
        if (m.encryptedBody() != null) {
            lines.add("  encrypted body, " + m.encryptedBody().length() + " bytes"
                    + ("ok".equals(decryption) ? "" : " (not decrypted)"));
        }
        for (Payload p : m.payloads()) {
            payload(lines, "  ", version, p);
        }
        for (String e : m.errors()) {
            lines.add("  !! ERROR: " + TextEscaper.escape(e));
        }
    }

    private static String endpoint(String address, int port) {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }

    private static String flags(int version, IkeHeader h) {
        List<String> set = new ArrayList<>();
        if (version == 1) {
            if (h.encryption()) {
                set.add("encryption");
            }
            if (h.commit()) {
                set.add("commit");
            }
            if (h.authOnly()) {
                set.add("auth-only");
            }
        } else if (version == 2) {
            set.add(h.initiator() ? "initiator" : "responder");
            if (h.higherVersion()) {
                set.add("higher-version");
            }
            set.add(h.response() ? "response" : "request");
        }
        return String.format("0x%02x", h.flags()) + (set.isEmpty() ? "" : " (" + String.join(", ", set) + ")");
    }

    private static void payload(List<String> lines, String indent, int version, Payload p) {
        String title = indent + IkeNames.payloadOrNumber(version, p.type()) + "  length " + p.length();
        if (p instanceof MalformedPayload bad) {
            lines.add(title + "  !! MALFORMED: " + TextEscaper.escape(bad.error()));
            if (bad.partial() != null) {
                body(lines, indent + "  ", version, bad.partial(), new StringBuilder());
            }
            return;
        }
        StringBuilder inline = new StringBuilder();
        List<String> nested = new ArrayList<>();
        body(nested, indent + "  ", version, p, inline);
        lines.add(title + inline);
        lines.addAll(nested);
    }

    /** Short facts go on the title line ({@code inline}); structures go on nested lines. */
    private static void body(List<String> lines, String indent, int version, Payload p, StringBuilder inline) {
        if (p instanceof SecurityAssociationPayload sa) {
            if (sa.doi() != null) {
                inline.append("  DOI ").append(sa.doi()).append("  situation ").append(String.format("0x%x", sa.situation()));
            }
            for (Proposal pr : sa.proposals()) {
                proposal(lines, indent, version, pr);
            }
        } else if (p instanceof KeyExchangePayload ke) {
            if (ke.dhGroup() != null) {
                inline.append("  group ").append(IkeNames.describe(Ikev2Registry.KE_METHOD, ke.dhGroup()));
            }
            inline.append("  ").append(ke.data().length()).append(" bytes of key data");
        } else if (p instanceof IdentificationPayload id) {
            inline.append("  ").append(IkeNames.describe(IkeNames.idTypes(version), id.idType()))
                    .append(": ").append(TextEscaper.escape(IdentityText.render(version, id.idType(), id.data())));
            if (id.protocolId() != null) {
                inline.append("  protocol ").append(id.protocolId()).append(" port ").append(id.port());
            }
        } else if (p instanceof CertificatePayload c) {
            inline.append("  ").append(IkeNames.describe(IkeNames.certEncodings(version), c.encoding()))
                    .append("  ").append(c.data().length()).append(" bytes");
            String subject = c.encoding() == 4 ? IdentityText.certificateSubject(c.data()) : null;
            if (subject != null) {
                lines.add(indent + "subject: " + TextEscaper.escape(subject));
            }
        } else if (p instanceof CertificateRequestPayload cr) {
            inline.append("  ").append(IkeNames.describe(IkeNames.certEncodings(version), cr.encoding()));
            if (!cr.caHashes().isEmpty()) {
                for (Bytes hash : cr.caHashes()) {
                    lines.add(indent + "CA key hash " + hash.hex());
                }
            } else if (!cr.data().isEmpty()) {
                String dn = IdentityText.distinguishedName(cr.data());
                lines.add(indent + "authority: " + (dn != null ? TextEscaper.escape(dn) : hex(cr.data())));
            }
        } else if (p instanceof HashPayload ha) {
            inline.append("  ").append(hex(ha.data()));
        } else if (p instanceof SignaturePayload s) {
            inline.append("  ").append(s.data().length()).append(" bytes ").append(hex(s.data()));
        } else if (p instanceof AuthenticationPayload a) {
            inline.append("  ").append(IkeNames.describe(Ikev2Registry.AUTH_METHOD, a.authMethod()))
                    .append("  ").append(a.data().length()).append(" bytes ").append(hex(a.data()));
        } else if (p instanceof NoncePayload n) {
            inline.append("  ").append(n.data().length()).append(" bytes");
        } else if (p instanceof NotifyPayload n) {
            notify(lines, indent, version, n, inline);
        } else if (p instanceof DeletePayload d) {
            inline.append("  protocol ").append(IkeNames.describe(IkeNames.protocolIds(version), d.protocolId()))
                    .append("  ").append(d.declaredCount()).append(" SPI(s)");
            for (Bytes spi : d.spis()) {
                lines.add(indent + "SPI " + spi.hex());
            }
        } else if (p instanceof VendorIdPayload v) {
            VendorIds.Match match = VendorIds.lookup(v.data().toArray());
            inline.append("  ").append(match != null ? TextEscaper.escape(match.display()) : "unknown vendor")
                    .append("  ").append(hex(v.data()));
        } else if (p instanceof NatDiscoveryPayload nd) {
            inline.append("  hash ").append(nd.hash().hex());
        } else if (p instanceof NatOriginalAddressPayload oa) {
            String address = Addresses.format(oa.address());
            inline.append("  ").append(IkeNames.describe(IkeNames.idTypes(1), oa.idType())).append(": ")
                    .append(address != null ? address : oa.address().hex());
        } else if (p instanceof TrafficSelectorPayload ts) {
            for (TrafficSelector s : ts.selectors()) {
                lines.add(indent + selector(s));
            }
        } else if (p instanceof ConfigurationPayload cp) {
            inline.append("  ").append(IkeNames.describe(IkeNames.cfgTypes(version), cp.cfgType()));
            if (cp.identifier() != null) {
                inline.append("  identifier ").append(cp.identifier());
            }
            for (Attribute a : cp.attributes()) {
                lines.add(indent + configAttribute(version, a));
            }
        } else if (p instanceof EapPayload e) {
            inline.append("  ").append(IkeNames.describe(EapRegistry.CODE, e.code())).append(" id ").append(e.identifier())
                    .append(" length ").append(e.eapLength());
            if (e.eapType() != null) {
                inline.append("  method ").append(IkeNames.describe(EapRegistry.METHOD_TYPE, e.eapType()));
            }
        } else if (p instanceof EncryptedPayload sk) {
            inline.append("  first inner payload ").append(IkeNames.payloadOrNumber(version, sk.innerNextPayload()))
                    .append("  ").append(sk.encrypted().length()).append(" encrypted bytes");
            for (Payload inner : sk.inner()) {
                payload(lines, indent, version, inner);
            }
        } else if (p instanceof EncryptedFragmentPayload skf) {
            inline.append("  fragment ").append(skf.fragmentNumber()).append('/').append(skf.totalFragments());
            if (skf.fragmentNumber() == 1) {
                inline.append("  first inner payload ").append(IkeNames.payloadOrNumber(version, skf.innerNextPayload()));
            }
            inline.append("  ").append(skf.encrypted().length()).append(" encrypted bytes");
            for (Payload inner : skf.inner()) {
                payload(lines, indent, version, inner);
            }
        } else if (p instanceof CiscoFragmentPayload f) {
            inline.append("  fragment id ").append(f.fragmentId()).append(" number ").append(f.fragmentNumber())
                    .append(f.last() ? " (last)" : "").append("  ").append(f.data().length()).append(" bytes");
        } else if (p instanceof UnknownPayload u) {
            inline.append("  ").append(u.data().length()).append(" bytes ").append(hex(u.data()));
        }
    }

    private static void proposal(List<String> lines, String indent, int version, Proposal pr) {
        lines.add(indent + "Proposal " + pr.number() + "  protocol "
                + IkeNames.describe(IkeNames.protocolIds(version), pr.protocolId())
                + (pr.spi().isEmpty() ? "" : "  SPI " + pr.spi().hex())
                + "  " + pr.transforms().size() + " transform(s)");
        for (Transform t : pr.transforms()) {
            Registry ids = IkeNames.transformIds(version, pr.protocolId(), t);
            String label = t.type() != null
                    ? IkeNames.describe(Ikev2Registry.TRANSFORM_TYPE, t.type()) + ": "
                    : "Transform " + t.number() + ": ";
            lines.add(indent + "  " + label + IkeNames.describe(ids, t.id()));
            Registry attributeNames = IkeNames.attributeTypes(version, pr.protocolId());
            for (Attribute a : t.attributes()) {
                long value = a.numericValue();
                Registry values = IkeNames.attributeValues(version, pr.protocolId(), a);
                String shown = value < 0 ? a.value().hex() : values != null ? IkeNames.describe(values, value)
                        : Long.toString(value);
                lines.add(indent + "    " + IkeNames.describe(attributeNames, a.type()) + " = " + shown);
            }
        }
    }

    private static void notify(List<String> lines, String indent, int version, NotifyPayload n, StringBuilder inline) {
        inline.append("  ").append(IkeNames.describe(IkeNames.notifyTypes(version), n.notifyType()));
        if (n.protocolId() != 0 || !n.spi().isEmpty()) {
            inline.append("  protocol ").append(IkeNames.describe(IkeNames.protocolIds(version), n.protocolId()));
        }
        if (!n.spi().isEmpty()) {
            inline.append("  SPI ").append(n.spi().hex());
        }
        NotifyDetail detail = n.detail();
        if (detail instanceof NotifyDetail.AcceptedGroup a) {
            inline.append("  wants group ").append(IkeNames.describe(Ikev2Registry.KE_METHOD, a.dhGroup()));
        } else if (detail instanceof NotifyDetail.Cookie c) {
            inline.append("  cookie ").append(hex(c.cookie()));
        } else if (detail instanceof NotifyDetail.NatDetectionHash h) {
            inline.append("  hash ").append(h.hash().hex());
        } else if (detail instanceof NotifyDetail.HashAlgorithms h) {
            List<String> names = new ArrayList<>();
            h.algorithms().forEach(alg -> names.add(IkeNames.describe(Ikev2Registry.HASH_ALGORITHM, alg)));
            inline.append("  ").append(String.join(", ", names));
        } else if (detail instanceof NotifyDetail.DpdSequence s) {
            inline.append("  sequence ").append(s.sequence());
        } else if (detail instanceof NotifyDetail.ResponderLifetime l) {
            for (Attribute a : l.attributes()) {
                Registry values = IkeNames.attributeValues(version, 3, a);
                long v = a.numericValue();
                lines.add(indent + IkeNames.describe(IkeNames.attributeTypes(version, 3), a.type()) + " = "
                        + (values != null ? IkeNames.describe(values, v) : Long.toString(v)));
            }
        } else if (detail instanceof NotifyDetail.Redirect r) {
            inline.append("  gateway ").append(IkeNames.describe(Ikev2Registry.GATEWAY_ID_TYPE, r.gatewayIdType()))
                    .append(": ").append(TextEscaper.escape(r.gateway()));
            if (!r.nonce().isEmpty()) {
                inline.append("  nonce ").append(hex(r.nonce()));
            }
        } else if (detail instanceof NotifyDetail.IpComp c) {
            inline.append("  CPI ").append(c.cpi()).append(" transform ").append(c.transformId());
        } else if (detail instanceof NotifyDetail.Number num) {
            inline.append("  ").append(num.label()).append(' ').append(num.value());
        } else if (!n.data().isEmpty() && !(detail instanceof NotifyDetail.RekeySa)) {
            inline.append("  data ").append(hex(n.data()));
        }
    }

    private static String selector(TrafficSelector s) {
        String type = IkeNames.describe(Ikev2Registry.TS_TYPE, s.tsType());
        if (s.raw() != null) {
            return type + "  " + hex(s.raw());
        }
        String range = s.startAddress().equals(s.endAddress()) ? Addresses.format(s.startAddress())
                : Addresses.format(s.startAddress()) + " - " + Addresses.format(s.endAddress());
        String ports = s.startPort() == 0 && s.endPort() == 65535 ? "any port"
                : s.startPort().equals(s.endPort()) ? "port " + s.startPort() : "ports " + s.startPort() + "-" + s.endPort();
        String protocol = s.ipProtocol() == 0 ? "any protocol" : "protocol " + s.ipProtocol();
        return type + "  " + range + "  " + protocol + "  " + ports;
    }

    private static String configAttribute(int version, Attribute a) {
        String name = IkeNames.describe(IkeNames.cfgAttributes(version), a.type());
        if (a.tv()) {
            return name + " = " + a.numericValue();
        }
        String text = AttributeText.render(version, a);
        if (text != null) {
            return name + " = " + TextEscaper.escape(text);
        }
        return name + (a.value().isEmpty() ? " (empty)" : " = " + hex(a.value()));
    }

    /** Hex, shortened in the middle when long, with the byte count. */
    private static String hex(Bytes b) {
        String h = b.hex();
        if (h.length() <= LONG_HEX) {
            return h;
        }
        return h.substring(0, LONG_HEX / 2) + "..." + h.substring(h.length() - 8) + " (" + b.length() + " bytes)";
    }
}
