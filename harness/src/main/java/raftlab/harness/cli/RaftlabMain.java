package raftlab.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import raftlab.checker.cli.CheckCommand;
import raftlab.sim.cli.SimCommand;

/** The {@code raftlab} command: campaigns, labs, the simulator and the checker. */
@Command(name = "raftlab", mixinStandardHelpOptions = true, version = "raftlab 0.1.0",
        description = "A fault-injection laboratory for a Raft key-value store.",
        subcommands = {TestCommand.class, LabCommand.class, AnalyzeCommand.class, SimCommand.class, CheckCommand.class, raftlab.harness.bugs.DetectCommand.class})
public final class RaftlabMain {
    public static void main(String[] args) {
        System.exit(new CommandLine(new RaftlabMain()).execute(args));
    }
}
