package raftlab.node.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * TCP between nodes: one authenticated outbound connection per peer for sending, and accepted
 * connections for receiving. Payloads are opaque bytes here; the node puts wire-codec messages in them.
 */
public final class PeerTransport implements AutoCloseable {
    /** Called on a connection's thread for every authenticated payload; {@code from} is the proven sender. */
    public interface Receiver {
        void received(String from, byte[] payload);
    }

    private final TransportContext context;
    private final int queueCapacity;
    private final Map<String, PeerSender> senders = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final InboundGate gate;
    private ServerSocket server;
    private volatile boolean running = true;

    public PeerTransport(String selfId, String clusterId, byte[] secret, AddressBook addresses, int queueCapacity,
                         Receiver receiver, Consumer<String> log, Thread.UncaughtExceptionHandler crash) {
        this(selfId, clusterId, secret, addresses, queueCapacity, receiver, log, crash, InboundGate.MAX_INBOUND);
    }

    PeerTransport(String selfId, String clusterId, byte[] secret, AddressBook addresses, int queueCapacity,
                  Receiver receiver, Consumer<String> log, Thread.UncaughtExceptionHandler crash, int maxInbound) {
        this.context = new TransportContext(selfId, clusterId, secret, addresses, receiver, log, this::peerUp, crash);
        this.queueCapacity = queueCapacity;
        this.gate = new InboundGate(maxInbound, InboundGate.HANDSHAKE_MILLIS, new RefusalLog(log, System::nanoTime, TimeUnit.SECONDS.toNanos(1)));
    }

    /** Listens on {@code host:port} (port 0 picks a free one) and starts dialling every known peer. */
    public void start(String host, int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        context.thread(this::accept, "peer-acceptor").start();
        for (PeerAddress peer : context.addresses().all()) sender(peer.id());
    }

    public int port() { return server.getLocalPort(); }

    private void accept() {
        while (running) {
            try {
                Socket socket = server.accept();
                if (!gate.admit(socket)) continue;
                try {
                    context.thread(new InboundConnection(socket, context, gate), "peer-inbound-" + socket.getRemoteSocketAddress()).start();
                } catch (RuntimeException | OutOfMemoryError e) {
                    // No thread for it (the system is out of threads): refuse this one, keep accepting.
                    gate.release();
                    InboundGate.closeQuietly(socket);
                    gate.refused(String.valueOf(socket.getRemoteSocketAddress()), "no thread to serve it (" + e + ")");
                }
            } catch (IOException e) {
                if (running) context.log().accept("transport: accepting a peer connection failed (" + e.getMessage() + ")");
            }
        }
    }

    private PeerSender sender(String peerId) {
        if (peerId.equals(context.selfId())) return null;
        return senders.computeIfAbsent(peerId, id -> new PeerSender(id, context, queueCapacity, dropped));
    }

    /** A peer proved itself on an accepted connection, so it is up: redial it now rather than after the backoff. */
    private void peerUp(String peerId) {
        PeerSender sender = senders.get(peerId);
        if (sender != null) sender.dialNow();
    }

    /** Queues {@code payload} for {@code to}; returns false when it was dropped (queue full, not connected, unknown peer). */
    public boolean send(String to, byte[] payload) {
        if (!running) return false;
        if (!senders.containsKey(to) && context.addresses().get(to) == null) {
            dropped.incrementAndGet();
            return false;
        }
        PeerSender sender = sender(to);
        return sender != null && sender.offer(payload);
    }

    public long droppedMessages() { return dropped.get(); }

    public List<PeerAddress> knownAddresses() { return context.addresses().all(); }

    @Override public void close() {
        running = false;
        try {
            if (server != null) server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (PeerSender sender : senders.values()) sender.close();
        gate.close();
    }
}
