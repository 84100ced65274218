package raftlab.harness.runner;

import java.time.Duration;
import java.util.List;
import raftlab.harness.nemesis.FaultKind;
import raftlab.harness.partition.PartitionShape;

/**
 * Everything that defines a campaign; written to test.json so a run can be repeated.
 *
 * @param concurrency     client threads
 * @param rate            target operations per second over all threads (0: as fast as possible)
 * @param livenessBound   after the final heal, a write and a read must be acknowledged within this
 * @param partitionShapes what the partition fault draws from (every named shape unless --nemesis narrowed it)
 */
public record TestOptions(String workload, String lab, int nodeCount, List<String> nodes, int concurrency, Duration timeLimit,
                          double rate, List<FaultKind> nemeses, Duration nemesisInterval, long seed, Duration checkTimeLimit,
                          List<String> bugs, boolean leaveDbRunning, Duration opTimeout, Duration livenessBound,
                          List<PartitionShape> partitionShapes) {
    public TestOptions {
        partitionShapes = List.copyOf(partitionShapes);
        nodes = List.copyOf(nodes);
        nemeses = List.copyOf(nemeses);
        bugs = List.copyOf(bugs);
    }

    /** Options whose partition fault, if any, draws from every named shape. */
    public TestOptions(String workload, String lab, int nodeCount, List<String> nodes, int concurrency, Duration timeLimit,
                       double rate, List<FaultKind> nemeses, Duration nemesisInterval, long seed, Duration checkTimeLimit,
                       List<String> bugs, boolean leaveDbRunning, Duration opTimeout, Duration livenessBound) {
        this(workload, lab, nodeCount, nodes, concurrency, timeLimit, rate, nemeses, nemesisInterval, seed, checkTimeLimit, bugs,
                leaveDbRunning, opTimeout, livenessBound, PartitionShape.NAMED);
    }

    /** The same options with the partition fault drawing from these shapes. */
    public TestOptions withPartitionShapes(List<PartitionShape> shapes) {
        return new TestOptions(workload, lab, nodeCount, nodes, concurrency, timeLimit, rate, nemeses, nemesisInterval, seed,
                checkTimeLimit, bugs, leaveDbRunning, opTimeout, livenessBound, shapes.isEmpty() ? PartitionShape.NAMED : shapes);
    }

    /** The store's test name: {@code <lab>-<workload>[-<nemeses>]}, such as {@code local-register-partition-kill}. */
    public String testName() {
        StringBuilder name = new StringBuilder(lab).append('-').append(workload);
        for (FaultKind kind : nemeses) {
            name.append('-').append(kind.flagName());
            // A directory name: named shapes by name, explicit groups as one word.
            if (kind == FaultKind.PARTITION && !partitionShapes.equals(PartitionShape.NAMED)) {
                for (PartitionShape shape : partitionShapes) name.append('-').append(shape instanceof PartitionShape.Groups ? "groups" : shape.text());
            }
        }
        for (String bug : bugs) name.append("-bug-").append(bug);
        return name.toString();
    }

    /** The same options with other client and liveness timeouts (slow hosts need longer ones). */
    public TestOptions withTimeouts(Duration newOpTimeout, Duration newLivenessBound) {
        return new TestOptions(workload, lab, nodeCount, nodes, concurrency, timeLimit, rate, nemeses, nemesisInterval, seed,
                checkTimeLimit, bugs, leaveDbRunning, newOpTimeout, newLivenessBound, partitionShapes);
    }

    public TestOptions withCheckTimeLimit(Duration limit) {
        return new TestOptions(workload, lab, nodeCount, nodes, concurrency, timeLimit, rate, nemeses, nemesisInterval, seed,
                limit, bugs, leaveDbRunning, opTimeout, livenessBound, partitionShapes);
    }

    public TestOptions withLeaveDbRunning(boolean leave) {
        return new TestOptions(workload, lab, nodeCount, nodes, concurrency, timeLimit, rate, nemeses, nemesisInterval, seed,
                checkTimeLimit, bugs, leave, opTimeout, livenessBound, partitionShapes);
    }

    public TestOptions withSeed(long newSeed) {
        return new TestOptions(workload, lab, nodeCount, nodes, concurrency, timeLimit, rate, nemeses, nemesisInterval, newSeed,
                checkTimeLimit, bugs, leaveDbRunning, opTimeout, livenessBound, partitionShapes);
    }
}
