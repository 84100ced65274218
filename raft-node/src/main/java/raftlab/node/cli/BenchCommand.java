package raftlab.node.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark a five-node loopback cluster (not yet implemented).")
public final class BenchCommand implements Callable<Integer> {
    @Override public Integer call() { throw new UserError("bench is being written"); }
}
