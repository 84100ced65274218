package raftlab.harness.lab.hand;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import raftlab.harness.lab.Grudge;
import raftlab.harness.partition.GrudgeText;

/**
 * The faults put on a lab by hand ({@code raftlab lab partition|kill|pause|clock ...}) and how
 * the lab was brought up, kept in the lab's state directory so that every later command, and
 * {@code lab status}, knows what is in force. Pure: commands read it, change it and write it back.
 *
 * @param bugs           the bug switches the lab was brought up with; a node started by hand gets them too
 * @param standIn        true when the lab runs the harness's stand-in node instead of raft-node
 * @param partitionShape how the partition in force was asked for ({@code ring}, {@code n1,n2/n3,n4,n5}); empty for none
 * @param partition      the links it cuts (empty when none)
 */
public record FaultsInForce(List<String> bugs, boolean standIn, String partitionShape, Grudge partition,
                            SortedSet<String> killed, SortedSet<String> paused, SortedMap<String, Duration> clocks) {
    public FaultsInForce {
        bugs = List.copyOf(bugs);
        killed = Collections.unmodifiableSortedSet(new TreeSet<>(killed));
        paused = Collections.unmodifiableSortedSet(new TreeSet<>(paused));
        clocks = Collections.unmodifiableSortedMap(new TreeMap<>(clocks));
    }

    /** A lab just brought up: no fault in force. */
    public static FaultsInForce fresh(List<String> bugs, boolean standIn) {
        return new FaultsInForce(bugs, standIn, "", new Grudge(new TreeMap<>()), new TreeSet<>(), new TreeSet<>(), new TreeMap<>());
    }

    public FaultsInForce withPartition(String shape, Grudge grudge) {
        return new FaultsInForce(bugs, standIn, shape, grudge, killed, paused, clocks);
    }

    public FaultsInForce healed() { return withPartition("", new Grudge(new TreeMap<>())); }

    /** A killed node is no longer paused: SIGKILL ends a stopped process too. */
    public FaultsInForce withKilled(String id) {
        return new FaultsInForce(bugs, standIn, partitionShape, partition, plus(killed, id), minus(paused, id), clocks);
    }

    /** Starting a node that runs (paused or not) does nothing to it, so a pause stays recorded. */
    public FaultsInForce withStarted(String id) {
        return new FaultsInForce(bugs, standIn, partitionShape, partition, minus(killed, id), paused, clocks);
    }

    public FaultsInForce withPaused(String id) {
        return new FaultsInForce(bugs, standIn, partitionShape, partition, killed, plus(paused, id), clocks);
    }

    public FaultsInForce withResumed(String id) {
        return new FaultsInForce(bugs, standIn, partitionShape, partition, killed, minus(paused, id), clocks);
    }

    /** A zero offset is no fault: the node's clock is real time again. */
    public FaultsInForce withClock(String id, Duration offset) {
        TreeMap<String, Duration> c = new TreeMap<>(clocks);
        if (offset.isZero()) c.remove(id);
        else c.put(id, offset);
        return new FaultsInForce(bugs, standIn, partitionShape, partition, killed, paused, c);
    }

    public boolean partitioned() { return !partition.isEmpty(); }

    public boolean none() { return !partitioned() && killed.isEmpty() && paused.isEmpty() && clocks.isEmpty(); }

    /** One line per kind of fault in force, as {@code lab status} prints them; none when nothing is. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (partitioned()) {
            String groups = GrudgeText.format(partition);
            lines.add("partition " + partitionShape + (groups.equals(partitionShape) ? "" : ": " + groups));
        }
        if (!killed.isEmpty()) lines.add("killed " + String.join(" ", killed));
        if (!paused.isEmpty()) lines.add("paused " + String.join(" ", paused));
        clocks.forEach((id, offset) -> lines.add("clock " + id + " " + ClockOffset.text(offset)));
        return lines;
    }

    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("bugs", String.join(",", bugs));
        p.setProperty("standIn", Boolean.toString(standIn));
        p.setProperty("partition.shape", partitionShape);
        p.setProperty("partition.drops", GrudgeText.dropsText(partition));
        p.setProperty("killed", String.join(",", killed));
        p.setProperty("paused", String.join(",", paused));
        clocks.forEach((id, offset) -> p.setProperty("clock." + id, ClockOffset.text(offset)));
        return p;
    }

    /** Reads {@link #toProperties} back; an IllegalArgumentException with one sentence when the file is damaged. */
    public static FaultsInForce fromProperties(Properties p) {
        TreeMap<String, Duration> clocks = new TreeMap<>();
        for (String name : new TreeSet<>(p.stringPropertyNames())) {
            if (name.startsWith("clock.")) clocks.put(name.substring("clock.".length()), ClockOffset.parse(p.getProperty(name)));
        }
        return new FaultsInForce(words(p.getProperty("bugs", "")), Boolean.parseBoolean(p.getProperty("standIn", "false")),
                p.getProperty("partition.shape", ""), GrudgeText.parseDrops(p.getProperty("partition.drops", "none")),
                new TreeSet<>(words(p.getProperty("killed", ""))), new TreeSet<>(words(p.getProperty("paused", ""))), clocks);
    }

    private static List<String> words(String commaSeparated) {
        return commaSeparated.isBlank() ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static TreeSet<String> plus(SortedSet<String> set, String id) {
        TreeSet<String> s = new TreeSet<>(set);
        s.add(id);
        return s;
    }

    private static TreeSet<String> minus(SortedSet<String> set, String id) {
        TreeSet<String> s = new TreeSet<>(set);
        s.remove(id);
        return s;
    }
}
