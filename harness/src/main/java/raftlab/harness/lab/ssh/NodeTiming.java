package raftlab.harness.lab.ssh;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How long the node's Raft timers are on the ssh lab's hosts. Emulated guests (qemu without KVM,
 * as on a machine without hardware virtualisation) run the node's JVM many times slower: with the
 * node's default timers (150 ms elections, 30 ms heartbeats) they hold elections without end and
 * answer little. {@link #AUTO}, the default, asks each host what it runs on and stretches the
 * timers when any host is emulated; {@link #SLOW} stretches them always, {@link #NORMAL} never.
 * Arguments in RAFTLAB_NODE_ARGS come after these and win (raft-node takes the last of a repeated option).
 */
public enum NodeTiming {
    AUTO, NORMAL, SLOW;

    /**
     * Prints what the host is a virtual machine of, in systemd's words: {@code qemu} for emulation
     * without KVM, {@code kvm}, {@code oracle}, ... or {@code none}; nothing where the tool is missing.
     */
    public static final String DETECT_SCRIPT = "systemd-detect-virt --vm 2>/dev/null || true";

    /** The timers of raft-node's own test on emulated VMs (vagrant/test-vms): elections stay rare there. */
    private static final List<String> SLOW_ARGS = List.of("--tick", "50ms", "--election-timeout", "2s",
            "--heartbeat", "300ms", "--request-timeout", "15s");
    private static final Duration SLOW_REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration SLOW_LIVENESS_BOUND = Duration.ofSeconds(60);

    public static NodeTiming parse(String text) {
        for (NodeTiming t : values()) if (t.name().toLowerCase(Locale.ROOT).equals(text)) return t;
        throw new IllegalArgumentException("unknown --node-timing " + text + "; use auto, normal or slow");
    }

    /** True when a host's answer to {@link #DETECT_SCRIPT} says it is emulated. */
    public static boolean emulated(String detectOutput) {
        return detectOutput.strip().equals("qemu");
    }

    /** NORMAL or SLOW: AUTO becomes SLOW when any host answered that it is emulated. */
    public NodeTiming resolve(List<String> detectOutputs) {
        if (this != AUTO) return this;
        return detectOutputs.stream().anyMatch(NodeTiming::emulated) ? SLOW : NORMAL;
    }

    /**
     * How long a client waits for an answer: with slow timers at least the node's own request
     * timeout (15 s), or every write on a starved guest ends as an unknown outcome.
     */
    public Duration clientTimeout(Duration asked) {
        return this == SLOW && asked.compareTo(SLOW_REQUEST_TIMEOUT) < 0 ? SLOW_REQUEST_TIMEOUT : asked;
    }

    /**
     * How long after the final heal a write and a read must succeed: with slow timers at least a
     * minute, since restarting a killed node's JVM on an emulated guest alone took 45 s here.
     */
    public Duration livenessBound(Duration asked) {
        return this == SLOW && asked.compareTo(SLOW_LIVENESS_BOUND) < 0 ? SLOW_LIVENESS_BOUND : asked;
    }

    /** The node arguments for a resolved timing (none for NORMAL: the node's defaults). */
    public List<String> nodeArgs() {
        if (this == AUTO) throw new IllegalStateException("resolve AUTO against the hosts first");
        return this == SLOW ? SLOW_ARGS : List.of();
    }
}
