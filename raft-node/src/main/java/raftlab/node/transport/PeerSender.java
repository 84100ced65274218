package raftlab.node.transport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;

/**
 * The one outbound connection to one peer, with its own thread and a bounded queue. A full queue
 * drops the message (Raft retransmits what matters), so a slow or unreachable peer never blocks the
 * node loop or the other peers. A lost connection is redialled with exponential backoff; what was
 * queued meanwhile is dropped, since it is stale by then.
 */
final class PeerSender implements Runnable {
    private static final long BACKOFF_MIN_MILLIS = 20;
    private static final long BACKOFF_MAX_MILLIS = 1000;
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 2000;

    private final String peerId;
    private final TransportContext context;
    private final ArrayBlockingQueue<byte[]> queue;
    private final AtomicLong dropped;
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile Socket socket;
    private final Object backoffLock = new Object();
    private boolean dialNow;
    private final Thread thread;

    PeerSender(String peerId, TransportContext context, int capacity, AtomicLong dropped) {
        this.peerId = peerId;
        this.context = context;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.dropped = dropped;
        this.thread = context.thread(this, "peer-sender-" + peerId);
        thread.start();
    }

    boolean offer(byte[] payload) {
        if (!connected || !queue.offer(payload)) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    @Override public void run() {
        long backoff = BACKOFF_MIN_MILLIS;
        String lastFailure = null;
        while (running) {
            PeerAddress address = context.addresses().get(peerId);
            try {
                if (address == null) throw new IOException("no address known for " + peerId);
                Socket s = new Socket();
                socket = s;
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(address.host(), address.peerPort()), CONNECT_TIMEOUT_MILLIS);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 64 * 1024));
                DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
                s.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
                Mac session = handshake(in, out);
                s.setSoTimeout(0);
                if (lastFailure != null) context.log().accept("transport: connected to " + peerId + " at " + address.host() + ":" + address.peerPort());
                lastFailure = null;
                backoff = BACKOFF_MIN_MILLIS;
                connected = true;
                pump(out, session);
            } catch (IOException | RuntimeException e) {
                String failure = e.getMessage();
                if (running && !String.valueOf(failure).equals(lastFailure)) {
                    context.log().accept("transport: connection to " + peerId + " failed (" + failure + "); retrying with backoff");
                }
                lastFailure = String.valueOf(failure);
            } finally {
                connected = false;
                queue.clear();
                closeQuietly();
            }
            if (!running) break;
            backOff(backoff);
            backoff = Math.min(BACKOFF_MAX_MILLIS, backoff * 2);
        }
    }

    private Mac handshake(DataInputStream in, DataOutputStream out) throws IOException {
        byte[] nonce = Handshake.nonce();
        PeerAddress self = context.addresses().get(context.selfId());
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(hello);
        h.writeUTF(context.clusterId());
        h.writeUTF(context.selfId());
        h.writeUTF(self == null ? "" : self.format());
        h.write(nonce);
        Frames.write(out, Frames.HELLO, hello.toByteArray());
        out.flush();
        Frames.Frame reply = Frames.read(in, Frames.MAX_HANDSHAKE_FRAME_BYTES);
        if (reply.type() == Frames.REJECT) throw new IOException("refused: " + new DataInputStream(new java.io.ByteArrayInputStream(reply.body())).readUTF());
        if (reply.type() != Frames.CHALLENGE) throw new IOException("unexpected frame type " + reply.type() + " in the handshake");
        DataInputStream c = new DataInputStream(new java.io.ByteArrayInputStream(reply.body()));
        String acceptorId = c.readUTF();
        byte[] acceptorNonce = c.readNBytes(Handshake.NONCE_BYTES);
        byte[] acceptorProof = c.readAllBytes();
        if (!acceptorId.equals(peerId)) throw new IOException("the node at that address is " + acceptorId + ", not " + peerId);
        byte[] expected = Handshake.proof(context.secret(), "acceptor", context.clusterId(), acceptorId, context.selfId(), nonce, acceptorNonce);
        if (!Handshake.equal(expected, acceptorProof)) throw new IOException("the peer could not prove it knows the cluster secret");
        byte[] proof = Handshake.proof(context.secret(), "dialer", context.clusterId(), context.selfId(), acceptorId, acceptorNonce, nonce);
        Frames.write(out, Frames.AUTH, proof);
        out.flush();
        return Handshake.mac(Handshake.sessionKey(context.secret(), nonce, acceptorNonce));
    }

    private void pump(DataOutputStream out, Mac session) throws IOException {
        long sequence = 0;
        while (running) {
            byte[] payload;
            try {
                payload = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (payload == null) continue;
            do {
                sequence++;
                byte[] mac = Handshake.frameMac(session, sequence, payload, 0, payload.length);
                out.writeInt(2 + Handshake.FRAME_MAC_BYTES + payload.length);
                out.writeByte(Frames.VERSION);
                out.writeByte(Frames.MESSAGE);
                out.write(mac);
                out.write(payload);
                payload = queue.poll();
            } while (payload != null);
            out.flush();
        }
    }

    /**
     * Waits {@code millis} before the next dial, or less if {@link #dialNow} is called meanwhile. Without
     * the early wake-up a peer that restarts while we back off stays unreachable for up to the longest
     * backoff, and every vote or append for it is dropped meanwhile: after a whole cluster restarts on a
     * loaded machine, that turned elections of a few hundred milliseconds into several seconds.
     */
    private void backOff(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (backoffLock) {
            try {
                long left;
                while (!dialNow && running && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(backoffLock, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            dialNow = false;
        }
    }

    /** Ends the current backoff at once (the peer is known to be up); a no-op while connected. */
    void dialNow() {
        if (connected) return;
        synchronized (backoffLock) {
            dialNow = true;
            backoffLock.notifyAll();
        }
    }

    private void closeQuietly() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
    }

    void close() {
        running = false;
        closeQuietly();
        thread.interrupt();
    }
}
