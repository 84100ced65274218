package raftlab.node.transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * What a stranger on the network can send to a peer port, for the hostile-client probes: a handshake
 * completed with a guessed secret followed by a message, a frame announcing a huge length, or a
 * handshake trickled a byte at a time. Each returns once the node has hung up (or the socket timed out).
 */
public final class Stranger {
    private Stranger() {}

    /**
     * Completes the handshake as {@code claimedId} with {@code guessedSecret} and sends a message MACed
     * under the session key that secret gives. Returns true when the node hung up without accepting it.
     */
    public static boolean forgeHandshake(Socket socket, String guessedSecret, String clusterId, String claimedId) throws IOException {
        byte[] secret = guessedSecret.getBytes(StandardCharsets.UTF_8);
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] nonce = Handshake.nonce();
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(hello);
        h.writeUTF(clusterId);
        h.writeUTF(claimedId);
        h.writeUTF("");
        h.write(nonce);
        Frames.write(out, Frames.HELLO, hello.toByteArray());
        out.flush();
        Frames.Frame challenge = Frames.read(in, Frames.MAX_HANDSHAKE_FRAME_BYTES);
        if (challenge.type() != Frames.CHALLENGE) return true;
        DataInputStream c = new DataInputStream(new ByteArrayInputStream(challenge.body()));
        String acceptor = c.readUTF();
        byte[] acceptorNonce = c.readNBytes(Handshake.NONCE_BYTES);
        Frames.write(out, Frames.AUTH, Handshake.proof(secret, "dialer", clusterId, claimedId, acceptor, acceptorNonce, nonce));
        byte[] payload = "a forged AppendEntries".getBytes(StandardCharsets.UTF_8);
        byte[] mac = Handshake.frameMac(Handshake.mac(Handshake.sessionKey(secret, nonce, acceptorNonce)), 1, payload, 0, payload.length);
        byte[] body = new byte[mac.length + payload.length];
        System.arraycopy(mac, 0, body, 0, mac.length);
        System.arraycopy(payload, 0, body, mac.length, payload.length);
        try {
            Frames.write(out, Frames.MESSAGE, body);
            out.flush();
            return in.read() == -1;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Announces a handshake frame of {@code length} bytes and sends none of them; true when the node hung up. */
    public static boolean announceHugeFrame(Socket socket, int length) throws IOException {
        try {
            DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream()));
            out.writeInt(length);
            out.writeByte(Frames.VERSION);
            out.writeByte(Frames.HELLO);
            out.flush();
            return socket.getInputStream().read() == -1;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Sends a handshake frame one byte every {@code gapMillis}; returns the milliseconds until the node hung up, or -1. */
    public static long trickleHandshake(Socket socket, long gapMillis, long giveUpMillis) throws IOException {
        byte[] frame = new byte[Frames.MAX_HANDSHAKE_FRAME_BYTES];
        java.nio.ByteBuffer.wrap(frame).putInt(frame.length - 4).put(Frames.VERSION).put(Frames.HELLO);
        socket.setSoTimeout((int) Math.max(1, gapMillis));
        long start = System.nanoTime();
        for (int i = 0; i < frame.length && (System.nanoTime() - start) / 1_000_000 < giveUpMillis; i++) {
            try {
                socket.getOutputStream().write(frame[i]);
                socket.getOutputStream().flush();
                if (socket.getInputStream().read() == -1) return (System.nanoTime() - start) / 1_000_000;
            } catch (java.net.SocketTimeoutException stillOpen) {
                // the node is still waiting for the rest
            } catch (IOException reset) {
                return (System.nanoTime() - start) / 1_000_000;
            }
        }
        return -1;
    }
}
