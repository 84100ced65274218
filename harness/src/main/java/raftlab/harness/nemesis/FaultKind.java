package raftlab.harness.nemesis;

import java.util.Locale;

/** The faults {@code --nemesis} can combine. */
public enum FaultKind {
    PARTITION, KILL, PAUSE, CLOCK, PACKET, MEMBER;

    public String flagName() { return name().toLowerCase(Locale.ROOT); }

    public String startF() { return "start-" + flagName(); }

    public String stopF() { return "stop-" + flagName(); }

    public static FaultKind parse(String name) {
        for (FaultKind kind : values()) if (kind.flagName().equals(name.trim().toLowerCase(Locale.ROOT))) return kind;
        throw new IllegalArgumentException("unknown nemesis " + name.trim() + "; use partition, kill, pause, clock, packet or member (or none)");
    }
}
