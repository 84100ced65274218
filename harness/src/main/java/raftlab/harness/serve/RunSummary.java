package raftlab.harness.serve;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What the runs index shows of one run, read from its {@code test.json} and {@code results.json}.
 *
 * @param path        the run's directory relative to the store, {@code <test>/<timestamp>}, with forward slashes
 * @param verdict     {@code valid}, {@code invalid} or {@code unknown} (also for a run without results yet)
 * @param operations  client operations that completed (ok + fail + info), or -1 when not known
 * @param durationMillis how long the run's main phase lasted (simulated time for the sim lab), or -1
 */
public record RunSummary(String path, String test, String stamp, LocalDateTime start, String lab, String workload,
                         List<String> nemeses, List<String> bugs, long operations, String verdict, long durationMillis,
                         String seed, String explanation) {
}
