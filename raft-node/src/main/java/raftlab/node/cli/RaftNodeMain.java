package raftlab.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code raft-node} command. */
@Command(name = "raft-node", mixinStandardHelpOptions = true, version = "raft-node 0.1.0",
        description = "A Raft key-value store node.")
public final class RaftNodeMain {
    public static void main(String[] args) {
        System.exit(new CommandLine(new RaftNodeMain()).execute(args));
    }
}
