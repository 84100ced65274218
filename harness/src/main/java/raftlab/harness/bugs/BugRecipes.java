package raftlab.harness.bugs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import raftlab.harness.nemesis.FaultKind;
import raftlab.harness.runner.TestOptions;
import raftlab.harness.schedule.AimedSchedule;
import raftlab.raft.Bug;
import raftlab.raft.ReadMode;
import raftlab.sim.Faults;
import raftlab.sim.Scenario;

/** One recipe per bug switch, tuned so that the checker catches the switch in the simulator within 200 seeds. */
public final class BugRecipes {
    private BugRecipes() {}

    private static final Duration LAB_TIME = Duration.ofSeconds(60);

    /**
     * A leader cut off this long outlives the clients' 5 s operation timeout: a client whose write hangs on the old
     * leader gets :info, and its successor's next read reaches that old leader while the majority has moved on.
     */
    private static final Duration LONGER_THAN_A_CLIENT_TIMEOUT = Duration.ofSeconds(15);

    /**
     * Latency of 5 ms plus up to 40 ms of jitter, links not FIFO: a candidate's vote request can reach the common voter
     * after that voter has voted for the other candidate and restarted.
     */
    private static final Faults SLOW_NETWORK = Faults.NONE.withDelay(5_000, 40_000).withReorder(true);

    /**
     * The double-vote and Figure 8 schedules need an exact interleaving that a scripted attempt produces often (the
     * simulator's invariant fires in most runs) but clients observe only now and then; a minute of attempts instead of
     * six seconds raised the checker's catches from about one run in five to nine in ten.
     */
    private static final Duration MANY_ATTEMPTS = Duration.ofSeconds(60);

    /** The recipe for a switch name such as {@code stale-reads} (or {@code --bug-stale-reads}). */
    public static BugRecipe forName(String name) {
        return Bug.byName(name).map(BugRecipes::of).orElseThrow(() -> new IllegalArgumentException(
                "unknown bug " + name + "; use " + Bug.names()));
    }

    /** The recipe of a test that names exactly one switch, if it does. */
    public static Optional<BugRecipe> of(TestOptions test) {
        if (test.bugs().size() != 1) return Optional.empty();
        return Bug.byName(test.bugs().get(0)).map(BugRecipes::of);
    }

    public static List<BugRecipe> all() {
        List<BugRecipe> all = new ArrayList<>();
        for (Bug s : Bug.values()) all.add(of(s));
        return all;
    }

    public static BugRecipe of(Bug bug) {
        return switch (bug) {
            case STALE_READS -> new BugRecipe(bug,
                    "a leader cut off with a minority keeps answering reads while the majority elects a new leader and writes",
                    "register", List.of(FaultKind.PARTITION), Duration.ofSeconds(5), LAB_TIME, 10, 200,
                    Scenario.SPLIT_BRAIN, Faults.NONE, Duration.ofMillis(1000), Duration.ofSeconds(10), ReadMode.READ_INDEX, 5, null);
            case LEASE_WALL_CLOCK -> new BugRecipe(bug,
                    "right after the leader acknowledges a write its wall clock is set back and it is cut off, so its lease outlives"
                            + " its leadership and it serves reads the new leader has overwritten",
                    "register", List.of(FaultKind.CLOCK_PARTITION), LONGER_THAN_A_CLIENT_TIMEOUT, LAB_TIME, 10, 200,
                    Scenario.NONE, Faults.NONE, Duration.ofMillis(1000), LAB_TIME, ReadMode.LEASE, 5,
                    AimedSchedule.parse("{:nodes 5 :entries [{:after :ok-write :fault :clock-partition :offset \"-120s\" :for \"15s\"}]}",
                            Duration.ofSeconds(20)));
            case NO_FSYNC -> new BugRecipe(bug,
                    "every node is killed right after a write is acknowledged, every 5 s, so entries still in their page caches are lost on"
                            + " every copy and the cluster comes back without the acknowledged write",
                    "register", List.of(FaultKind.KILL), Duration.ofSeconds(5), LAB_TIME, 10, 200,
                    Scenario.NONE, Faults.NONE, Duration.ofMillis(300), Duration.ofSeconds(20), ReadMode.READ_INDEX, 5,
                    // Every 5 s, not every 2: a real lab's nodes need a few seconds to start and elect, and the clients
                    // must get writes through between the storms (every 2 s left 253 acknowledged in a minute).
                    AimedSchedule.parse("{:nodes 5 :entries [{:after :ok-write :fault :kill :targets :all :for \"300ms\"}]}",
                            Duration.ofSeconds(5)));
            case FORGET_VOTE -> new BugRecipe(bug,
                    "the double-vote schedule: two candidates of one term and their common voter restarted between their"
                            + " requests, so a voter that forgot its vote elects two leaders of one term, both answering clients",
                    "register", List.of(FaultKind.KILL, FaultKind.PARTITION), Duration.ofSeconds(3), LAB_TIME, 5, 200,
                    Scenario.DOUBLE_VOTE, SLOW_NETWORK, Duration.ofMillis(300), MANY_ATTEMPTS,
                    ReadMode.READ_INDEX, 3, null);
            case COMMIT_OLD_TERM -> new BugRecipe(bug,
                    "the Figure 8 schedule: an old leader's entry reaches a quorum only in a later term, is counted as committed"
                            + " and read, then a leader of a term between them overwrites it",
                    "register", List.of(FaultKind.PARTITION, FaultKind.KILL), Duration.ofSeconds(3), LAB_TIME, 5, 200,
                    Scenario.FIGURE_8, Faults.NONE, Duration.ofMillis(300), MANY_ATTEMPTS, ReadMode.READ_INDEX, 5, null);
            case ACK_ON_APPEND -> new BugRecipe(bug,
                    "a leader cut off with a minority acknowledges writes it never commits; the majority's leader never sees them",
                    "register", List.of(FaultKind.PARTITION), Duration.ofSeconds(5), LAB_TIME, 10, 200,
                    Scenario.SPLIT_BRAIN, Faults.NONE, Duration.ofMillis(1000), Duration.ofSeconds(10), ReadMode.READ_INDEX, 5, null);
        };
    }
}
