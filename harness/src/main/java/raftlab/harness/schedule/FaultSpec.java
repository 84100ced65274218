package raftlab.harness.schedule;

import java.time.Duration;
import java.util.Locale;
import raftlab.harness.nemesis.FaultKind;
import raftlab.harness.partition.PartitionShape;

/**
 * One fault of a schedule with everything chosen before the run: its kind, whom it targets (a role or nodes), its
 * parameters. What is left to the moment it starts is only what depends on the lab then: who leads, and the draws
 * that resolve a role or a random shape.
 */
public sealed interface FaultSpec {
    FaultKind kind();

    /** The fault and its parameters as a schedule entry writes them, without the timing: {@code :fault :kill :targets :leader}. */
    String edn();

    /** A partition of this shape ({@code :targets :leader}, or groups {@code "n1,n2/n3,n4,n5"}). */
    record Partition(PartitionShape shape) implements FaultSpec {
        @Override public FaultKind kind() { return FaultKind.PARTITION; }

        @Override public String edn() {
            String targets = shape instanceof PartitionShape.Groups ? "\"" + shape.text() + "\"" : ":" + shape.text();
            return ":fault :partition :targets " + targets;
        }
    }

    /** kill -9 (started again at the stop) or SIGSTOP (continued at the stop) of the target's nodes. */
    record Nodes(FaultKind kind, Target target) implements FaultSpec {
        public Nodes {
            if (kind != FaultKind.KILL && kind != FaultKind.PAUSE) throw new IllegalArgumentException("not a node fault: " + kind);
        }

        @Override public String edn() { return ":fault :" + kind.flagName() + " :targets " + target.edn(); }
    }

    /**
     * The target's wall clocks set off by {@code offset}; with a {@code strobe} period, flipped between that and true
     * time every period (one node only).
     */
    record Clock(Target target, Duration offset, Duration strobe) implements FaultSpec {
        @Override public FaultKind kind() { return FaultKind.CLOCK; }

        @Override public String edn() {
            return ":fault :clock :targets " + target.edn() + " :offset " + text(offset) + (strobe == null ? "" : " :strobe " + text(strobe));
        }
    }

    /** The leader's clock set back by {@code offset} (negative), the leader cut off, and its clock set back as far again. */
    record ClockPartition(Duration offset) implements FaultSpec {
        @Override public FaultKind kind() { return FaultKind.CLOCK_PARTITION; }

        @Override public String edn() { return ":fault :clock-partition :targets :leader :offset " + text(offset); }
    }

    /** This fraction (0..1) of the packets between nodes dropped. */
    record Packet(double drop) implements FaultSpec {
        public Packet {
            if (!(drop > 0 && drop <= 1)) throw new IllegalArgumentException(":drop must be a fraction in (0, 1], not " + drop);
        }

        @Override public FaultKind kind() { return FaultKind.PACKET; }

        @Override public String edn() { return ":fault :packet :drop " + String.format(Locale.ROOT, "%.2f", drop); }
    }

    /** The leader asked to hand over to another node, drawn when it starts. */
    record Transfer() implements FaultSpec {
        @Override public FaultKind kind() { return FaultKind.TRANSFER; }

        @Override public String edn() { return ":fault :transfer :targets :leader"; }
    }

    /** A follower, drawn when it starts, removed through the leader's admin API; added back at the stop. */
    record Member() implements FaultSpec {
        @Override public FaultKind kind() { return FaultKind.MEMBER; }

        @Override public String edn() { return ":fault :member"; }
    }

    /** A duration as schedules write it: a string such as {@code "10s"}, {@code "-90.5s"} or {@code "300ms"}. */
    static String text(Duration d) {
        long millis = d.toMillis();
        if (Duration.ofMillis(millis).equals(d)) {
            if (millis % 1000 == 0) return "\"" + millis / 1000 + "s\"";
            return "\"" + millis + "ms\"";
        }
        long nanos = d.toNanos();
        return "\"" + (nanos % 1000 == 0 ? nanos / 1000 + "us" : nanos + "ns") + "\"";
    }
}
