package raftlab.harness.nemesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import raftlab.harness.client.ClusterProbe;
import raftlab.harness.lab.Grudge;
import raftlab.harness.lab.Lab;
import raftlab.harness.lab.LabNode;
import raftlab.harness.partition.PartitionShape;

/**
 * Turns the schedule's {@code start-x}/{@code stop-x} operations into lab actions and remembers
 * what is in force, so the final heal can undo exactly that. Targets (which half, which node) come
 * from the nemesis's random stream; the leader, when targeted, from the nodes' status.
 * Returns the description recorded as the completion's value.
 */
public final class NemesisExecutor {
    private final Lab lab;
    private final List<String> ids;
    private final RandomGenerator random;
    private final List<PartitionShape> shapes;
    private final TreeSet<String> killed = new TreeSet<>();
    private final TreeSet<String> paused = new TreeSet<>();
    private final TreeMap<String, Duration> clocks = new TreeMap<>();
    private final TreeSet<String> removed = new TreeSet<>();
    /**
     * How long a node may take to see a new libfaketime offset: its cache is compared in whole seconds, so a change
     * was measured taking up to 3 s to show (RemoteScripts.faketimeOffset), and a real clock set with date at once.
     */
    private static final long CLOCK_SEEN_MILLIS = 3_000;
    private volatile String inForce = "";
    private boolean networkFaulted;
    private ClockStrobe strobe;

    public NemesisExecutor(Lab lab, RandomGenerator random) {
        this(lab, random, PartitionShape.NAMED);
    }

    /** An executor whose partition fault draws among these shapes. */
    public NemesisExecutor(Lab lab, RandomGenerator random, List<PartitionShape> shapes) {
        if (shapes.isEmpty()) throw new IllegalArgumentException("a partition fault needs at least one shape");
        this.shapes = List.copyOf(shapes);
        this.lab = lab;
        this.ids = lab.nodes().stream().map(LabNode::id).toList();
        this.random = random;
    }

    /** What is in force now, for the status line: {@code partition halves [n1 n2] | ...}. */
    public String inForce() { return inForce; }

    public synchronized Object apply(String f) {
        Object done = switch (f) {
            case "start-partition" -> startPartition();
            case "stop-partition", "stop-packet" -> { healNetwork(); yield "healed"; }
            case "start-packet" -> {
                double fraction = 0.1 + 0.1 * random.nextInt(4);
                lab.dropPackets(fraction);
                networkFaulted = true;
                yield "drop " + Math.round(fraction * 100) + "%";
            }
            case "start-kill" -> {
                List<String> targets = targets();
                for (String id : targets) { lab.killNode(id); killed.add(id); }
                yield List.copyOf(targets);
            }
            case "stop-kill" -> restartKilled();
            case "start-pause" -> {
                List<String> targets = targets();
                for (String id : targets) { lab.pauseNode(id); paused.add(id); }
                yield List.copyOf(targets);
            }
            case "stop-pause" -> resumePaused();
            case "start-clock" -> startClock();
            case "stop-clock" -> resetClocks();
            case "start-clock-partition" -> startClockPartition();
            case "stop-clock-partition" -> {
                healNetwork();
                yield "healed; clocks reset " + resetClocks();
            }
            case "start-member" -> removeMember();
            case "stop-member" -> addMembersBack();
            case "heal" -> healAll();
            default -> throw new IllegalArgumentException("unknown nemesis operation " + f);
        };
        inForce = describeInForce();
        return done;
    }

    private Object startPartition() {
        // With every named shape this draws exactly as before shapes could be chosen, so old seeds cut the same links.
        PartitionShape shape = shapes.size() == 1 ? shapes.get(0) : shapes.get(random.nextInt(shapes.size()));
        Optional<String> leader = shape instanceof PartitionShape.Leader ? ClusterProbe.leader(lab.nodes(), 500) : Optional.empty();
        PartitionShape.Resolved resolved = shape.resolve(ids, random, leader);
        lab.partition(resolved.grudge());
        networkFaulted = true;
        return resolved.description();
    }

    /** One node, the leader, a minority, a majority or all, as Jepsen's db nemeses choose. */
    private List<String> targets() {
        List<String> shuffled = Partitions.shuffled(ids, random);
        int n = ids.size();
        return switch (random.nextInt(5)) {
            case 0 -> List.of(shuffled.get(0));
            case 1 -> List.of(leaderOrRandom());
            case 2 -> List.copyOf(shuffled.subList(0, Math.max(1, (n - 1) / 2)));
            case 3 -> List.copyOf(shuffled.subList(0, n / 2 + 1));
            default -> List.copyOf(ids);
        };
    }

    private String leaderOrRandom() {
        Optional<String> leader = ClusterProbe.leader(lab.nodes(), 500);
        return leader.orElseGet(() -> ids.get(random.nextInt(ids.size())));
    }

    private void healNetwork() {
        lab.heal();
        networkFaulted = false;
    }

    private Object restartKilled() {
        List<String> started = new ArrayList<>(killed);
        for (String id : started) lab.startNode(id);
        killed.clear();
        return started;
    }

    private Object resumePaused() {
        List<String> resumed = new ArrayList<>(paused);
        for (String id : resumed) lab.resumeNode(id);
        paused.clear();
        return resumed;
    }

    private Object startClock() {
        String node = ids.get(random.nextInt(ids.size()));
        // Up to five minutes either way, at millisecond grain: enough to expire any lease a wall clock could grant.
        long millis = (random.nextBoolean() ? 1 : -1) * (1 + random.nextLong(300_000));
        Duration offset = Duration.ofMillis(millis);
        if (random.nextBoolean()) {
            long periodMillis = 1000 + random.nextLong(2000);
            if (strobe != null) strobe.stop();
            strobe = new ClockStrobe(lab, node, offset, Duration.ofMillis(periodMillis));
            strobe.start();
            clocks.put(node, offset);
            return "strobe " + node + " " + millis + "ms every " + periodMillis + "ms";
        }
        lab.setClockOffset(node, offset);
        clocks.put(node, offset);
        return "bump " + node + " " + millis + "ms";
    }

    /**
     * The leader's wall clock steps back by one to five minutes, the leader is cut off, and its clock steps back as far
     * again while it is alone (a clock that an NTP daemon keeps pulling back). The first step holds off a wall-timed
     * CheckQuorum; the second makes a wall-timed lease, whose start the last quorum set, look fresh again, so such a
     * leader serves reads while the others elect a new leader and write. One that uses the monotonic clock steps down.
     */
    private Object startClockPartition() {
        String leader = leaderOrRandom();
        long millis = -(60_000 + random.nextLong(240_000));
        lab.setClockOffset(leader, Duration.ofMillis(millis));
        clocks.put(leader, Duration.ofMillis(millis));
        sleepQuietly(CLOCK_SEEN_MILLIS);
        Grudge grudge = Partitions.isolate(ids, leader);
        lab.partition(grudge);
        networkFaulted = true;
        lab.setClockOffset(leader, Duration.ofMillis(2 * millis));
        clocks.put(leader, Duration.ofMillis(2 * millis));
        return "bump " + leader + " " + millis + "ms, isolate-leader " + leader + " " + grudge.drops()
                + ", bump " + leader + " " + 2 * millis + "ms";
    }

    private Object resetClocks() {
        if (strobe != null) {
            strobe.stop();
            strobe = null;
        }
        lab.resetClocks();
        List<String> reset = new ArrayList<>(clocks.keySet());
        clocks.clear();
        return reset;
    }

    private Object removeMember() {
        Optional<String> leader = ClusterProbe.leader(lab.nodes(), 500);
        if (leader.isEmpty()) return "no leader; nothing removed";
        List<String> candidates = new ArrayList<>(ids);
        candidates.removeAll(removed);
        candidates.remove(leader.get());
        if (candidates.isEmpty()) return "nothing to remove";
        String victim = candidates.get(random.nextInt(candidates.size()));
        int status = Membership.remove(lab, leader.get(), victim);
        if (status == 200) removed.add(victim);
        return "remove " + victim + " via " + leader.get() + ": " + (status < 0 ? "unreachable" : "http " + status);
    }

    private Object addMembersBack() {
        List<String> results = new ArrayList<>();
        for (String victim : new ArrayList<>(removed)) {
            Optional<String> leader = ClusterProbe.leader(lab.nodes(), 500);
            int status = leader.map(l -> Membership.add(lab, l, victim)).orElse(-1);
            if (status == 200) removed.remove(victim);
            results.add("add " + victim + ": " + (status < 0 ? "no leader" : "http " + status));
        }
        return results;
    }

    /** Undoes everything in force: the end of every test, so that recovery is judged too. */
    public synchronized Object healAll() {
        List<String> done = new ArrayList<>();
        if (strobe != null || !clocks.isEmpty()) done.add("clocks reset " + resetClocks());
        lab.resetClocks();
        healNetwork();
        done.add("network healed");
        if (!paused.isEmpty()) done.add("resumed " + resumePaused());
        if (!killed.isEmpty()) done.add("restarted " + restartKilled());
        for (String id : ids) {
            if (!lab.isRunning(id)) {
                lab.startNode(id);
                done.add("started " + id);
            }
        }
        // The heal is complete when every node is serving again: a JVM's start-up is not the cluster's recovery.
        List<String> slow = ClusterProbe.waitListening(lab.nodes(), 180_000);
        if (!slow.isEmpty()) done.add("not listening after 180 s: " + slow);
        if (!removed.isEmpty()) {
            // Members come back once a leader exists; give the cluster a few seconds to elect one.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!removed.isEmpty() && System.nanoTime() < deadline) {
                done.add(String.valueOf(addMembersBack()));
                if (!removed.isEmpty()) sleepQuietly(500);
            }
        }
        inForce = describeInForce();
        return done;
    }

    private String describeInForce() {
        List<String> parts = new ArrayList<>();
        if (networkFaulted) parts.add("network");
        if (!killed.isEmpty()) parts.add("killed " + killed);
        if (!paused.isEmpty()) parts.add("paused " + paused);
        if (!clocks.isEmpty()) parts.add("clock " + clocks.keySet());
        if (!removed.isEmpty()) parts.add("removed " + removed);
        return String.join(", ", parts);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
