package raftlab.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import raftlab.conventions.CrashExits;

/** A defect in any raft-node command exits 255 with one sentence naming the log of its stack trace, never 1. */
class CrashExitTest {
    @Test
    void aForcedInternalErrorExits255WithTheLogPath() throws Exception {
        CrashExits.assertADefectExits255WithTheLogPath(RaftNodeMain.commandLine(), "raft-node");
    }

    @Test
    void aUserErrorExits254() {
        assertEquals(254, RaftNodeMain.execute(new String[] {"run", "--config", "/nonexistent/node.json"}));
    }
}
