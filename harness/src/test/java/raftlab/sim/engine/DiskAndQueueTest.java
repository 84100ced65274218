package raftlab.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import raftlab.raft.Command;
import raftlab.raft.Configuration;
import raftlab.raft.Entry;
import raftlab.raft.HardState;
import raftlab.raft.NodeId;
import raftlab.raft.Snapshot;

class DiskAndQueueTest {
    private static List<Entry> entries(long from, long to, long term) {
        List<Entry> list = new ArrayList<>();
        for (long i = from; i <= to; i++) list.add(new Entry(i, term, new Command.Noop()));
        return list;
    }

    @Test
    void entriesReplaceFromTheirFirstIndexAndSnapshotsDropThePrefix() {
        SimDisk disk = new SimDisk(true);
        disk.write(null, entries(1, 10, 1), new HardState(1, NodeId.of("n1"), 0));
        disk.write(null, entries(6, 7, 2), null);
        LogStore log = disk.durable();
        assertEquals(7, log.lastIndex(), "a write at 6 replaces everything from 6 on");
        assertEquals(2, log.termAt(7));
        disk.write(new Snapshot(5, 1, Configuration.ofVoters(List.of(NodeId.of("n1"))), new byte[0]), List.of(), null);
        assertEquals(5, log.snapshotIndex());
        assertNull(log.entryAt(5));
        assertEquals(1, log.termAt(5), "the snapshot's own index has its term");
        assertEquals(2, log.termAt(6));
        assertEquals(7, log.toPersistentState().entries().get(1).index());
        assertThrows(IllegalStateException.class, () -> disk.write(null, entries(9, 9, 2), null), "a gap is refused");
    }

    @Test
    void withoutFsyncACrashLosesWhatThePageCacheHeld() {
        SimDisk disk = new SimDisk(false);
        disk.write(null, entries(1, 3, 1), new HardState(1, null, 0));
        disk.flush();
        disk.write(null, entries(4, 6, 1), new HardState(2, NodeId.of("n2"), 3));
        assertEquals(6, disk.view().lastIndex(), "the node sees its own writes");
        assertEquals(3, disk.durable().lastIndex());
        disk.crash();
        assertEquals(3, disk.view().lastIndex());
        assertEquals(1, disk.durable().hardState().term(), "the vote of term 2 was never synced");
        assertTrue(!disk.hasUnsynced());
    }

    @Test
    void eventsRunByTimeThenInTheOrderTheyWereScheduled() {
        EventQueue queue = new EventQueue();
        List<Integer> order = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        long[] times = new long[2000];
        for (int i = 0; i < times.length; i++) {
            int id = i;
            times[i] = random.nextLong(50); // many ties
            queue.schedule(times[i], () -> order.add(id));
        }
        long lastTime = -1;
        int lastId = -1;
        while (!queue.isEmpty()) {
            queue.poll().fire();
            int id = order.get(order.size() - 1);
            long t = times[id];
            assertTrue(t > lastTime || (t == lastTime && id > lastId), "event " + id + " at " + t + " after " + lastId + " at " + lastTime);
            lastTime = t;
            lastId = id;
        }
        assertEquals(times.length, order.size());
        assertThrows(IllegalStateException.class, () -> queue.schedule(10, () -> {}), "no event in the past");
    }
}
