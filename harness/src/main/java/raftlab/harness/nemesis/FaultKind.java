package raftlab.harness.nemesis;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The faults {@code --nemesis} can combine, one fault package each ({@link Faults#of}). Each starts and
 * stops as one fault of the schedule; {@code clock-partition} is two at once on purpose: the leader cut
 * off from the others while its wall clock steps back, the situation in which a lease timed by the wall
 * clock outlives the leadership it stood for; {@code transfer} asks the leader to hand over to another node.
 */
public enum FaultKind {
    PARTITION, KILL, PAUSE, CLOCK, PACKET, MEMBER, CLOCK_PARTITION, TRANSFER;

    public String flagName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    public String startF() { return "start-" + flagName(); }

    public String stopF() { return "stop-" + flagName(); }

    public static FaultKind parse(String name) {
        for (FaultKind kind : values()) if (kind.flagName().equals(name.trim().toLowerCase(Locale.ROOT))) return kind;
        throw new IllegalArgumentException("unknown nemesis " + name.trim() + "; use "
                + Arrays.stream(values()).map(FaultKind::flagName).collect(Collectors.joining(", ")) + " (or none)");
    }
}
