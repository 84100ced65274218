package raftlab.node;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import raftlab.node.http.ClientHttpServer;
import raftlab.node.http.NodeApi;
import raftlab.node.metrics.NodeMetrics;
import raftlab.node.storage.DataDirectory;
import raftlab.node.storage.EntryCodec;
import raftlab.node.storage.RaftStorage;
import raftlab.node.storage.RealFileLayer;
import raftlab.node.transport.AddressBook;
import raftlab.node.transport.PeerAddress;
import raftlab.node.transport.PeerTransport;
import raftlab.raft.AdminCommand;
import raftlab.raft.Bug;
import raftlab.raft.Message;
import raftlab.raft.NodeId;
import raftlab.raft.Outcome;
import raftlab.raft.RaftServer;
import raftlab.raft.Status;
import raftlab.raft.codec.WireCodec;
import raftlab.raft.kv.KvOp;

/** One running node: data directory, storage, Raft server, node loop, peer transport and client API, wired together. */
public final class NodeRuntime implements NodeApi, AutoCloseable {
    private static final int PEER_QUEUE_MESSAGES = 4096;

    private final NodeSettings settings;
    private final NodeLog log;
    private final FailStop failStop;
    private final NodeMetrics metrics = new NodeMetrics();
    private final AddressBook addresses;
    private DataDirectory dataDirectory;
    private RaftStorage storage;
    private NodeLoop loop;
    private Thread loopThread;
    private PeerTransport transport;
    private ClientHttpServer http;

    private NodeRuntime(NodeSettings settings, NodeLog log, FailStop failStop) {
        this.settings = settings;
        this.log = log;
        this.failStop = failStop;
        this.addresses = new AddressBook(settings.peers());
    }

    /** Opens the data directory, recovers, and starts serving; throws with a sentence for a person when it cannot. */
    public static NodeRuntime start(NodeSettings settings, NodeLog log) throws IOException {
        return start(settings, log, new FailStop(log, System::exit, 1000));
    }

    /** As {@link #start(NodeSettings, NodeLog)}, with {@code failStop} deciding what a dead thread does. */
    public static NodeRuntime start(NodeSettings settings, NodeLog log, FailStop failStop) throws IOException {
        NodeRuntime node = new NodeRuntime(settings, log, failStop);
        try {
            node.startParts();
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    private void startParts() throws IOException {
        PeerAddress self = settings.self();
        dataDirectory = DataDirectory.open(settings.dataDir(), settings.clusterId(), settings.id());
        storage = RaftStorage.open(new RealFileLayer(), settings.dataDir(), settings.segmentBytes(), settings.bugs().has(Bug.NO_FSYNC),
                EntryCodec.WIRE, metrics, line -> log.info("storage: " + line));
        var recovered = storage.recovered();
        log.info("storage: recovered term " + recovered.hardState().term() + ", snapshot at "
                + (recovered.snapshot() == null ? 0 : recovered.snapshot().index()) + ", " + recovered.entries().size() + " log entries after it");
        RaftServer server = new RaftServer(NodeId.of(settings.id()), settings.raft(), new SplittableRandom(), settings.bugs(), recovered);
        transport = new PeerTransport(settings.id(), settings.clusterId(), settings.clusterSecret(), addresses, PEER_QUEUE_MESSAGES,
                this::received, line -> log.info(line), failStop);
        loop = new NodeLoop(server, storage, this::send, metrics, log, settings.tickMillis(), settings.batchMaxEntries(),
                settings.batchWaitMicros(), settings.bugs().has(Bug.NO_FSYNC), settings.raft().explain());
        failStop.onStop(() -> loop.halt(failStop.reason()));
        transport.start(settings.bindHost(), self.peerPort());
        http = new ClientHttpServer(settings.bindHost(), self.clientPort(), settings.maxClientConnections(), this, metrics, line -> log.info(line));
        http.start(failStop);
        loopThread = new Thread(loop, "node-loop");
        loopThread.setUncaughtExceptionHandler(failStop);
        loopThread.start();
    }

    private void received(String from, byte[] payload) {
        Message message;
        try {
            message = WireCodec.decodeMessage(payload);
        } catch (RuntimeException e) {
            log.info("transport: dropped an undecodable message from " + from + " (" + e.getMessage() + ")");
            return;
        }
        if (!message.from().value().equals(from) || !message.to().value().equals(settings.id())) {
            log.info("transport: dropped a message from " + from + " that claims to be from " + message.from() + " to " + message.to());
            return;
        }
        loop.deliver(message);
    }

    private void send(String to, Message message) {
        if (!transport.send(to, WireCodec.encode(message))) metrics.peerMessagesDropped.increment();
    }

    @Override public CompletableFuture<Outcome> submit(KvOp op, String clientId, long seq) { return loop.submit(op, clientId, seq); }

    @Override public CompletableFuture<Outcome> admin(AdminCommand command) { return loop.admin(command); }

    @Override public Status status() { return loop.status(); }

    @Override public String stoppedBecause() {
        String failed = failStop.reason();
        return failed != null ? failed : loop.stoppedBecause();
    }

    @Override public PeerAddress address(String id) { return addresses.get(id); }

    @Override public void learnAddress(PeerAddress address) {
        addresses.put(address);
        log.info("admin: the address of " + address.id() + " is " + address.format());
    }

    @Override public List<String> bugs() { return settings.bugs().names(); }

    @Override public String metricsText() { return metrics.render(transport.droppedMessages()); }

    @Override public long requestTimeoutMillis() { return settings.requestTimeoutMillis(); }

    @Override public String adminToken() { return settings.adminToken(); }

    @Override public String clientToken() { return settings.clientToken(); }

    /** Blocks until the node loop ends (a storage failure or {@link #close}). */
    public void awaitLoop() throws InterruptedException { loopThread.join(); }

    /** Clean shutdown: stop taking requests, finish the loop (pending requests are answered), close files, release the lock. */
    @Override public void close() {
        if (http != null) http.close();
        if (loop != null) loop.stop();
        if (loopThread != null) {
            try {
                loopThread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (transport != null) transport.close();
        try {
            if (storage != null && stoppedBecause() == null) storage.flushDeferred();
            if (storage != null) storage.close();
            if (dataDirectory != null) dataDirectory.close();
        } catch (IOException e) {
            log.error("closing the data directory failed (" + e.getMessage() + ")", e);
        }
    }
}
