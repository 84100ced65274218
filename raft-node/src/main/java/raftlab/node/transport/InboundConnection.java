package raftlab.node.transport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import javax.crypto.Mac;

/**
 * One accepted connection: it receives only. The dialer must prove it knows the cluster secret
 * before any message is accepted, and every message frame must carry the next sequence number and
 * a valid session MAC; anything else closes the connection with a log line.
 */
final class InboundConnection implements Runnable {
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 2000;

    private final Socket socket;
    private final TransportContext context;

    InboundConnection(Socket socket, TransportContext context) {
        this.socket = socket;
        this.context = context;
    }

    @Override public void run() {
        String remote = String.valueOf(socket.getRemoteSocketAddress());
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            Frames.Frame hello = Frames.read(in);
            if (hello.type() != Frames.HELLO) throw new IOException("expected a handshake, got frame type " + hello.type());
            DataInputStream h = new DataInputStream(new ByteArrayInputStream(hello.body()));
            String clusterId = h.readUTF();
            String dialerId = h.readUTF();
            String dialerAddress = h.readUTF();
            byte[] dialerNonce = h.readNBytes(Handshake.NONCE_BYTES);
            if (!clusterId.equals(context.clusterId())) {
                reject(out, "this node belongs to cluster '" + context.clusterId() + "', not '" + clusterId + "'");
                throw new IOException("a node of cluster '" + clusterId + "' tried to connect");
            }
            byte[] nonce = Handshake.nonce();
            ByteArrayOutputStream challenge = new ByteArrayOutputStream();
            DataOutputStream c = new DataOutputStream(challenge);
            c.writeUTF(context.selfId());
            c.write(nonce);
            c.write(Handshake.proof(context.secret(), "acceptor", clusterId, context.selfId(), dialerId, dialerNonce, nonce));
            Frames.write(out, Frames.CHALLENGE, challenge.toByteArray());
            out.flush();
            Frames.Frame auth = Frames.read(in);
            byte[] expected = Handshake.proof(context.secret(), "dialer", clusterId, dialerId, context.selfId(), nonce, dialerNonce);
            if (auth.type() != Frames.AUTH || !Handshake.equal(expected, auth.body())) {
                throw new IOException("the dialer calling itself " + dialerId + " could not prove it knows the cluster secret");
            }
            socket.setSoTimeout(0);
            if (!dialerAddress.isEmpty()) {
                PeerAddress address = PeerAddress.parse(dialerAddress);
                if (address.id().equals(dialerId) && !address.equals(context.addresses().get(dialerId))) {
                    context.addresses().put(address);
                    context.log().accept("transport: learned the address of " + dialerAddress);
                }
            }
            Mac session = Handshake.mac(Handshake.sessionKey(context.secret(), dialerNonce, nonce));
            context.peerUp().accept(dialerId);
            receive(in, session, dialerId);
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof java.io.EOFException) && !socket.isClosed()) {
                context.log().accept("transport: closed the connection from " + remote + " (" + e.getMessage() + ")");
            }
        }
    }

    private void receive(DataInputStream in, Mac session, String from) throws IOException {
        long expectedSequence = 0;
        while (true) {
            Frames.Frame frame = Frames.read(in);
            if (frame.type() != Frames.MESSAGE) throw new IOException("unexpected frame type " + frame.type() + " from " + from);
            byte[] body = frame.body();
            if (body.length < Handshake.FRAME_MAC_BYTES) throw new IOException("a message frame from " + from + " is too short");
            expectedSequence++;
            int payloadLength = body.length - Handshake.FRAME_MAC_BYTES;
            byte[] mac = Handshake.frameMac(session, expectedSequence, body, Handshake.FRAME_MAC_BYTES, payloadLength);
            if (!Handshake.equal(mac, java.util.Arrays.copyOf(body, Handshake.FRAME_MAC_BYTES))) {
                throw new IOException("a message frame from " + from + " failed its authentication check");
            }
            byte[] payload = java.util.Arrays.copyOfRange(body, Handshake.FRAME_MAC_BYTES, body.length);
            context.receiver().received(from, payload);
        }
    }

    private static void reject(DataOutputStream out, String reason) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        new DataOutputStream(body).writeUTF(reason);
        Frames.write(out, Frames.REJECT, body.toByteArray());
        out.flush();
    }
}
