package raftlab.harness.campaign;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import raftlab.harness.history.HistoryRecorder;
import raftlab.harness.lab.Lab;
import raftlab.harness.nemesis.FaultCounts;
import raftlab.harness.lab.HostLabControl;
import raftlab.harness.schedule.Schedule;
import raftlab.harness.schedule.ScheduleDraw;
import raftlab.harness.schedule.ScheduleEdn;
import raftlab.harness.runner.CampaignRunner;
import raftlab.harness.runner.RunRecord;
import raftlab.harness.runner.TestOptions;
import raftlab.harness.store.RunReport;
import raftlab.harness.store.RunStore;
import raftlab.harness.store.Verdict;
import raftlab.harness.util.Durations;

/** One campaign on a real lab (local or ssh): up, run, fetch logs, down, check, report. */
public final class LabCampaign {
    private static final Logger LOG = Logger.getLogger(LabCampaign.class.getName());

    private LabCampaign() {}

    /**
     * Runs one test and returns its exit code (0 valid, 1 invalid, 2 unknown); the run directory is printed.
     * {@code given} is the schedule to play (a replay's or a file's), or null for the one the seed draws.
     */
    public static int run(Lab lab, TestOptions options, Schedule given, Path storeRoot, PrintStream out) throws Exception {
        Path dir = RunStore.create(storeRoot, options.testName(), LocalDateTime.now());
        Schedule schedule = given != null ? given : ScheduleDraw.forTest(options);
        ScheduleEdn.write(dir.resolve("schedule.edn"), schedule);
        try (RunLog log = RunLog.open(dir.resolve("raftlab.log"))) {
            out.println("raftlab test: " + options.testName() + " seed " + Durations.seedText(options.seed()) + " on "
                    + lab.nodes().size() + " nodes (" + lab.name() + " lab), store " + dir);
            RunReport.writeTestJson(dir, testMap(options, lab));
            // Replaced once the lab is up: :time counts from the start of the test, not of the lab.
            HistoryRecorder recorder = new HistoryRecorder();
            RunRecord record;
            long upMillis;
            try {
                long t0 = System.nanoTime();
                lab.up(options.bugs());
                List<String> slow = raftlab.harness.client.ClusterProbe.waitListening(lab.nodes(), 180_000);
                if (!slow.isEmpty()) {
                    throw new raftlab.harness.lab.LabException("nodes " + slow + " did not start serving within 180 s; see their logs in " + dir);
                }
                upMillis = (System.nanoTime() - t0) / 1_000_000;
                recorder = new HistoryRecorder();
                LOG.info("lab up in " + upMillis + " ms; nodes " + lab.nodes());
                // The nodes need a moment to elect a leader; the first operations may fail, which is recorded like any other.
                CampaignRunner runner = new CampaignRunner(lab, new HostLabControl(lab), options, schedule, recorder);
                try (LiveStatus status = new LiveStatus(out, recorder, runner::faultsInForce)) {
                    record = runner.run();
                }
            } finally {
                try {
                    lab.fetchLogs(dir);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not fetch node logs", e);
                }
                if (!options.leaveDbRunning()) lab.teardown();
                RunReport.writeHistory(dir, recorder.snapshot());
            }
            Map<String, Long> faults = FaultCounts.of(record.history());
            out.println("run finished: " + recorder.okCount() + " ok, " + recorder.failCount() + " fail, " + recorder.infoCount()
                    + " info; faults: " + FaultCounts.describe(faults) + "; checking...");
            long c0 = System.nanoTime();
            Verdict verdict = Verdict.judge(record.history(), record.liveness(), options.checkTimeLimit());
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("seed", Durations.seedText(options.seed()));
            extra.put("lab", lab.name());
            extra.put("run-millis", record.runNanos() / 1_000_000);
            extra.put("lab-up-millis", upMillis);
            extra.put("faults", faults);
            RunReport.writeResults(dir, record.history(), record.faultWindows(), verdict, extra);
            long verdictMillis = (System.nanoTime() - c0) / 1_000_000;
            LOG.info("verdict " + verdict.summary() + " in " + verdictMillis + " ms");
            out.println("verdict: " + verdict.summary() + " (checked in " + verdictMillis + " ms)");
            out.println("report: " + dir);
            return verdict.exitCode();
        }
    }

    static Map<String, Object> testMap(TestOptions o, Lab lab) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.testName());
        m.put("seed", Durations.seedText(o.seed()));
        m.put("lab", o.lab());
        m.put("workload", o.workload());
        m.put("nodes", lab == null ? o.nodes() : lab.nodes().stream().map(n -> n.id() + "@" + n.host()).toList());
        m.put("node-count", o.nodeCount());
        m.put("concurrency", o.concurrency());
        m.put("time-limit", o.timeLimit().toMillis() + "ms");
        m.put("rate", o.rate());
        m.put("nemesis", o.nemeses().stream().map(k -> k.flagName()).toList());
        if (!o.partitionShapes().equals(raftlab.harness.partition.PartitionShape.NAMED)) {
            m.put("partition-shapes", o.partitionShapes().stream().map(raftlab.harness.partition.PartitionShape::text).toList());
        }
        m.put("nemesis-interval", o.nemesisInterval().toMillis() + "ms");
        m.put("nemesis-interval-used", ScheduleDraw.effectiveInterval(o.nemesisInterval(), o.timeLimit()).toMillis() + "ms");
        m.put("check-time-limit", o.checkTimeLimit().toMillis() + "ms");
        m.put("bugs", o.bugs());
        m.put("op-timeout", o.opTimeout().toMillis() + "ms");
        m.put("liveness-bound", o.livenessBound().toMillis() + "ms");
        m.put("leave-db-running", o.leaveDbRunning());
        m.put("build", Build.commit());
        return m;
    }
}
