package io.ikescope.wire;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;

/**
 * Text for identities found on the wire: ID payload values (IKEv1 and IKEv2 share the type numbers they both
 * define), distinguished names and certificate subjects. Never throws; undecodable values come back as hex.
 * The text may hold any character the peer sent: writers escape it for their medium.
 */
public final class IdentityText {
    private IdentityText() {
    }

    /** The rendered ID value: address, "a.b.c.d/nn" subnet, "a-b" range, FQDN, user FQDN, DN, or hex. */
    public static String render(int ikeVersion, int idType, Bytes data) {
        String text = switch (idType) {
            case 1 -> data.length() == 4 ? Addresses.format(data) : null;
            case 5 -> data.length() == 16 ? Addresses.format(data) : null;
            case 2, 3 -> string(data);
            case 4 -> ikeVersion == 1 && data.length() == 8 ? Addresses.subnet(half(data, 0), half(data, 1)) : null;
            case 6 -> ikeVersion == 1 && data.length() == 32 ? Addresses.subnet(half(data, 0), half(data, 1)) : null;
            case 7, 8 -> ikeVersion == 1 && data.length() == (idType == 7 ? 8 : 32)
                    ? Addresses.format(half(data, 0)) + "-" + Addresses.format(half(data, 1)) : null;
            case 9 -> distinguishedName(data);
            case 10 -> generalName(data);
            default -> null;
        };
        return text != null ? text : data.hex();
    }

    /** A DER distinguished name as RFC 2253 text, or null when it does not parse. */
    public static String distinguishedName(Bytes der) {
        if (der.isEmpty()) {
            return null;
        }
        try {
            return new X500Principal(der.toArray()).getName();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The subject of a DER X.509 certificate as RFC 2253 text, or null when it does not parse. */
    public static String certificateSubject(Bytes der) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate cert = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der.toArray()));
            return cert.getSubjectX500Principal().getName();
        } catch (Exception e) {
            return null;
        }
    }

    /** Bytes as text: UTF-8 when valid, else ISO-8859-1, so that no byte is lost. */
    public static String string(Bytes data) {
        byte[] raw = data.toArray();
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
    }

    private static Bytes half(Bytes data, int which) {
        int n = data.length() / 2;
        byte[] raw = data.toArray();
        return Bytes.copyOf(raw, which * n, n);
    }

    /** A DER GeneralName: the common choices as "email:", "DNS:", "URI:", "IP:" or a DN; else null. */
    private static String generalName(Bytes der) {
        if (der.length() < 2) {
            return null;
        }
        int tag = der.get(0);
        int len = der.get(1);
        int start = 2;
        if (len == 0x81 && der.length() >= 3) {
            len = der.get(2);
            start = 3;
        } else if (len == 0x82 && der.length() >= 4) {
            len = (der.get(2) << 8) | der.get(3);
            start = 4;
        } else if (len > 0x7f) {
            return null;
        }
        if (start + len != der.length()) {
            return null;
        }
        Bytes value = Bytes.copyOf(der.toArray(), start, len);
        return switch (tag) {
            case 0x81 -> "email:" + string(value);
            case 0x82 -> "DNS:" + string(value);
            case 0x86 -> "URI:" + string(value);
            case 0x87 -> {
                String a = Addresses.format(value);
                yield a == null ? null : "IP:" + a;
            }
            case 0xa4 -> distinguishedName(value);
            default -> null;
        };
    }
}
