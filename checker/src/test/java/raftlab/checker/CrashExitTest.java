package raftlab.checker;

import org.junit.jupiter.api.Test;
import raftlab.checker.cli.CheckMain;
import raftlab.conventions.CrashExits;

/** A defect in raftlab check exits 255 with one sentence naming the log of its stack trace, never 1. */
class CrashExitTest {
    @Test
    void aForcedInternalErrorExits255WithTheLogPath() throws Exception {
        CrashExits.assertADefectExits255WithTheLogPath(CheckMain.commandLine(), "raftlab check");
    }
}
