package raftlab.node.transport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ScheduledFuture;
import javax.crypto.Mac;

/**
 * One accepted connection: it receives only. The dialer must prove it knows the cluster secret
 * before any message is accepted, within one deadline for the whole handshake and in small frames,
 * and every message frame must carry the next sequence number and a valid session MAC; anything else
 * closes the connection with a log line (rate-limited while the dialer is not yet authenticated).
 */
final class InboundConnection implements Runnable {
    private final Socket socket;
    private final TransportContext context;
    private final InboundGate gate;

    InboundConnection(Socket socket, TransportContext context, InboundGate gate) {
        this.socket = socket;
        this.context = context;
        this.gate = gate;
    }

    @Override public void run() {
        String remote = String.valueOf(socket.getRemoteSocketAddress());
        String dialerId = null;
        ScheduledFuture<?> deadline = gate.handshakeDeadline(socket);
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) InboundGate.HANDSHAKE_MILLIS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            Mac session;
            String claimed;
            try {
                Frames.Frame hello = Frames.read(in, Frames.MAX_HANDSHAKE_FRAME_BYTES);
                if (hello.type() != Frames.HELLO) throw new IOException("expected a handshake, got frame type " + hello.type());
                DataInputStream h = new DataInputStream(new ByteArrayInputStream(hello.body()));
                String clusterId = h.readUTF();
                claimed = h.readUTF();
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
                c.write(Handshake.proof(context.secret(), "acceptor", clusterId, context.selfId(), claimed, dialerNonce, nonce));
                Frames.write(out, Frames.CHALLENGE, challenge.toByteArray());
                out.flush();
                Frames.Frame auth = Frames.read(in, Frames.MAX_HANDSHAKE_FRAME_BYTES);
                byte[] expected = Handshake.proof(context.secret(), "dialer", clusterId, claimed, context.selfId(), nonce, dialerNonce);
                if (auth.type() != Frames.AUTH || !Handshake.equal(expected, auth.body())) {
                    throw new IOException("the dialer calling itself " + claimed + " could not prove it knows the cluster secret");
                }
                // Too late if the deadline already closed the socket: then the next read fails.
                deadline.cancel(false);
                socket.setSoTimeout(0);
                if (!dialerAddress.isEmpty()) learn(dialerAddress, claimed);
                session = Handshake.mac(Handshake.sessionKey(context.secret(), dialerNonce, nonce));
            } catch (IOException | RuntimeException e) {
                // A closed socket here is the handshake deadline's doing.
                String why = socket.isClosed() ? "no complete handshake within " + InboundGate.HANDSHAKE_MILLIS + " ms"
                        : e instanceof EOFException ? "it hung up during the handshake" : String.valueOf(e.getMessage());
                gate.refused(remote, why);
                return;
            }
            dialerId = claimed;
            gate.authenticated(dialerId, socket);
            context.peerUp().accept(dialerId);
            receive(in, session, dialerId);
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof EOFException) && !socket.isClosed()) {
                context.log().accept("transport: closed the connection from " + dialerId + " at " + remote + " (" + e.getMessage() + ")");
            }
        } finally {
            deadline.cancel(false);
            if (dialerId != null) gate.closed(dialerId, socket);
            InboundGate.closeQuietly(socket);
            gate.release();
        }
    }

    /**
     * A joining node introduces itself by address; an address this node was configured with (at start
     * or by {@code admin add}) is never replaced by one a peer announces.
     */
    private void learn(String dialerAddress, String dialerId) {
        PeerAddress address;
        try {
            address = PeerAddress.parse(dialerAddress);
        } catch (IllegalArgumentException e) {
            context.log().accept("transport: " + dialerId + " announced an address that does not parse (" + e.getMessage() + "); ignored");
            return;
        }
        if (!address.id().equals(dialerId)) return;
        if (context.addresses().learn(address)) context.log().accept("transport: learned the address of " + dialerAddress);
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
