package raftlab.checker.cli;

import picocli.CommandLine;

/** Runs {@code check} from the checker's own jar. */
public final class CheckMain {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The check command with raftlab's exit codes for unusable arguments (254) and crashes (255). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CheckCommand());
        cli.setParameterExceptionHandler((e, args) -> {
            cli.getErr().println("error: " + e.getMessage() + "; see raftlab check --help");
            return CheckCommand.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            cli.getErr().println("error: the checker crashed (" + e + "); please report it with the history");
            return 255;
        });
        return cli;
    }
}
