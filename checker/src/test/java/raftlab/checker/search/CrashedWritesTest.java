package raftlab.checker.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import raftlab.checker.model.Models;
import raftlab.checker.model.RegisterModel;
import raftlab.history.Op;
import raftlab.history.OpType;

/** Which crashed writes the search may leave out, per model. */
class CrashedWritesTest {
    private static final RegisterModel REGISTER = (RegisterModel) Models.byName("register");
    private static final RegisterModel CAS_REGISTER = (RegisterModel) Models.byName("cas-register");

    private static boolean[] droppable(List<Op> history, RegisterModel model) {
        return CrashedWrites.droppable(HistorySplitter.split(history, model).keys().get(0), model);
    }

    private static Op ok(long i, long p, String f, Object v) { return new Op(i, i, OpType.OK, p, f, v, null); }

    private static Op info(long i, long p, String f, Object v) { return new Op(i, i, OpType.INFO, p, f, v, "timeout"); }

    @Test
    void aCrashedWriteNobodyObservedIsDropped() {
        List<Op> h = List.of(Op.invoke(0, 0, 0, "write", 1L), info(1, 0, "write", 1L),
                Op.invoke(2, 2, 1, "read", null), ok(3, 1, "read", null));
        assertArrayEquals(new boolean[] {true, false}, droppable(h, REGISTER));
    }

    @Test
    void aCrashedCompareAndSetObservesTheValueItExpectsUnlessItIsDroppedItself() {
        // write 1 :info; cas [1 2] :info; read 2 ok: the read keeps the cas, the cas keeps the write
        List<Op> kept = List.of(Op.invoke(0, 0, 0, "write", 1L), Op.invoke(1, 1, 1, "cas", Op.tuple(1L, 2L)),
                info(2, 0, "write", 1L), info(3, 1, "cas", Op.tuple(1L, 2L)),
                Op.invoke(4, 4, 2, "read", null), ok(5, 2, "read", 2L));
        assertArrayEquals(new boolean[] {false, false, false}, droppable(kept, REGISTER));
        // without the read of 2, nothing observes the chain: both go, to a fixed point
        assertArrayEquals(new boolean[] {true, true}, droppable(kept.subList(0, 4), REGISTER));
    }

    @Test
    void underRegisterAMismatchAfterTheWriteBeganMayHaveSeenIt() {
        List<Op> h = List.of(Op.invoke(0, 0, 0, "write", 5L), info(1, 0, "write", 5L),
                Op.invoke(2, 2, 1, "cas", Op.tuple(1L, 3L)), new Op(3, 3, OpType.FAIL, 1, "cas", Op.tuple(1L, 3L), "mismatch"));
        assertArrayEquals(new boolean[] {false, false}, droppable(h, REGISTER));
        // cas-register reads every fail as not having happened: the write is dropped
        assertArrayEquals(new boolean[] {true}, droppable(h, CAS_REGISTER));
    }

    @Test
    void aMismatchThatCompletedBeforeTheWriteBeganSaysNothingAboutIt() {
        List<Op> h = List.of(Op.invoke(0, 0, 1, "cas", Op.tuple(1L, 3L)), new Op(1, 1, OpType.FAIL, 1, "cas", Op.tuple(1L, 3L), "mismatch"),
                Op.invoke(2, 2, 0, "write", 5L), info(3, 0, "write", 5L));
        assertArrayEquals(new boolean[] {false, true}, droppable(h, REGISTER));
    }
}
