package raftlab.sim.engine;

import raftlab.raft.AdminCommand;
import raftlab.raft.ClientRequest;
import raftlab.raft.Message;
import raftlab.raft.RaftServer;
import raftlab.raft.Role;
import raftlab.raft.ServerReady;
import raftlab.raft.Status;

/** The real Raft core behind {@link SimServer}. */
public final class RaftServerAdapter implements SimServer {
    public static final ServerFactory FACTORY = (id, config, random, bugs, restored) ->
            new RaftServerAdapter(new RaftServer(id, config, random, bugs, restored));

    private final RaftServer server;

    public RaftServerAdapter(RaftServer server) { this.server = server; }

    @Override public void tick(long wallClockMillis) { server.tick(wallClockMillis); }

    @Override public void receive(Message message) { server.receive(message); }

    @Override public void submit(ClientRequest request) { server.submit(request); }

    @Override public void admin(long requestId, AdminCommand command) { server.admin(requestId, command); }

    @Override public boolean hasReady() { return server.hasReady(); }

    @Override public ServerReady ready() { return server.ready(); }

    @Override public void advance(ServerReady ready) { server.advance(ready); }

    @Override public Role role() { return server.role(); }

    @Override public long term() { return server.term(); }

    @Override public long commitIndex() { return server.commitIndex(); }

    @Override public Status status() { return server.status(); }
}
