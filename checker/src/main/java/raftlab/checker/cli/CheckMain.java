package raftlab.checker.cli;

import picocli.CommandLine;

/** Runs {@code check} from the checker's own jar. */
public final class CheckMain {
    public static void main(String[] args) {
        System.exit(new CommandLine(new CheckCommand()).execute(args));
    }
}
