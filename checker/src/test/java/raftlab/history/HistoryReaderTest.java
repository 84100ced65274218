package raftlab.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReaderTest {
    @TempDir Path dir;

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void writtenEdnAndJsonlReadBackEqual() throws Exception {
        List<Op> ops = List.of(
                Op.invoke(0, 10, 3, "cas", List.of(1L, 2L)),
                new Op(1, 20, OpType.FAIL, 3, "cas", List.of(1L, 2L), "mismatch"),
                Op.invoke(2, 30, 4, "write", Op.tuple("k \"1\"", null)),
                new Op(3, 40, OpType.INFO, Op.NEMESIS, "partition", "cut off n1", null));
        Path edn = dir.resolve("h.edn");
        HistoryWriter.writeEdn(ops, edn);
        assertEquals(ops, HistoryReader.read(edn));
        Path jsonl = dir.resolve("h.jsonl");
        HistoryWriter.writeJsonl(ops, jsonl);
        assertEquals(ops, HistoryReader.read(jsonl));
        assertEquals("{:index 0, :time 10, :type :invoke, :process 3, :f :cas, :value [1 2]}", HistoryWriter.toEdn(ops.get(0)));
        assertEquals("{\"index\": 3, \"time\": 40, \"type\": \"info\", \"process\": \"nemesis\", \"f\": \"partition\", \"value\": \"cut off n1\"}",
                HistoryWriter.toJson(ops.get(3)));
    }

    @Test
    void theAnsweringNodeIsWrittenAndReadBackAndNilWhenNoneAnswered() throws Exception {
        List<Op> ops = List.of(
                Op.invoke(0, 10, 3, "write", 1L),
                new Op(1, 20, OpType.OK, 3, "write", 1L, null, "n2"),
                Op.invoke(2, 30, 4, "read", null),
                new Op(3, 40, OpType.FAIL, 4, "read", null, "connect", Op.NO_NODE));
        assertEquals("{:index 1, :time 20, :type :ok, :process 3, :f :write, :value 1, :node \"n2\"}", HistoryWriter.toEdn(ops.get(1)));
        assertEquals("{:index 3, :time 40, :type :fail, :process 4, :f :read, :value nil, :error :connect, :node nil}",
                HistoryWriter.toEdn(ops.get(3)));
        Path edn = dir.resolve("n.edn");
        HistoryWriter.writeEdn(ops, edn);
        assertEquals(ops, HistoryReader.read(edn));
        Path jsonl = dir.resolve("n.jsonl");
        HistoryWriter.writeJsonl(ops, jsonl);
        assertEquals(ops, HistoryReader.read(jsonl));
    }

    @Test
    void readsKnossosVectorsWithCommentsAndTaggedLiterals() throws Exception {
        Path p = file("k.edn", "; a comment line\n[{:process 0, :type :invoke, :f :read, :value nil}\n ; pending\n"
                + " #jepsen.history.Op{:process 0, :type :ok, :f :read, :value #{1 2}, :extra #inst \"2020-01-01T00:00:00Z\"}\n"
                + " {:process :nemesis, :type :info, :f :kill, :value #unknown/tag [:n1]}]\n");
        List<Op> ops = HistoryReader.read(p);
        assertEquals(3, ops.size());
        assertEquals(OpType.OK, ops.get(1).type());
        assertEquals(1, ops.get(1).index());
        assertTrue(ops.get(2).isNemesis());
        assertEquals(-1, ops.get(0).time());
    }

    @Test
    void readsPorcupineEtcdLogsAndKvLines() throws Exception {
        List<Op> etcd = HistoryReader.read(file("etcd.log", "INFO  jepsen.util - 2\t:invoke\t:cas\t[3 0]\nINFO  jepsen.util - 2\t:fail\t:read\t:timed-out\n"));
        assertEquals(List.of(3L, 0L), etcd.get(0).value());
        assertEquals("timed-out", etcd.get(1).error());
        List<Op> kv = HistoryReader.read(file("kv.txt", "{:process 0, :type :invoke, :f :append, :key \"4\", :value \"x 0 1 y\"}\n"));
        assertEquals(List.of("4", "x 0 1 y"), kv.get(0).value());
    }

    @Test
    void malformedEdnNamesItsLine() throws Exception {
        Path p = file("bad.edn", "{:index 0, :type :invoke, :process 1, :f :read, :value nil}\n"
                + "{:index 1, :type :ok, :process 1, :f :read, :value nil}\n"
                + "{:index 2, :type :invoke, :process 1, :f :read, :value [1 2}\n");
        HistoryFormatException e = assertThrows(HistoryFormatException.class, () -> HistoryReader.read(p));
        assertEquals(3, e.line());
        assertEquals(p, e.file());
    }

    @Test
    void missingTypeNamesItsLineInsideAVector() throws Exception {
        Path p = file("notype.edn", "[{:process 0, :type :invoke, :f :read, :value nil}\n\n {:process 0, :f :read, :value 1}]\n");
        HistoryFormatException e = assertThrows(HistoryFormatException.class, () -> HistoryReader.read(p));
        assertEquals(3, e.line());
        assertTrue(e.problem().contains(":type"), e.problem());
    }

    @Test
    void unclosedVectorNamesWhereItOpened() throws Exception {
        Path p = file("open.edn", "\n[{:process 0, :type :invoke, :f :read, :value nil}\n");
        assertEquals(2, assertThrows(HistoryFormatException.class, () -> HistoryReader.read(p)).line());
    }

    @Test
    void malformedJsonlNamesItsLine() throws Exception {
        Path p = file("bad.jsonl", "{\"index\": 0, \"type\": \"invoke\", \"process\": 1, \"f\": \"read\", \"value\": null}\n\n{\"index\": 1, \"type\": \"ok\",}\n");
        assertEquals(3, assertThrows(HistoryFormatException.class, () -> HistoryReader.read(p)).line());
    }

    @Test
    void malformedEtcdLineNamesItsLine() throws Exception {
        Path p = file("bad.log", "INFO  jepsen.util - 0\t:invoke\t:read\tnil\nINFO  jepsen.util - x\t:ok\t:read\t1\n");
        assertEquals(2, assertThrows(HistoryFormatException.class, () -> HistoryReader.read(p)).line());
    }

    @Test
    void emptyFileIsAnEmptyHistory() throws Exception {
        assertEquals(List.of(), HistoryReader.read(file("empty.edn", "")));
    }
}
