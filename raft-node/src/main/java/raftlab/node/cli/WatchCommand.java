package raftlab.node.cli;

import java.time.LocalTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "watch", mixinStandardHelpOptions = true, description = "The status table, refreshed in place until Ctrl-C.")
public final class WatchCommand implements Callable<Integer> {
    @Mixin NodesOption nodes;

    @Option(names = "--interval", converter = Durations.class, defaultValue = "500ms", description = "Refresh interval (default: ${DEFAULT-VALUE}).")
    long intervalMillis;

    @Override public Integer call() throws InterruptedException {
        var targets = nodes.targets();
        var authorization = nodes.authorization();
        while (true) {
            String table = StatusTable.render(targets, authorization);
            System.out.print("\033[H\033[2J" + LocalTime.now().withNano(0) + "  (Ctrl-C to stop)\n\n" + table);
            System.out.flush();
            Thread.sleep(intervalMillis);
        }
    }
}
