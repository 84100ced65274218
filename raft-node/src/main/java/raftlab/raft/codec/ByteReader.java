package raftlab.raft.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads what {@link ByteWriter} wrote; any malformed or truncated input is an {@link IllegalArgumentException}. */
public final class ByteReader {
    private final byte[] bytes;
    private int position;

    public ByteReader(byte[] bytes) {
        if (bytes == null) throw new IllegalArgumentException("no bytes to decode");
        this.bytes = bytes;
    }

    public int remaining() { return bytes.length - position; }

    public int readByte() {
        if (position >= bytes.length) throw new IllegalArgumentException("truncated input at byte " + position);
        return bytes[position++] & 0xFF;
    }

    public boolean readBoolean() {
        int value = readByte();
        if (value > 1) throw new IllegalArgumentException("bad boolean " + value + " at byte " + (position - 1));
        return value == 1;
    }

    public long readVarLong() {
        long result = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = readByte();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new IllegalArgumentException("varint longer than 10 bytes at byte " + position);
    }

    /** A varint that must be a non-negative count or offset no larger than {@code max}. */
    public long readNonNegative(long max) {
        long value = readVarLong();
        if (value < 0 || value > max) throw new IllegalArgumentException("value " + value + " out of range [0, " + max + "]");
        return value;
    }

    /** A count or length, which can never exceed the bytes left after it (each counted thing takes at least one). */
    public int readCount() {
        long value = readVarLong();
        if (value < 0 || value > remaining()) throw new IllegalArgumentException("count " + value + " exceeds the " + remaining() + " bytes left");
        return (int) value;
    }

    public String readString() {
        long lengthPlusOne = readVarLong();
        if (lengthPlusOne == 0) return null;
        if (lengthPlusOne < 0 || lengthPlusOne - 1 > remaining()) {
            throw new IllegalArgumentException("string of " + (lengthPlusOne - 1) + " bytes exceeds the " + remaining() + " bytes left");
        }
        int length = (int) (lengthPlusOne - 1);
        String value = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    public String readRequiredString(String what) {
        String value = readString();
        if (value == null) throw new IllegalArgumentException(what + " must not be null");
        return value;
    }

    public byte[] readBytes() {
        int length = readCount();
        byte[] value = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return value;
    }

    public void expectEnd() {
        if (position != bytes.length) throw new IllegalArgumentException((bytes.length - position) + " trailing bytes after the value");
    }
}
