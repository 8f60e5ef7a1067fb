package io.ikescope.session;

import io.ikescope.wire.registry.Ikev1Registry;
import io.ikescope.wire.registry.Ikev2Registry;
import io.ikescope.wire.registry.Registry;

/**
 * The short words administrators and configuration files use for authentication methods ("PSK", "RSA-SIG"): a
 * report notation over the IANA tables, like the payload abbreviations. Values without a short word fall back to
 * the registry's name.
 */
public final class AuthMethodNames {
    private AuthMethodNames() {
    }

    /** Short words for IANA "IPSEC Authentication Methods (Value 3)" and the XAUTH/hybrid drafts. */
    static final Registry IKEV1 = Registry.builder("IKEv1 authentication methods (short)")
            .add(1, "PSK")
            .add(2, "DSS-SIG")
            .add(3, "RSA-SIG")
            .add(4, "RSA-ENC")
            .add(5, "RSA-ENC-REV")
            .add(9, "ECDSA-SHA256-P256")
            .add(10, "ECDSA-SHA384-P384")
            .add(11, "ECDSA-SHA512-P521")
            .add(64221, "HYBRID-INIT-RSA")
            .add(64222, "HYBRID-RESP-RSA")
            .add(64223, "HYBRID-INIT-DSS")
            .add(64224, "HYBRID-RESP-DSS")
            .add(65001, "XAUTH-INIT-PSK")
            .add(65002, "XAUTH-RESP-PSK")
            .add(65003, "XAUTH-INIT-DSS")
            .add(65004, "XAUTH-RESP-DSS")
            .add(65005, "XAUTH-INIT-RSA")
            .add(65006, "XAUTH-RESP-RSA")
            .add(65007, "XAUTH-INIT-RSA-ENC")
            .add(65008, "XAUTH-RESP-RSA-ENC")
            .add(65009, "XAUTH-INIT-RSA-ENC-REV")
            .add(65010, "XAUTH-RESP-RSA-ENC-REV")
            .build();

    /** Short words for IANA "IKEv2 Authentication Method". */
    static final Registry IKEV2 = Registry.builder("IKEv2 authentication methods (short)")
            .add(1, "RSA-SIG")
            .add(2, "PSK")
            .add(3, "DSS-SIG")
            .add(9, "ECDSA-SHA256-P256")
            .add(10, "ECDSA-SHA384-P384")
            .add(11, "ECDSA-SHA512-P521")
            .add(12, "GSPAM")
            .add(13, "NULL")
            .add(14, "DIGITAL-SIGNATURE")
            .build();

    public static String name(int ikeVersion, int method) {
        String shortName = (ikeVersion == 1 ? IKEV1 : IKEV2).name(method);
        if (shortName != null) {
            return shortName;
        }
        return (ikeVersion == 1 ? Ikev1Registry.IKE_AUTH_METHOD : Ikev2Registry.AUTH_METHOD).describe(method);
    }

    /** True for a pre-shared-key method, XAUTH over PSK included. */
    public static boolean isPreSharedKey(String shortName) {
        return shortName != null && (shortName.equals("PSK") || shortName.endsWith("-PSK"));
    }
}
