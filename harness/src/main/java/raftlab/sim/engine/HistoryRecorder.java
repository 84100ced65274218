package raftlab.sim.engine;

import java.util.ArrayList;
import java.util.List;
import raftlab.history.Op;
import raftlab.history.OpType;

/** Appends operations with rising indexes; times are virtual microseconds, recorded as nanoseconds. */
final class HistoryRecorder {
    private final List<Op> ops = new ArrayList<>();

    Op add(long timeMicros, OpType type, long process, String f, Object value, String error) {
        Op op = new Op(ops.size(), timeMicros * 1000, type, process, f, value, error);
        ops.add(op);
        return op;
    }

    List<Op> ops() { return List.copyOf(ops); }
}
