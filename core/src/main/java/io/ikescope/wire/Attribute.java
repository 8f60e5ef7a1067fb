package io.ikescope.wire;

/**
 * A data attribute: an SA transform attribute (IKEv1/IKEv2), an IKEv1 mode-config/XAUTH attribute or an
 * IKEv2 CP attribute.
 *
 * @param type  the attribute type, format bit removed
 * @param tv    true for the Type/Value form (AF=1, two-byte value), false for Type/Length/Value
 * @param value the value bytes (two bytes in TV form)
 */
public record Attribute(int type, boolean tv, Bytes value) {
    /** The value as an unsigned number, or -1 when it is longer than 7 bytes. */
    public long numericValue() {
        return value.unsignedValue();
    }
}
