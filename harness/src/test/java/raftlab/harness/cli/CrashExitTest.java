package raftlab.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import raftlab.conventions.CommandErrors;

/** A defect in any raftlab command exits 255 with one sentence naming the log of its stack trace, never 1. */
class CrashExitTest {
    @Command(name = "defect")
    static final class Defect implements Callable<Integer> {
        @Override public Integer call() { throw new IllegalStateException("forced for the test"); }
    }

    @Test
    void aForcedInternalErrorExits255WithTheLogPath() throws Exception {
        CommandLine cli = RaftlabMain.commandLine().addSubcommand(new Defect());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertEquals(255, CommandErrors.execute(cli, "defect"));
        String sentence = err.toString();
        assertTrue(sentence.startsWith("error: raftlab defect crashed (java.lang.IllegalStateException: forced for the test); the stack trace is in "),
                sentence);
        assertEquals(1, sentence.lines().count(), sentence);
        Path log = Path.of(sentence.replaceAll(".*the stack trace is in (\\S+);.*\\s*", "$1"));
        assertTrue(Files.readString(log).contains("CrashExitTest$Defect.call"), "the stack trace is in " + log);
        Files.delete(log);
    }
}
