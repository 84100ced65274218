package raftlab.harness.lab;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import raftlab.harness.nemesis.FaultKind;

/**
 * Which faults each lab can execute, known before any lab is up, so that a test a lab cannot run is
 * refused before it starts instead of running with a fault silently left out.
 */
public final class Capabilities {
    private Capabilities() {}

    /** The labs, in the order messages name them. */
    public static final List<String> LABS = List.of("local", "sim", "ssh");

    public static Set<FaultKind> faults(String lab) {
        return switch (lab) {
            // The simulated core has membership changes, but the simulator's world has no learners or joins yet.
            case "sim" -> EnumSet.complementOf(EnumSet.of(FaultKind.MEMBER));
            case "local", "ssh" -> EnumSet.allOf(FaultKind.class);
            default -> throw new IllegalArgumentException("unknown lab " + lab + "; use local, sim or ssh");
        };
    }

    /** Throws an IllegalArgumentException whose message is one sentence when {@code lab} cannot inject one of {@code kinds}. */
    public static void check(String lab, List<FaultKind> kinds) {
        for (FaultKind kind : kinds) {
            if (faults(lab).contains(kind)) continue;
            List<String> can = new ArrayList<>();
            for (String other : LABS) if (faults(other).contains(kind)) can.add(other);
            throw new IllegalArgumentException("the " + lab + " lab cannot inject " + kind.flagName() + " faults; run it with --lab "
                    + String.join(" or --lab ", can) + ", or leave " + kind.flagName() + " out of --nemesis");
        }
    }
}
