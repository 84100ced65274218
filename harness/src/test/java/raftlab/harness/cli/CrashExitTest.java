package raftlab.harness.cli;

import org.junit.jupiter.api.Test;
import raftlab.conventions.CrashExits;

/** A defect in any raftlab command exits 255 with one sentence naming the log of its stack trace, never 1. */
class CrashExitTest {
    @Test
    void aForcedInternalErrorExits255WithTheLogPath() throws Exception {
        CrashExits.assertADefectExits255WithTheLogPath(RaftlabMain.commandLine(), "raftlab");
    }
}
