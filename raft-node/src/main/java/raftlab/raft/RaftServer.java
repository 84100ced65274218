package raftlab.raft;

import java.util.random.RandomGenerator;

/**
 * One Raft server with its key-value state machine and client sessions, as a pure state machine:
 * no sockets, files, threads, clocks or randomness of its own. The node binary and the simulator
 * both drive it the same way: feed it ticks, messages and requests, then take a {@link ServerReady},
 * do its I/O, and call {@link #advance}.
 */
public final class RaftServer {

    public RaftServer(NodeId self, RaftConfig config, RandomGenerator random, Bugs bugs, PersistentState restored) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** One tick of the monotonic clock; {@code wallClockMillis} is read only by the lease-wall-clock bug. */
    public void tick(long wallClockMillis) { throw new UnsupportedOperationException(); }

    public void receive(Message message) { throw new UnsupportedOperationException(); }

    public void submit(ClientRequest request) { throw new UnsupportedOperationException(); }

    public void admin(long requestId, AdminCommand command) { throw new UnsupportedOperationException(); }

    public boolean hasReady() { throw new UnsupportedOperationException(); }

    public ServerReady ready() { throw new UnsupportedOperationException(); }

    /** Tells the server that everything in {@code ready} was persisted and sent. */
    public void advance(ServerReady ready) { throw new UnsupportedOperationException(); }

    public Status status() { throw new UnsupportedOperationException(); }
}
