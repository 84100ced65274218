package raftlab.harness.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import raftlab.harness.nemesis.FaultKind;

/** The player's rules: one entry at a time, :at as a floor, triggers counting only what happens after arming, no start at the limit. */
class SchedulePlayerTest {
    private static final long S = 1_000_000_000L;

    private static ScheduleEntry kill(long atSeconds, Trigger trigger, long forSeconds) {
        return new ScheduleEntry(Duration.ofSeconds(atSeconds), trigger, new FaultSpec.Nodes(FaultKind.KILL, Target.LEADER),
                Duration.ofSeconds(forSeconds));
    }

    @Test void entriesRunOneAfterAnotherFromTheirOffsets() {
        SchedulePlayer p = new SchedulePlayer(new Schedule(5, List.of(kill(1, Trigger.NONE, 3), kill(2, Trigger.NONE, 1))), 60 * S);
        assertEquals(new SchedulePlayer.Wait(S, Trigger.NONE), p.next(0, 0, 0));
        assertInstanceOf(SchedulePlayer.Start.class, p.next(S, 0, 0));
        assertEquals(new SchedulePlayer.Wait(4 * S, Trigger.NONE), p.next(2 * S, 0, 0), "the second waits for the first to end, though its :at has passed");
        assertInstanceOf(SchedulePlayer.Stop.class, p.next(4 * S, 0, 0));
        SchedulePlayer.Action second = p.next(4 * S, 0, 0);
        assertEquals(1, ((SchedulePlayer.Start) second).index());
        assertInstanceOf(SchedulePlayer.Stop.class, p.next(5 * S, 0, 0));
        assertInstanceOf(SchedulePlayer.Done.class, p.next(5 * S, 0, 0));
    }

    @Test void anOkWriteTriggerCountsOnlyWritesAfterTheEntryIsArmed() {
        SchedulePlayer p = new SchedulePlayer(new Schedule(5, List.of(kill(2, Trigger.OK_WRITE, 1))), 60 * S);
        assertEquals(new SchedulePlayer.Wait(2 * S, Trigger.NONE), p.next(S, 40, 0), "writes before :at do not count");
        assertEquals(new SchedulePlayer.Wait(60 * S, Trigger.OK_WRITE), p.next(2 * S, 41, 0));
        assertEquals(new SchedulePlayer.Wait(60 * S, Trigger.OK_WRITE), p.next(3 * S, 41, 7), "an election is not a write");
        assertInstanceOf(SchedulePlayer.Start.class, p.next(3 * S, 42, 7));
    }

    @Test void aLeaderElectedTriggerCountsOnlyElectionsAfterArming() {
        SchedulePlayer p = new SchedulePlayer(new Schedule(5, List.of(kill(0, Trigger.LEADER_ELECTED, 1))), 60 * S);
        assertEquals(Trigger.LEADER_ELECTED, ((SchedulePlayer.Wait) p.next(0, 0, 3)).awaiting());
        assertInstanceOf(SchedulePlayer.Wait.class, p.next(S, 10, 3));
        assertInstanceOf(SchedulePlayer.Start.class, p.next(2 * S, 10, 4));
    }

    @Test void anElectionThePreviousFaultCausedFiresTheNextEntryWhenThatFaultEnds() {
        SchedulePlayer p = new SchedulePlayer(new Schedule(5, List.of(kill(1, Trigger.NONE, 2), kill(0, Trigger.LEADER_ELECTED, 1))), 60 * S);
        assertInstanceOf(SchedulePlayer.Start.class, p.next(S, 0, 1), "the leader killed at 1 s, one election so far");
        assertInstanceOf(SchedulePlayer.Stop.class, p.next(3 * S, 0, 2), "a new leader was elected while it was down");
        assertInstanceOf(SchedulePlayer.Start.class, p.next(3 * S, 0, 2), "that election counts: the new leader is hit at once");
    }

    @Test void anAtLaterThanThePreviousStartAimsAtTheFirstEventAfterIt() {
        SchedulePlayer p = new SchedulePlayer(new Schedule(5, List.of(kill(1, Trigger.NONE, 1), kill(5, Trigger.OK_WRITE, 1))), 60 * S);
        p.next(S, 10, 0);
        p.next(2 * S, 20, 0);
        assertInstanceOf(SchedulePlayer.Wait.class, p.next(5 * S, 30, 0), "writes before 5 s do not count");
        assertInstanceOf(SchedulePlayer.Start.class, p.next(5 * S, 31, 0));
    }

    @Test void nothingStartsAtTheTimeLimitButARunningEntryStillStops() {
        SchedulePlayer p = new SchedulePlayer(new Schedule(5, List.of(kill(5, Trigger.NONE, 10), kill(0, Trigger.OK_WRITE, 1))), 10 * S);
        assertInstanceOf(SchedulePlayer.Start.class, p.next(5 * S, 0, 0));
        assertInstanceOf(SchedulePlayer.Stop.class, p.next(15 * S, 0, 0));
        assertInstanceOf(SchedulePlayer.Done.class, p.next(15 * S, 5, 0), "past the limit, the waiting entry never starts");
    }
}
