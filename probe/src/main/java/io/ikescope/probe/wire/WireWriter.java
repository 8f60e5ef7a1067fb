package io.ikescope.probe.wire;

import java.util.Arrays;

/** A growable big-endian byte buffer for the messages a probe sends. */
public final class WireWriter {
    private byte[] data = new byte[256];
    private int size;

    public WireWriter u8(int value) {
        ensure(1);
        data[size++] = (byte) value;
        return this;
    }

    public WireWriter u16(int value) {
        ensure(2);
        data[size++] = (byte) (value >>> 8);
        data[size++] = (byte) value;
        return this;
    }

    public WireWriter u32(long value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            data[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public WireWriter bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, data, size, value.length);
        size += value.length;
        return this;
    }

    /** Overwrites two bytes already written (a length known only after its contents). */
    public void putU16(int at, int value) {
        if (at < 0 || at + 2 > size) {
            throw new IndexOutOfBoundsException("u16 at " + at + " outside " + size + " bytes");
        }
        data[at] = (byte) (value >>> 8);
        data[at + 1] = (byte) value;
    }

    /** Overwrites four bytes already written. */
    public void putU32(int at, long value) {
        if (at < 0 || at + 4 > size) {
            throw new IndexOutOfBoundsException("u32 at " + at + " outside " + size + " bytes");
        }
        for (int i = 0; i < 4; i++) {
            data[at + i] = (byte) (value >>> (24 - 8 * i));
        }
    }

    public int size() {
        return size;
    }

    public byte[] toArray() {
        return Arrays.copyOf(data, size);
    }

    private void ensure(int more) {
        if (size + more > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
        }
    }
}
