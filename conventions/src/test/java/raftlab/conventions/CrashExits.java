package raftlab.conventions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The check each program's own CrashExitTest makes of its real command line (shared through this module's test jar):
 * a defect in any of its commands exits 255 with one sentence naming the log of its stack trace, never 1. Run against
 * the program's command line, it also fails when that program forgets to install {@link CommandErrors}.
 */
public final class CrashExits {
    @Command(name = "defect")
    static final class Defect implements Callable<Integer> {
        @Override public Integer call() { throw new IllegalStateException("forced for the test"); }
    }

    private CrashExits() {}

    /** Adds a {@code defect} command to {@code cli}, whose name people see as {@code program}, and runs it. */
    public static void assertADefectExits255WithTheLogPath(CommandLine cli, String program) throws IOException {
        cli.addSubcommand(new Defect());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertEquals(ExitCodes.CRASHED, CommandErrors.execute(cli, "defect"));
        String sentence = err.toString();
        assertTrue(sentence.startsWith("error: " + program + " defect crashed (java.lang.IllegalStateException: forced for the test);"
                + " the stack trace is in "), sentence);
        assertEquals(1, sentence.lines().count(), sentence);
        Path log = Path.of(sentence.replaceAll(".*the stack trace is in (\\S+);.*\\s*", "$1"));
        assertTrue(Files.readString(log).contains("CrashExits$Defect.call"), "the stack trace is in " + log);
        Files.delete(log);
    }
}
