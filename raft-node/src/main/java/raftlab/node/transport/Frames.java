package raftlab.node.transport;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Peer frames: a 4-byte length (of what follows), a version byte, a type byte, then the body.
 * The version lets a future node refuse, with a clear log line, a peer it cannot understand.
 */
final class Frames {
    static final byte VERSION = 1;
    static final byte HELLO = 1;
    static final byte CHALLENGE = 2;
    static final byte AUTH = 3;
    static final byte MESSAGE = 4;
    static final byte REJECT = 5;
    /** A snapshot chunk plus headers fits easily; anything larger is a broken or hostile peer. */
    static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;
    /** A handshake frame holds a cluster id, two node ids, an address and a nonce or a proof. */
    static final int MAX_HANDSHAKE_FRAME_BYTES = 1024;

    record Frame(byte type, byte[] body) {}

    private Frames() {}

    static void write(DataOutputStream out, byte type, byte[] body) throws IOException {
        out.writeInt(body.length + 2);
        out.writeByte(VERSION);
        out.writeByte(type);
        out.write(body);
    }

    static Frame read(DataInputStream in) throws IOException { return read(in, MAX_FRAME_BYTES); }

    /** Reads one frame of at most {@code maxBytes}: before a peer is authenticated only a small one, so nothing large is allocated for a stranger. */
    static Frame read(DataInputStream in, int maxBytes) throws IOException {
        int length = in.readInt();
        if (length < 2 || length > maxBytes) throw new IOException("a frame of length " + length + " (at most " + maxBytes + " here)");
        byte version = in.readByte();
        if (version != VERSION) throw new IOException("a peer speaks frame version " + version + ", this node speaks " + VERSION);
        byte type = in.readByte();
        byte[] body = new byte[length - 2];
        in.readFully(body);
        return new Frame(type, body);
    }
}
