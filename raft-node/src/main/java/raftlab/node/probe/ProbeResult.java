package raftlab.node.probe;

/** One hostile client's replay: what a hardened node must do, and what this one did. */
public record ProbeResult(String name, String expected, String observed, boolean ok) {
    public String line() { return String.format("%-4s %-26s expected: %s; observed: %s", ok ? "ok" : "FAIL", name, expected, observed); }
}
