package raftlab.harness.lab.ssh;

import java.util.Locale;

/**
 * How the ssh lab moves a node's wall clock. Real VMs and machines have a clock of their own, so
 * the lab sets it ({@code date -s}); hosts that share one machine's clock (sshd in network
 * namespaces) must not touch it, so there the node runs under libfaketime and reads its offset
 * from a file the lab rewrites.
 */
public enum ClockMode {
    SYSTEM, FAKETIME;

    /** Parses {@code system} or {@code faketime}, as given to {@code --clock-mode}. */
    public static ClockMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "system" -> SYSTEM;
            case "faketime" -> FAKETIME;
            default -> throw new IllegalArgumentException(
                    "unknown clock mode '" + text + "'; use system (real hosts) or faketime (hosts sharing one clock)");
        };
    }

    public String flag() { return name().toLowerCase(Locale.ROOT); }
}
