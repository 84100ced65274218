package raftlab.raft.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array with compact encodings: unsigned varints, nullable strings, length-prefixed bytes. */
public final class ByteWriter {
    private byte[] buffer;
    private int length;

    public ByteWriter(int initialCapacity) { buffer = new byte[Math.max(16, initialCapacity)]; }

    private void ensure(int extra) {
        if (length + extra > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
    }

    public ByteWriter writeByte(int value) {
        ensure(1);
        buffer[length++] = (byte) value;
        return this;
    }

    public ByteWriter writeBoolean(boolean value) { return writeByte(value ? 1 : 0); }

    /** Unsigned LEB128: small non-negative numbers (terms, indexes) take one or two bytes; negatives take ten. */
    public ByteWriter writeVarLong(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            buffer[length++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[length++] = (byte) value;
        return this;
    }

    /** A string that may be null: its UTF-8 length plus one (zero for null), then the bytes. */
    public ByteWriter writeString(String value) {
        if (value == null) return writeVarLong(0);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeVarLong(bytes.length + 1L);
        return writeRaw(bytes);
    }

    public ByteWriter writeBytes(byte[] value) {
        writeVarLong(value.length);
        return writeRaw(value);
    }

    private ByteWriter writeRaw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        return this;
    }

    public byte[] toByteArray() { return Arrays.copyOf(buffer, length); }
}
