package raftlab.checker.cli;

import picocli.CommandLine;
import raftlab.conventions.CommandErrors;

/** Runs {@code check} from the checker's own jar. */
public final class CheckMain {
    public static void main(String[] args) {
        System.exit(CommandErrors.execute(commandLine(), args));
    }

    /** The check command with raftlab's exit codes for unusable arguments and crashes. */
    public static CommandLine commandLine() {
        // Named as raftlab names it, so that help and error sentences read the same from either jar.
        return CommandErrors.install(new CommandLine(new CheckCommand()).setCommandName("raftlab check"));
    }
}
