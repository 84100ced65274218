package raftlab.node.transport;

import java.io.IOException;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What bounds the peer port before and after authentication: a cap on accepted connections (each is a
 * thread), one deadline for a whole handshake (a per-read timeout is defeated by a byte a second), a
 * rate-limited log line per refusal, and one connection per proven peer (a peer that redials has lost
 * its old connection; keeping the old one would let half-open connections fill the cap).
 */
final class InboundGate implements AutoCloseable {
    /** Far more than the peers of any cluster raftlab runs; each is a thread. */
    static final int MAX_INBOUND = 64;
    static final long HANDSHAKE_MILLIS = 2000;

    private final int maxInbound;
    private final Semaphore slots;
    private final long handshakeMillis;
    private final RefusalLog refusals;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "peer-handshake-deadlines");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Socket> byPeer = new HashMap<>();

    InboundGate(int maxInbound, long handshakeMillis, RefusalLog refusals) {
        this.maxInbound = maxInbound;
        this.slots = new Semaphore(maxInbound);
        this.handshakeMillis = handshakeMillis;
        this.refusals = refusals;
    }

    /** Takes a slot for an accepted connection, or refuses (and closes) it when all are taken. */
    boolean admit(Socket socket) {
        if (slots.tryAcquire()) return true;
        refused(String.valueOf(socket.getRemoteSocketAddress()), "already " + maxInbound + " inbound connections");
        closeQuietly(socket);
        return false;
    }

    void release() { slots.release(); }

    /** Closes {@code socket} unless the handshake finishes first: cancel the returned future once it has. */
    ScheduledFuture<?> handshakeDeadline(Socket socket) {
        return deadlines.schedule(() -> closeQuietly(socket), handshakeMillis, TimeUnit.MILLISECONDS);
    }

    void refused(String remote, String why) { refusals.refused(remote, why); }

    /** {@code peer} proved itself on {@code socket}: the connection it had before is stale, so close it. */
    synchronized void authenticated(String peer, Socket socket) {
        Socket old = byPeer.put(peer, socket);
        if (old != null && old != socket) closeQuietly(old);
    }

    synchronized void closed(String peer, Socket socket) { byPeer.remove(peer, socket); }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override public void close() {
        deadlines.shutdownNow();
        synchronized (this) {
            byPeer.values().forEach(InboundGate::closeQuietly);
        }
    }
}
