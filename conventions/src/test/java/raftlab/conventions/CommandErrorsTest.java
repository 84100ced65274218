package raftlab.conventions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class CommandErrorsTest {
    @Command(name = "tool", subcommands = Tool.Fail.class)
    static final class Tool implements Runnable {
        @Override public void run() {}

        @Command(name = "fail")
        static final class Fail implements Callable<Integer> {
            @Option(names = "--with") String with = "bug";

            @Override public Integer call() {
                return switch (with) {
                    case "bug" -> throw new IllegalStateException("a defect");
                    case "input" -> throw new InputError("the file is empty; pass a history");
                    case "deep" -> recurse(0);
                    default -> 0;
                };
            }

            private static int recurse(int depth) { return recurse(depth + 1) + 1; }
        }
    }

    /** Runs tool with these arguments: the exit code and what it wrote to standard error. */
    static Result run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = CommandErrors.install(new CommandLine(new Tool()));
        cli.setErr(new PrintWriter(err));
        int code = CommandErrors.execute(cli, args);
        return new Result(code, err.toString());
    }

    record Result(int code, String err) {}

    /** The crash sentence: one line, the command, the exception, and a log file that holds the stack trace. */
    static void assertCrashSentence(Result r, String command, String exception) throws Exception {
        assertEquals(ExitCodes.CRASHED, r.code(), r.err());
        Matcher m = Pattern.compile("error: " + Pattern.quote(command) + " crashed \\((.*)\\); the stack trace is in (\\S+); please report it with that trace\\n")
                .matcher(r.err());
        assertTrue(m.matches(), r.err());
        assertTrue(m.group(1).startsWith(exception), r.err());
        Path log = Path.of(m.group(2));
        assertTrue(Files.readString(log).contains("\tat "), "the log holds the stack trace");
        Files.delete(log);
    }

    @Test
    void anUncaughtExceptionIsACrashWithTheLogsPath() throws Exception {
        assertCrashSentence(run("fail"), "tool fail", "java.lang.IllegalStateException: a defect");
    }

    @Test
    void aStackOverflowIsACrashToo() throws Exception {
        assertCrashSentence(run("fail", "--with", "deep"), "tool fail", "java.lang.StackOverflowError");
    }

    @Test
    void anInputErrorIsOneSentenceAnd254() {
        Result r = run("fail", "--with", "input");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("error: the file is empty; pass a history\n", r.err());
    }

    @Test
    void aBadOptionIs254WithTheHelpToRead() {
        Result r = run("fail", "--nonsense");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertEquals("error: Unknown option: '--nonsense'; see tool fail --help\n", r.err());
    }
}
