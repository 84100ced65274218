package raftlab.harness.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import raftlab.harness.nemesis.FaultKind;
import raftlab.harness.partition.PartitionShape;
import raftlab.harness.runner.TestOptions;
import raftlab.harness.schedule.Schedule;
import raftlab.harness.schedule.ScheduleEdn;
import raftlab.harness.util.Durations;

/**
 * A stored run read back to run again: its options from {@code test.json} and its plan from {@code schedule.edn}, each
 * read once. The replay keeps the seed, the workload, the load, the timing and the schedule; only where it runs may
 * change ({@link #optionsFor}).
 */
public final class Replay {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** test.json is a few hundred bytes; a file far larger is not one. */
    private static final long MAX_TEST_JSON = 1 << 20;

    private final Path dir;
    private final JsonNode test;
    private final Schedule schedule;
    private final String storedLab;

    private Replay(Path dir, JsonNode test, Schedule schedule, String storedLab) {
        this.dir = dir;
        this.test = test;
        this.schedule = schedule;
        this.storedLab = storedLab;
    }

    /**
     * Reads run directory {@code dir}.
     *
     * @throws IllegalArgumentException one sentence: a missing or damaged file
     */
    public static Replay read(Path dir) {
        Path testJson = dir.resolve("test.json");
        Path scheduleFile = dir.resolve("schedule.edn");
        if (!Files.isRegularFile(testJson)) throw new IllegalArgumentException(dir + " is not a run directory (it has no test.json); name one under the store, such as store/latest");
        if (!Files.isRegularFile(scheduleFile)) {
            throw new IllegalArgumentException(dir + " has no schedule.edn; runs made before schedules were stored cannot be replayed (run them again with their seed)");
        }
        JsonNode t;
        try {
            if (Files.size(testJson) > MAX_TEST_JSON) throw new IllegalArgumentException(testJson + " is larger than 1 MiB; it is not a raftlab test.json");
            t = JSON.readTree(testJson.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + testJson + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        Schedule schedule = ScheduleEdn.read(scheduleFile);
        try {
            return new Replay(dir, t, schedule, text(t, "lab"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot replay " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The stored run's schedule, played as it is. */
    public Schedule schedule() { return schedule; }

    /** The lab the stored run ran in. */
    public String storedLab() { return storedLab; }

    /** The commit the stored run was made with ({@code unknown} for runs older than the field). */
    public String build() { return test.path("build").asText("unknown"); }

    /**
     * The stored run's options for a replay in {@code lab}, on {@code hosts} when that is the ssh lab (none: the stored
     * run's hosts, if it ran there).
     *
     * @throws IllegalArgumentException one sentence: another node count, a schedule that does not fit, a damaged field
     */
    public TestOptions optionsFor(String lab, List<String> hosts) {
        JsonNode t = test;
        try {
            int nodeCount = t.path("node-count").asInt(-1);
            List<String> nodes = new ArrayList<>();
            if (lab.equals("ssh")) {
                if (!hosts.isEmpty()) nodes.addAll(hosts);
                else if (storedLab.equals("ssh")) for (JsonNode n : t.path("nodes")) nodes.add(n.asText().substring(n.asText().indexOf('@') + 1));
                else throw new IllegalArgumentException("a replay in the ssh lab needs the hosts: give --nodes or --nodes-file");
                if (nodes.size() != nodeCount) {
                    throw new IllegalArgumentException("the run had " + nodeCount + " nodes and the ssh lab has " + nodes.size() + "; give " + nodeCount + " hosts");
                }
            }
            List<FaultKind> nemeses = new ArrayList<>();
            for (JsonNode n : t.path("nemesis")) nemeses.add(FaultKind.parse(n.asText()));
            List<PartitionShape> shapes = new ArrayList<>();
            for (JsonNode n : t.path("partition-shapes")) shapes.add(PartitionShape.parse(n.asText()));
            List<String> bugs = new ArrayList<>();
            for (JsonNode n : t.path("bugs")) bugs.add(n.asText());
            TestOptions options = new TestOptions(text(t, "workload"), lab, nodeCount, nodes, t.path("concurrency").asInt(), duration(t, "time-limit"),
                    t.path("rate").asDouble(), nemeses, duration(t, "nemesis-interval"), Durations.parseSeed(text(t, "seed")),
                    duration(t, "check-time-limit"), bugs, t.path("leave-db-running").asBoolean(false), duration(t, "op-timeout"),
                    duration(t, "liveness-bound")).withPartitionShapes(shapes);
            if (nodeCount < 1 || options.concurrency() < 1) throw new IllegalArgumentException("node-count and concurrency must be positive");
            schedule.checkFits(nodeCount);
            return options;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot replay " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode t, String field) {
        JsonNode v = t.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("test.json has no \"" + field + "\"");
        return v.asText();
    }

    private static java.time.Duration duration(JsonNode t, String field) {
        return Durations.parse(text(t, field));
    }
}
