package raftlab.raft;

import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import raftlab.raft.kv.KvOp;

/**
 * A rough measure of the core's own cost per event (a tick, a message or a request), for the
 * simulator's budget: five servers, messages delivered in FIFO order, a steady client load.
 * Run: java -cp raft-node/target/classes:raft-node/target/test-classes raftlab.raft.CoreBench
 */
public final class CoreBench {
    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000;
        for (int round = 0; round < 3; round++) run(events);
    }

    static void run(long eventBudget) {
        List<NodeId> ids = TestCluster.ids(5);
        TreeMap<NodeId, RaftServer> servers = new TreeMap<>();
        TestConfig config = new TestConfig();
        config.maxEntriesPerAppend = 64;
        config.snapshotEveryEntries = 10_000;
        for (NodeId id : ids) servers.put(id, new RaftServer(id, config.build(ids), new SplittableRandom(id.hashCode()), Bugs.NONE, PersistentState.empty()));
        ArrayDeque<Message> network = new ArrayDeque<>();
        RaftServer[] all = servers.values().toArray(new RaftServer[0]);
        long events = 0;
        long requests = 0;
        long replies = 0;
        long started = System.nanoTime();
        long tick = 0;
        while (events < eventBudget) {
            tick++;
            for (RaftServer s : all) {
                s.tick(tick * 10);
                events++;
            }
            for (RaftServer s : all) {
                if (s.isLeader()) {
                    for (int i = 0; i < 4; i++) {
                        s.submit(new ClientRequest(++requests, "c" + (requests % 16), requests,
                                i % 2 == 0 ? new KvOp.Put("k" + (requests % 8), Long.toString(requests)) : new KvOp.Get("k" + (requests % 8))));
                        events++;
                    }
                }
            }
            for (int pass = 0; pass < 6; pass++) {
                for (RaftServer s : all) {
                    while (s.hasReady()) {
                        ServerReady r = s.ready();
                        network.addAll(r.messages());
                        replies += r.replies().size();
                        s.advance(r);
                    }
                }
                int n = network.size();
                for (int i = 0; i < n; i++) {
                    Message m = network.pollFirst();
                    servers.get(m.to()).receive(m);
                    events++;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%d events in %.2f s: %.0f events/s; %d requests, %d replies, commit %d%n",
                events, seconds, events / seconds, requests, replies, all[0].commitIndex());
    }
}
