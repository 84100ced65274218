package raftlab.harness.nemesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import java.util.function.Supplier;
import raftlab.harness.history.HistoryRecorder;
import raftlab.harness.lab.LabControl;
import raftlab.harness.schedule.ScheduleEntry;
import raftlab.harness.runner.RunRecord;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * The nemesis of every lab: it turns the entries of a schedule into the fault packages' actions on a
 * {@link LabControl}, records each as Jepsen does (an info invocation, then
 * an info completion saying what was done), keeps the fault windows for the charts, and at the end heals
 * whatever is in force, so that recovery is judged. Targets come from the nemesis's own random stream.
 */
public final class Nemesis {
    private static final Logger LOG = Logger.getLogger(Nemesis.class.getName());

    private final LabControl lab;
    private final RandomGenerator random;
    private final HistoryRecorder recorder;
    private final Map<FaultKind, Fault> faults = new EnumMap<>(FaultKind.class);
    private final List<RunRecord.FaultWindow> windows = new ArrayList<>();
    private volatile String inForce = "";

    /** A nemesis whose faults act on {@code lab}, resolving roles with {@code random}. */
    public Nemesis(LabControl lab, RandomGenerator random, HistoryRecorder recorder) {
        this.lab = lab;
        this.random = random;
        this.recorder = recorder;
    }

    /** What is in force now, for the status line. */
    public String inForce() { return inForce; }

    /** Starts a schedule entry's fault: recorded as {@code start-<kind>}, with what it did as the completion's value. */
    public synchronized void start(ScheduleEntry entry) {
        FaultKind kind = entry.fault().kind();
        Fault fault = faultOf(kind);
        record(kind.startF(), () -> fault.start(lab, random, entry.fault()));
        windows.add(new RunRecord.FaultWindow(kind.flagName(), recorder.now(), -1));
    }

    /** Ends a schedule entry's fault: recorded as {@code stop-<kind>}. */
    public synchronized void stop(ScheduleEntry entry) {
        FaultKind kind = entry.fault().kind();
        Fault fault = faultOf(kind);
        record(kind.stopF(), () -> fault.stop(lab));
        closeWindow(kind.flagName());
    }

    /** The one fault package of each kind, made when first used: it remembers what it has in force. */
    private Fault faultOf(FaultKind kind) { return faults.computeIfAbsent(kind, Faults::of); }

    /** Undoes everything in force: the end of every test. Recorded as {@code :heal}. */
    public synchronized void healAll() {
        record("heal", this::undoAll);
        for (int i = 0; i < windows.size(); i++) {
            RunRecord.FaultWindow w = windows.get(i);
            if (w.endNanos() < 0) windows.set(i, new RunRecord.FaultWindow(w.kind(), w.startNanos(), recorder.now()));
        }
    }

    public synchronized List<RunRecord.FaultWindow> windows() { return List.copyOf(windows); }

    private Object undoAll() {
        List<String> done = new ArrayList<>();
        for (Fault fault : faults.values()) {
            if (fault.kind() == FaultKind.MEMBER || fault.inForce().isEmpty()) continue;
            done.add("stop-" + fault.kind().flagName() + " " + fault.stop(lab));
        }
        // Whatever a fault may have left behind: the heal does not trust the bookkeeping alone.
        lab.resetClocks();
        lab.healNetwork();
        done.add("network healed");
        for (String id : lab.ids()) {
            if (!lab.isRunning(id)) {
                lab.start(id);
                done.add("started " + id);
            }
        }
        List<String> slow = lab.waitServing();
        if (!slow.isEmpty()) done.add("not serving: " + slow);
        Fault member = faults.get(FaultKind.MEMBER);
        if (member instanceof MemberFault m) {
            // Members come back once a leader exists; give the cluster a few seconds to elect one.
            for (int attempt = 0; attempt < 20 && m.anyRemoved(); attempt++) {
                done.add(String.valueOf(m.stop(lab)));
                if (m.anyRemoved()) lab.sleep(Duration.ofMillis(500));
            }
        }
        return done;
    }

    /** Records a nemesis operation as Jepsen does: an info invocation, then an info completion with what was done. */
    private void record(String f, Supplier<Object> action) {
        recorder.record(OpType.INFO, Op.NEMESIS, f, null, null);
        Object done;
        String error = null;
        try {
            done = action.get();
        } catch (RuntimeException e) {
            // A fault that could not be injected is recorded and logged; the test goes on, as Jepsen's does.
            LOG.log(Level.WARNING, "nemesis " + f + " failed: " + e.getMessage(), e);
            done = e.getMessage();
            error = "nemesis-failed";
        }
        recorder.record(OpType.INFO, Op.NEMESIS, f, toHistoryValue(done), error);
        inForce = describeInForce();
    }

    /** Nemesis values go into the history as strings or vectors of strings. */
    private static Object toHistoryValue(Object done) {
        if (done == null) return null;
        if (done instanceof List<?> list) return list.stream().map(String::valueOf).toList();
        return String.valueOf(done);
    }

    private void closeWindow(String kind) {
        for (int i = windows.size() - 1; i >= 0; i--) {
            RunRecord.FaultWindow w = windows.get(i);
            if (w.kind().equals(kind) && w.endNanos() < 0) {
                windows.set(i, new RunRecord.FaultWindow(kind, w.startNanos(), recorder.now()));
                return;
            }
        }
    }

    private String describeInForce() {
        List<String> parts = new ArrayList<>();
        for (Fault fault : faults.values()) if (!fault.inForce().isEmpty()) parts.add(fault.inForce());
        return String.join(", ", parts);
    }
}
