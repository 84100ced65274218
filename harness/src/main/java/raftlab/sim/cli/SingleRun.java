package raftlab.sim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import raftlab.checker.CheckResult;
import raftlab.sim.SimListener;
import raftlab.sim.SimOptions;
import raftlab.sim.SimResult;
import raftlab.sim.Simulation;

/** One seed: header, optional narration, the cluster table, statistics, verdicts. */
final class SingleRun {
    private SingleRun() {}

    static int run(SimOptions options, Path out, PrintWriter stdout) {
        Report.header(stdout, options);
        stdout.flush();
        SimListener narrator = new SimListener() {
            @Override public void explain(long timeMicros, String node, String line) {
                stdout.printf(Locale.ROOT, "[%11.6f] %s%s%n", timeMicros / 1e6, node == null ? "" : node + ": ", line);
            }
        };
        SimResult result = Simulation.run(options, options.explain() ? narrator : SimListener.NONE);
        Report.table(stdout, result);
        Report.stats(stdout, result);
        if (out != null) {
            Linearizability.write(result, out);
            stdout.println("history: " + out.resolve("history.edn") + ", " + out.resolve("history.jsonl"));
        }
        CheckResult verdict = Linearizability.check(result, Duration.ofSeconds(60));
        stdout.println(Linearizability.describe(verdict));
        Report.violations(stdout, result);
        if (result.violated()) return 1;
        return Linearizability.exitCode(verdict);
    }
}
