package raftlab.sim.engine;

import raftlab.raft.AdminCommand;
import raftlab.raft.ClientRequest;
import raftlab.raft.Message;
import raftlab.raft.Role;
import raftlab.raft.ServerReady;
import raftlab.raft.Status;

/**
 * The Raft core as the simulator drives it. {@link RaftServerAdapter} wraps the real one; tests of the
 * simulator itself may plug in a small fake.
 */
public interface SimServer {
    void tick(long wallClockMillis);

    void receive(Message message);

    void submit(ClientRequest request);

    /** An administrative command; its answer comes back as a reply with {@code requestId}. */
    void admin(long requestId, AdminCommand command);

    boolean hasReady();

    ServerReady ready();

    void advance(ServerReady ready);

    Role role();

    long term();

    long commitIndex();

    Status status();
}
