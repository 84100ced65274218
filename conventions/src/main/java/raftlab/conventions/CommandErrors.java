package raftlab.conventions;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine;

/**
 * How every raftlab and raft-node command ends when something goes wrong. Bad arguments and {@link InputError}s exit
 * {@link ExitCodes#BAD_INPUT} with one sentence. Anything else escaping a command is a defect of ours: it exits
 * {@link ExitCodes#CRASHED} (never 1, which would read as a verdict) with one sentence naming the file that holds the stack trace.
 */
public final class CommandErrors {
    private CommandErrors() {}

    /** Installs both handlers on the command and every subcommand it has now; returns it. */
    public static CommandLine install(CommandLine cli) {
        cli.setParameterExceptionHandler((problem, args) -> {
            CommandLine failing = problem.getCommandLine();
            failing.getErr().println("error: " + problem.getMessage() + "; see " + failing.getCommandSpec().qualifiedName() + " --help");
            failing.getErr().flush();
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, failing, parsed) -> report(e, failing));
        return cli;
    }

    /**
     * Runs the command. Picocli hands only exceptions to the execution handler; an Error such as a StackOverflowError
     * thrown by a command is reported here the same way.
     */
    public static int execute(CommandLine cli, String... args) {
        try {
            return cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError | RuntimeException e) {
            return report(e, innermost(cli));
        }
    }

    /** The subcommand that was running, as far as the arguments were parsed. */
    private static CommandLine innermost(CommandLine cli) {
        CommandLine.ParseResult parsed = cli.getParseResult();
        if (parsed == null) return cli;
        while (parsed.hasSubcommand()) parsed = parsed.subcommand();
        return parsed.commandSpec().commandLine();
    }

    /** Reports an error that escaped a command, and returns the exit code. */
    public static int report(Throwable e, CommandLine failing) {
        Throwable cause = e instanceof CommandLine.ExecutionException && e.getCause() != null ? e.getCause() : e;
        PrintWriter err = failing.getErr();
        if (cause instanceof InputError) {
            err.println("error: " + cause.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        String name = failing.getCommandSpec().qualifiedName();
        String where;
        try {
            where = "the stack trace is in " + writeCrashLog(name, cause);
        } catch (IOException | RuntimeException notWritten) {
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            err.print(trace);
            where = "the stack trace is above (it could not be written to a file: " + notWritten.getMessage() + ")";
        }
        err.println("error: " + name + " crashed (" + cause + "); " + where + "; please report it with that trace");
        err.flush();
        return ExitCodes.CRASHED;
    }

    /** The stack trace, in a new file of the temporary directory named for the command, the time and the process. */
    static Path writeCrashLog(String command, Throwable e) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        Path file = Path.of(System.getProperty("java.io.tmpdir"),
                command.replaceAll("[^A-Za-z0-9-]+", "-") + "-crash-" + stamp + "-" + ProcessHandle.current().pid() + ".log");
        StringWriter trace = new StringWriter();
        try (PrintWriter w = new PrintWriter(trace)) {
            w.println(command + " crashed at " + LocalDateTime.now());
            e.printStackTrace(w);
        }
        Files.writeString(file, trace.toString());
        return file;
    }
}
