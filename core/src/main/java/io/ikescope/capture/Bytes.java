package io.ikescope.capture;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads fixed-width integers out of a byte array in either byte order without allocating.
 * The VarHandles compile to single unaligned loads, which keeps per-record header parsing cheap.
 */
public final class Bytes {
    private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LE_SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE_SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Bytes() {
    }

    public static int int32(byte[] b, int at, boolean bigEndian) {
        return bigEndian ? (int) BE_INT.get(b, at) : (int) LE_INT.get(b, at);
    }

    public static long uint32(byte[] b, int at, boolean bigEndian) {
        return int32(b, at, bigEndian) & 0xFFFF_FFFFL;
    }

    public static int uint16(byte[] b, int at, boolean bigEndian) {
        return (bigEndian ? (short) BE_SHORT.get(b, at) : (short) LE_SHORT.get(b, at)) & 0xFFFF;
    }

    public static long int64(byte[] b, int at, boolean bigEndian) {
        return bigEndian ? (long) BE_LONG.get(b, at) : (long) LE_LONG.get(b, at);
    }

    /** Network byte order (big-endian) unsigned 16-bit value. */
    public static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    /** Network byte order 32-bit value. */
    public static int i32(byte[] b, int at) {
        return (int) BE_INT.get(b, at);
    }

    /** Network byte order unsigned 32-bit value. */
    public static long u32(byte[] b, int at) {
        return ((int) BE_INT.get(b, at)) & 0xFFFF_FFFFL;
    }
}
