package raftlab.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftlab.node.metrics.NodeMetrics;
import raftlab.node.storage.EntryCodec;
import raftlab.node.storage.RaftStorage;
import raftlab.node.storage.RealFileLayer;
import raftlab.node.storage.StorageObserver;
import raftlab.raft.Bugs;
import raftlab.raft.Entry;
import raftlab.raft.Message;
import raftlab.raft.NodeId;
import raftlab.raft.Outcome;
import raftlab.raft.RaftConfig;
import raftlab.raft.RaftServer;
import raftlab.raft.kv.KvOp;

/**
 * The node loop's order of sending and fsyncing, seen from a real loop over real storage with two
 * scripted peers that grant every vote and accept every append: a leader's AppendEntries leave before
 * its own fsync of the same entries (they are written by followers in parallel), while a candidate's
 * vote requests leave only after its term and vote are durable.
 */
class LeaderAppendOrderTest {
    private static final NodeId N1 = NodeId.of("n1");
    @TempDir Path dir;

    /** Events in the order the loop thread caused them. */
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @Test void leaderSendsAppendsBeforeItsOwnFsyncAndVotesOnlyAfterTheirs() throws Exception {
        EntryCodec recordingCodec = new EntryCodec() {
            @Override public byte[] encode(Entry entry) {
                events.add("write " + entry.index());
                return EntryCodec.WIRE.encode(entry);
            }

            @Override public Entry decode(byte[] bytes) { return EntryCodec.WIRE.decode(bytes); }
        };
        StorageObserver observer = new StorageObserver() {
            @Override public void appended(long nanos) {}

            @Override public void synced(long nanos) { events.add("fsync"); }
        };
        RaftStorage storage = RaftStorage.open(new RealFileLayer(), dir, 1 << 20, false, recordingCodec, observer, line -> {});
        RaftConfig config = RaftConfig.defaults(List.of(N1, NodeId.of("n2"), NodeId.of("n3")));
        RaftServer server = new RaftServer(N1, config, new SplittableRandom(7), Bugs.NONE, storage.recovered());
        NodeLoop[] loop = new NodeLoop[1];
        loop[0] = new NodeLoop(server, storage, (to, m) -> {
            String kind = describe(m);
            // The candidate's term and vote are saved by temp file, fsync and rename: the file exists once durable.
            if (kind.equals("vote") && !java.nio.file.Files.exists(dir.resolve("hardstate"))) kind = "vote before its hard state was saved";
            events.add(kind);
            Message reply = answer(m);
            if (reply != null) loop[0].deliver(reply);
        }, new NodeMetrics(), new NodeLog(new PrintStream(OutputStream.nullOutputStream()), "n1"), 1, 1024, 0, false, false);
        Thread thread = new Thread(loop[0], "node-loop-under-test");
        thread.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (loop[0].status().role() != raftlab.raft.Role.LEADER) {
                assertTrue(System.nanoTime() < deadline, "n1 did not become leader; events: " + events);
                Thread.sleep(5);
            }
            for (int i = 0; i < 20; i++) {
                CompletableFuture<Outcome> reply = loop[0].submit(new KvOp.Put("k" + i, Integer.toString(i)), "c", i + 1);
                Outcome outcome = reply.get(30, TimeUnit.SECONDS);
                assertTrue(outcome instanceof Outcome.Ok, "write " + i + " got " + outcome);
            }
        } finally {
            loop[0].stop();
            thread.join(10_000);
            storage.close();
        }
        List<String> seen = List.copyOf(events);
        int appendsBeforeTheirWrite = 0;
        for (int i = 0; i < seen.size(); i++) {
            String e = seen.get(i);
            if (!e.startsWith("append ")) continue;
            long first = Long.parseLong(e.substring("append ".length()));
            if (first > 0 && !seen.subList(0, i).contains("write " + first)) appendsBeforeTheirWrite++;
        }
        assertTrue(appendsBeforeTheirWrite > 0, "a leader's AppendEntries should leave before its own write and fsync: " + seen);
        assertTrue(seen.contains("vote") && !seen.contains("vote before its hard state was saved"),
                "n1's vote requests must leave only after its term and vote are durable: " + seen);
    }

    /** "append F" for an AppendEntries whose first entry is F (0 for a heartbeat), else the message's kind. */
    private static String describe(Message m) {
        if (m instanceof Message.AppendEntries a) return "append " + (a.entries().isEmpty() ? 0 : a.entries().get(0).index());
        if (m instanceof Message.VoteRequest v) return v.preVote() ? "pre-vote" : "vote";
        return m.getClass().getSimpleName();
    }

    /** The scripted peers: grant every (pre-)vote, accept every append. */
    private static Message answer(Message m) {
        if (m instanceof Message.VoteRequest v) return new Message.VoteResponse(v.term(), v.to(), v.from(), v.preVote(), true, "scripted");
        if (m instanceof Message.AppendEntries a) {
            long match = a.prevLogIndex() + a.entries().size();
            return new Message.AppendResponse(a.term(), a.to(), a.from(), true, match, 0, 0, a.readContext());
        }
        return null;
    }
}
