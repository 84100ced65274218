package raftlab.harness.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import raftlab.conventions.CommandErrors;
import raftlab.checker.cli.CheckCommand;
import raftlab.sim.cli.SimCommand;

/** The {@code raftlab} command: campaigns, labs, the simulator and the checker. */
@Command(name = "raftlab", mixinStandardHelpOptions = true, version = "raftlab 0.1.0",
        description = "A fault-injection laboratory for a Raft key-value store.",
        subcommands = {TestCommand.class, LabCommand.class, AnalyzeCommand.class, SimCommand.class, CheckCommand.class, raftlab.harness.bugs.DetectCommand.class,
                raftlab.harness.serve.ServeCommand.class})
public final class RaftlabMain {
    private static volatile List<String> arguments = List.of();

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs {@code raftlab} with these arguments and returns its exit code, without exiting (for embedding, such as the Clojure face). */
    public static int run(String... args) {
        arguments = List.of(args);
        return CommandErrors.execute(commandLine(), args);
    }

    /**
     * The command with Jepsen's exit codes for bad arguments (picocli's own 2 would read as an "unknown" verdict) and for
     * crashes (an uncaught error would otherwise exit 1, "invalid").
     */
    static CommandLine commandLine() {
        return CommandErrors.install(new CommandLine(new RaftlabMain()));
    }

    /** The command line as given, so that {@code raftlab test} can run itself again inside the lab's control namespace. */
    static List<String> arguments() { return arguments; }
}
