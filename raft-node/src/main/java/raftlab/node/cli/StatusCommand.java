package raftlab.node.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Print a table of every node's role, term, leader and log.")
public final class StatusCommand implements Callable<Integer> {
    @Mixin NodesOption nodes;

    @Override public Integer call() {
        System.out.print(StatusTable.render(nodes.targets(), nodes.authorization()));
        return 0;
    }
}
