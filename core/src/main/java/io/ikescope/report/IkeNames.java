package io.ikescope.report;

import io.ikescope.wire.Attribute;
import io.ikescope.wire.Transform;
import io.ikescope.wire.registry.Ikev1Registry;
import io.ikescope.wire.registry.Ikev2Registry;
import io.ikescope.wire.registry.Registry;
import java.util.Locale;

/**
 * Names for the numbers of an IKE message, looked up in the IANA registries for the message's IKE version.
 * {@code name*} methods return null for unassigned values (JSON writes null); {@link #describe} gives
 * "Name (n)" or "Unknown (n)" for text.
 */
public final class IkeNames {
    private IkeNames() {
    }

    /** The short payload name (SA, KE, IDi, N, VID, NAT-D ...), or null. */
    public static String payload(int ikeVersion, int type) {
        return (ikeVersion == 1 ? Ikev1Registry.PAYLOAD_ABBREV : Ikev2Registry.PAYLOAD_ABBREV).name(type);
    }

    /** "SA (1)" for text; "Unknown (n)" when unassigned; "NONE (0)" for the end of a chain. */
    public static String payloadOrNumber(int ikeVersion, int type) {
        if (type == 0) {
            return "NONE (0)";
        }
        String name = payload(ikeVersion, type);
        return (name != null ? name : "Unknown") + " (" + type + ")";
    }

    /**
     * The exchange name in the stable upper-snake form of the contract ("IDENTITY_PROTECTION", "IKE_SA_INIT"):
     * the registry name without parenthesised remarks, upper-cased, each run of other characters turned into
     * one underscore. So "Identity Protection (Main Mode)" becomes IDENTITY_PROTECTION. Null when unassigned.
     */
    public static String exchange(int ikeVersion, int exchangeType) {
        String name = (ikeVersion == 1 ? Ikev1Registry.EXCHANGE_TYPE : Ikev2Registry.EXCHANGE_TYPE).name(exchangeType);
        return name == null ? null : upperSnake(name);
    }

    static String upperSnake(String name) {
        String s = name.replaceAll("\\([^)]*\\)", " ").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        s = s.replaceAll("^_+|_+$", "");
        return s.isEmpty() ? null : s;
    }

    public static Registry protocolIds(int ikeVersion) {
        return ikeVersion == 1 ? Ikev1Registry.PROTOCOL_ID : Ikev2Registry.PROTOCOL_ID;
    }

    public static Registry notifyTypes(int ikeVersion) {
        return ikeVersion == 1 ? Ikev1Registry.NOTIFY_TYPE : Ikev2Registry.NOTIFY_TYPE;
    }

    public static Registry idTypes(int ikeVersion) {
        return ikeVersion == 1 ? Ikev1Registry.ID_TYPE : Ikev2Registry.ID_TYPE;
    }

    public static Registry certEncodings(int ikeVersion) {
        return ikeVersion == 1 ? Ikev1Registry.CERT_ENCODING : Ikev2Registry.CERT_ENCODING;
    }

    public static Registry cfgTypes(int ikeVersion) {
        return ikeVersion == 1 ? Ikev1Registry.CFG_TYPE : Ikev2Registry.CFG_TYPE;
    }

    public static Registry cfgAttributes(int ikeVersion) {
        return ikeVersion == 1 ? Ikev1Registry.CFG_ATTRIBUTE : Ikev2Registry.CFG_ATTRIBUTE;
    }

    /** The table naming a transform's ID: IKEv1 by the proposal's protocol, IKEv2 by the transform type. */
    public static Registry transformIds(int ikeVersion, int protocolId, Transform t) {
        return ikeVersion == 1 ? Ikev1Registry.transformIds(protocolId)
                : t.type() == null ? null : Ikev2Registry.transformIds(t.type());
    }

    /** The table naming SA attribute types: IKEv1 ISAKMP proposals use the IKE classes, AH/ESP/IPCOMP the IPsec ones. */
    public static Registry attributeTypes(int ikeVersion, int protocolId) {
        if (ikeVersion == 2) {
            return Ikev2Registry.TRANSFORM_ATTRIBUTE;
        }
        return protocolId == 1 ? Ikev1Registry.IKE_ATTRIBUTE : Ikev1Registry.IPSEC_ATTRIBUTE;
    }

    /** The table naming an SA attribute's value, or null when the value is a number (lifetime, key length). */
    public static Registry attributeValues(int ikeVersion, int protocolId, Attribute a) {
        if (ikeVersion != 1 || a.value().length() > 4) {
            return null;
        }
        return protocolId == 1 ? Ikev1Registry.ikeAttributeValues(a.type()) : Ikev1Registry.ipsecAttributeValues(a.type());
    }

    /** Null-safe name lookup. */
    public static String name(Registry registry, long value) {
        return registry == null ? null : registry.name(value);
    }

    /** "Name (n)" for text output; "Unknown (n)" or the reserved range's label when unassigned. */
    public static String describe(Registry registry, long value) {
        if (registry == null) {
            return Long.toString(value);
        }
        String name = registry.name(value);
        return name != null ? name + " (" + value + ")" : registry.describe(value);
    }
}
