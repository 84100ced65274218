package raftlab.sim.engine;

import raftlab.harness.history.HistoryRecorder;
import raftlab.harness.lab.sim.SimLabControl;
import raftlab.harness.nemesis.Nemesis;
import raftlab.harness.runner.Seeds;
import raftlab.harness.schedule.Schedule;
import raftlab.harness.schedule.SchedulePlayer;
import raftlab.harness.schedule.Trigger;

/**
 * The nemesis every lab shares, playing the run's schedule in virtual time as a real lab's runner plays it on the wall
 * clock. The world tells it of each election and the recorder of each acknowledged write; when the current entry waits
 * for one of them, the schedule steps in the same instant.
 */
final class ScheduledNemesis {
    private final World world;
    private final Nemesis nemesis;
    private final Schedule schedule;
    private final HistoryRecorder history;
    private final long limitNanos;
    private SchedulePlayer player;
    /** What the schedule's current entry waits for; an election or an acknowledged write then steps it at once. */
    private Trigger awaiting = Trigger.NONE;
    /** Only the latest scheduled step runs: a trigger's step supersedes the one waiting for the time limit. */
    private long stepToken;
    private long elections;

    ScheduledNemesis(World world, int nodeCount, long seed, Schedule schedule, long limitMicros, HistoryRecorder history) {
        this.world = world;
        this.schedule = schedule;
        this.history = history;
        this.limitNanos = limitMicros * 1000;
        // The same stream as a real lab's runner, so that roles and random shapes resolve alike.
        this.nemesis = new Nemesis(new SimLabControl(world, nodeCount), Seeds.stream(seed, 99, -2), history);
        history.onOkWrite(() -> {
            if (awaiting == Trigger.OK_WRITE) stepAt(world.now);
        });
    }

    /** Takes the first step at time 0; an empty schedule does nothing. */
    void start() {
        if (schedule.entries().isEmpty()) return;
        player = new SchedulePlayer(schedule, limitNanos);
        step();
    }

    void onLeaderElected() {
        elections++;
        if (awaiting == Trigger.LEADER_ELECTED) stepAt(world.now);
    }

    /** Undoes whatever the schedule has in force: the end of the fault phase. */
    void healAll() { nemesis.healAll(); }

    private void stepAt(long timeMicros) {
        long token = ++stepToken;
        world.schedule(timeMicros, () -> {
            if (token == stepToken) step();
        });
    }

    private void step() {
        if (world.healed()) return;
        SchedulePlayer.Action action = player.next(world.now * 1000, history.okWriteCount(), elections);
        awaiting = Trigger.NONE;
        if (action instanceof SchedulePlayer.Start start) {
            nemesis.start(start.entry());
            stepAt(world.now);
        } else if (action instanceof SchedulePlayer.Stop stop) {
            nemesis.stop(stop.entry());
            stepAt(world.now);
        } else if (action instanceof SchedulePlayer.Wait wait) {
            awaiting = wait.awaiting();
            stepAt((wait.untilNanos() + 999) / 1000);
        }
    }
}
