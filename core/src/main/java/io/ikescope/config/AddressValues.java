package io.ikescope.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address arithmetic that selectors need: an address as a number and back. */
public final class AddressValues {
    private AddressValues() {
    }

    /** The address of {@code length} bytes (4 or 16) whose value is {@code value}, in its usual text form. */
    public static String text(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        try {
            return InetAddress.getByAddress(out).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
