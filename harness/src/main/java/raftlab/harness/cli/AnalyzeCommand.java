package raftlab.harness.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftlab.conventions.ExitCodes;
import raftlab.harness.runner.Liveness;
import raftlab.harness.store.RunReport;
import raftlab.harness.store.RunStore;
import raftlab.harness.store.Verdict;
import raftlab.harness.util.Durations;
import raftlab.history.HistoryReader;
import raftlab.history.Op;

/** {@code raftlab analyze [RUN]}: checks a stored run's history again and rewrites its results. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Re-checks a stored run (default: store/latest) and rewrites its results and pictures.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", description = "A run directory, or a path under the store (default: latest).")
    String run;
    @Option(names = "--check-time-limit", defaultValue = "60s", description = "Budget of the checker (default: ${DEFAULT-VALUE}).")
    String checkTimeLimit;
    @Option(names = "--store", paramLabel = "DIR", description = "The store directory (default: store under RAFTLAB_HOME).")
    Path store;

    @Override public Integer call() {
        raftlab.harness.campaign.RunLog.quietConsole();
        Path dir = RunStore.resolve(store != null ? store : RunStore.defaultRoot(), run);
        Path history = dir.resolve("history.edn");
        if (!Files.isReadable(history)) history = dir.resolve("history.jsonl");
        if (!Files.isReadable(history)) {
            System.err.println("error: no history.edn or history.jsonl in " + dir + "; give the directory of a stored run");
            return ExitCodes.BAD_INPUT;
        }
        Duration limit;
        try {
            limit = Durations.parse(checkTimeLimit);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        try {
            List<Op> ops = HistoryReader.read(history);
            Liveness liveness = storedLiveness(dir);
            Verdict verdict = Verdict.judge(ops, liveness, limit);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("analyzed", true);
            RunReport.writeResults(dir, ops, raftlab.harness.campaign.SimCampaign.faultWindows(ops), verdict, extra);
            System.out.println("verdict: " + verdict.summary() + " (" + verdict.ok() + " ok, " + verdict.fail() + " fail, " + verdict.info()
                    + " info; checked in " + verdict.checkMillis() + " ms)");
            System.out.println("report: " + dir);
            return verdict.exitCode();
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("error: could not analyze " + history + " (" + e.getMessage() + "); check that it is a raftlab history");
            return ExitCodes.BAD_INPUT;
        }
    }

    /** The liveness verdict of the original run, from its results.json (a history alone cannot show recovery). */
    private static Liveness storedLiveness(Path dir) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("results.json").toFile()).path("liveness");
            if (node.isMissingNode() || !node.has("valid?")) return null;
            return new Liveness(node.path("valid?").asBoolean(), node.path("write-millis-after-heal").asLong(-1),
                    node.path("read-millis-after-heal").asLong(-1), node.path("reason").isMissingNode() ? null : node.path("reason").asText());
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
