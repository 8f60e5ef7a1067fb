package io.ikescope.report;

import io.ikescope.net.IkeDatagram;
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
import io.ikescope.wire.NotifyPayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.SecurityAssociationPayload;
import io.ikescope.wire.SignaturePayload;
import io.ikescope.wire.TrafficSelector;
import io.ikescope.wire.TrafficSelectorPayload;
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
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code dissect --format json}: JSON Lines, one object per IKE message, exactly the fields of the contract
 * (cli-and-json.md) plus documented extras, so that every header and payload field tshark shows is in the
 * output (the CLI's end-to-end test compares them): {@code minorVersion}, {@code flags.higherVersion} and
 * {@code flags.value} (the raw byte), each payload's {@code nextPayload}, a proposal's {@code transformCount},
 * an SA attribute's value {@code length}, an ID's raw {@code data}, a notify's {@code spiSize}, and
 * {@code encryptedLength}, {@code dataLength}, names next to numbers. All peer-supplied text goes through
 * Jackson's string escaping, extended by {@link JsonTerminalEscapes} so that no terminal control (C1, DEL,
 * bidirectional override) is written raw either. The bodies of SA and notify payloads, the largest, are written by
 * {@link SaPayloadJson} and {@link NotifyPayloadJson}.
 */
public final class DissectJsonWriter implements DissectWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).characterEscapes(new JsonTerminalEscapes()).build();

    private final Writer out;

    public DissectJsonWriter(Writer out) {
        this.out = out;
    }

    public DissectJsonWriter(OutputStream out) {
        this(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    @Override
    public void write(IkeDatagram datagram, IkeMessage message, String decryption, String decryptionError)
            throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeMessage(g, datagram, message, DissectWriter.decryptionOrDefault(message, decryption), decryptionError);
        } catch (JacksonException e) {
            throw new IOException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
        out.write('\n');
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static void writeMessage(JsonGenerator g, IkeDatagram d, IkeMessage m, String decryption,
                                     String decryptionError) {
        g.writeStartObject();
        g.writeNumberProperty("frame", d.frame());
        g.writeStringProperty("time", Timestamps.iso(d.epochNanos()));
        g.writeStringProperty("src", d.src());
        g.writeNumberProperty("srcPort", d.srcPort());
        g.writeStringProperty("dst", d.dst());
        g.writeNumberProperty("dstPort", d.dstPort());
        g.writeStringProperty("transport", d.transport().jsonName());
        IkeHeader h = m.header();
        int version = m.ikeVersion();
        if (h == null) {
            for (String name : List.of("ikeVersion", "minorVersion", "spiI", "spiR", "nextPayload", "exchangeType",
                    "exchange", "flags", "messageId", "length")) {
                g.writeNullProperty(name);
            }
        } else {
            g.writeNumberProperty("ikeVersion", h.majorVersion());
            g.writeNumberProperty("minorVersion", h.minorVersion());
            g.writeStringProperty("spiI", h.spiI().hex());
            g.writeStringProperty("spiR", h.spiR().hex());
            g.writeNumberProperty("nextPayload", h.nextPayload());
            g.writeNumberProperty("exchangeType", h.exchangeType());
            g.writeStringProperty("exchange", IkeNames.exchange(version, h.exchangeType()));
            writeFlags(g, version, h);
            g.writeNumberProperty("messageId", h.messageId());
            g.writeNumberProperty("length", h.length());
        }
        g.writeStringProperty("decryption", decryption);
        if (decryptionError != null) {
            g.writeStringProperty("decryptionError", decryptionError);
        }
        if (m.encryptedBody() != null) {
            g.writeNumberProperty("encryptedLength", m.encryptedBody().length());
        }
        writePayloads(g, version, m.payloads());
        g.writeArrayPropertyStart("errors");
        for (String e : m.errors()) {
            g.writeString(e);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * IKEv1 defines encryption/commit/authOnly, IKEv2 initiator/higherVersion/response; the other version's flags
     * are null. {@code value} is the whole byte, reserved bits included.
     */
    private static void writeFlags(JsonGenerator g, int version, IkeHeader h) {
        g.writeObjectPropertyStart("flags");
        boolean v1 = version == 1;
        boolean v2 = version == 2;
        writeBooleanOrNull(g, "encryption", v1, h.encryption());
        writeBooleanOrNull(g, "commit", v1, h.commit());
        writeBooleanOrNull(g, "authOnly", v1, h.authOnly());
        writeBooleanOrNull(g, "initiator", v2, h.initiator());
        writeBooleanOrNull(g, "response", v2, h.response());
        writeBooleanOrNull(g, "higherVersion", v2, h.higherVersion());
        g.writeNumberProperty("value", h.flags());
        g.writeEndObject();
    }

    private static void writeBooleanOrNull(JsonGenerator g, String name, boolean defined, boolean value) {
        if (defined) {
            g.writeBooleanProperty(name, value);
        } else {
            g.writeNullProperty(name);
        }
    }

    private static void writePayloads(JsonGenerator g, int version, List<Payload> payloads) {
        g.writeArrayPropertyStart("payloads");
        for (Payload p : payloads) {
            g.writeStartObject();
            g.writeNumberProperty("type", p.type());
            g.writeStringProperty("name", IkeNames.payload(version, p.type()));
            g.writeNumberProperty("length", p.length());
            // for SK and SKF this is the type of the first inner payload (RFC 7296 3.14)
            g.writeNumberProperty("nextPayload", p.header().nextPayload());
            if (p instanceof MalformedPayload bad) {
                g.writeStringProperty("error", bad.error());
                g.writeNumberProperty("dataLength", bad.data().length());
                if (bad.partial() != null) {
                    writeBody(g, version, bad.partial());
                }
            } else {
                writeBody(g, version, p);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeBody(JsonGenerator g, int version, Payload p) {
        if (p instanceof SecurityAssociationPayload sa) {
            SaPayloadJson.write(g, version, sa);
        } else if (p instanceof KeyExchangePayload ke) {
            if (ke.dhGroup() != null) {
                g.writeNumberProperty("dhGroup", ke.dhGroup());
            }
            g.writeNumberProperty("dataLength", ke.data().length());
        } else if (p instanceof IdentificationPayload id) {
            g.writeNumberProperty("idType", id.idType());
            g.writeStringProperty("idTypeName", IkeNames.name(IkeNames.idTypes(version), id.idType()));
            if (id.protocolId() != null) {
                g.writeNumberProperty("protocolId", id.protocolId());
                g.writeNumberProperty("port", id.port());
            }
            g.writeStringProperty("value", IdentityText.render(version, id.idType(), id.data()));
            g.writeStringProperty("data", id.data().hex());
        } else if (p instanceof CertificatePayload c) {
            g.writeNumberProperty("encoding", c.encoding());
            g.writeStringProperty("encodingName", IkeNames.name(IkeNames.certEncodings(version), c.encoding()));
            g.writeNumberProperty("dataLength", c.data().length());
            if (c.encoding() == 4) {
                g.writeStringProperty("subject", IdentityText.certificateSubject(c.data()));
            }
        } else if (p instanceof CertificateRequestPayload cr) {
            g.writeNumberProperty("encoding", cr.encoding());
            g.writeStringProperty("encodingName", IkeNames.name(IkeNames.certEncodings(version), cr.encoding()));
            g.writeStringProperty("data", cr.data().hex());
            if (version == 2) {
                g.writeArrayPropertyStart("caHashes");
                for (Bytes hash : cr.caHashes()) {
                    g.writeString(hash.hex());
                }
                g.writeEndArray();
            } else {
                g.writeStringProperty("authority", IdentityText.distinguishedName(cr.data()));
            }
        } else if (p instanceof HashPayload ha) {
            g.writeStringProperty("data", ha.data().hex());
        } else if (p instanceof SignaturePayload s) {
            g.writeStringProperty("data", s.data().hex());
        } else if (p instanceof AuthenticationPayload a) {
            g.writeNumberProperty("authMethod", a.authMethod());
            g.writeStringProperty("authMethodName", Ikev2Registry.AUTH_METHOD.name(a.authMethod()));
            g.writeStringProperty("data", a.data().hex());
        } else if (p instanceof NoncePayload n) {
            g.writeNumberProperty("dataLength", n.data().length());
        } else if (p instanceof NotifyPayload n) {
            NotifyPayloadJson.write(g, version, n);
        } else if (p instanceof DeletePayload d) {
            if (d.doi() != null) {
                g.writeNumberProperty("doi", d.doi());
            }
            g.writeNumberProperty("protocolId", d.protocolId());
            g.writeNumberProperty("spiSize", d.spiSize());
            g.writeNumberProperty("count", d.declaredCount());
            g.writeArrayPropertyStart("spis");
            for (Bytes spi : d.spis()) {
                g.writeString(spi.hex());
            }
            g.writeEndArray();
        } else if (p instanceof VendorIdPayload v) {
            g.writeStringProperty("data", v.data().hex());
            VendorIds.Match match = VendorIds.lookup(v.data().toArray());
            g.writeStringProperty("vendor", match == null ? null : match.display());
            // some implementations send their name and version as plain text (only shown, never interpreted)
            g.writeStringProperty("text", AttributeText.printable(v.data()) ? IdentityText.string(v.data()) : null);
        } else if (p instanceof NatDiscoveryPayload nd) {
            g.writeStringProperty("hash", nd.hash().hex());
        } else if (p instanceof NatOriginalAddressPayload oa) {
            g.writeNumberProperty("idType", oa.idType());
            String address = Addresses.format(oa.address());
            g.writeStringProperty("address", address != null ? address : oa.address().hex());
        } else if (p instanceof TrafficSelectorPayload ts) {
            writeSelectors(g, ts);
        } else if (p instanceof ConfigurationPayload cp) {
            writeConfiguration(g, version, cp);
        } else if (p instanceof EapPayload e) {
            g.writeNumberProperty("code", e.code());
            g.writeStringProperty("codeName", EapRegistry.CODE.name(e.code()));
            g.writeNumberProperty("identifier", e.identifier());
            g.writeNumberProperty("eapLength", e.eapLength());
            if (e.eapType() != null) {
                g.writeNumberProperty("eapType", e.eapType());
                g.writeStringProperty("eapTypeName", EapRegistry.METHOD_TYPE.name(e.eapType()));
            } else {
                g.writeNullProperty("eapType");
            }
        } else if (p instanceof EncryptedPayload sk) {
            g.writeNumberProperty("dataLength", sk.encrypted().length());
            writePayloads(g, version, sk.inner());
        } else if (p instanceof EncryptedFragmentPayload skf) {
            g.writeNumberProperty("fragmentNumber", skf.fragmentNumber());
            g.writeNumberProperty("totalFragments", skf.totalFragments());
            g.writeNumberProperty("dataLength", skf.encrypted().length());
            writePayloads(g, version, skf.inner());
        } else if (p instanceof CiscoFragmentPayload f) {
            g.writeNumberProperty("fragmentId", f.fragmentId());
            g.writeNumberProperty("fragmentNumber", f.fragmentNumber());
            g.writeBooleanProperty("last", f.last());
            g.writeNumberProperty("dataLength", f.data().length());
        } else if (p instanceof UnknownPayload u) {
            g.writeNumberProperty("dataLength", u.data().length());
            g.writeStringProperty("data", u.data().hex());
        }
    }

    private static void writeSelectors(JsonGenerator g, TrafficSelectorPayload ts) {
        g.writeArrayPropertyStart("selectors");
        for (TrafficSelector s : ts.selectors()) {
            g.writeStartObject();
            g.writeNumberProperty("tsType", s.tsType());
            if (s.raw() != null) {
                g.writeNullProperty("ipProtocol");
                g.writeNullProperty("startPort");
                g.writeNullProperty("endPort");
                g.writeNullProperty("startAddress");
                g.writeNullProperty("endAddress");
                g.writeStringProperty("data", s.raw().hex());
            } else {
                g.writeNumberProperty("ipProtocol", s.ipProtocol());
                g.writeNumberProperty("startPort", s.startPort());
                g.writeNumberProperty("endPort", s.endPort());
                g.writeStringProperty("startAddress", Addresses.format(s.startAddress()));
                g.writeStringProperty("endAddress", Addresses.format(s.endAddress()));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeConfiguration(JsonGenerator g, int version, ConfigurationPayload cp) {
        Registry attributeNames = IkeNames.cfgAttributes(version);
        g.writeNumberProperty("cfgType", cp.cfgType());
        g.writeStringProperty("cfgTypeName", IkeNames.name(IkeNames.cfgTypes(version), cp.cfgType()));
        if (cp.identifier() != null) {
            g.writeNumberProperty("identifier", cp.identifier());
        }
        g.writeArrayPropertyStart("attributes");
        for (Attribute a : cp.attributes()) {
            g.writeStartObject();
            g.writeNumberProperty("type", a.type());
            g.writeStringProperty("name", attributeNames.name(a.type()));
            g.writeNumberProperty("length", a.value().length());
            if (a.tv()) {
                g.writeNumberProperty("value", a.numericValue());
            } else {
                g.writeStringProperty("value", a.value().hex());
            }
            g.writeStringProperty("text", AttributeText.render(version, a));
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
