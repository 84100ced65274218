package raftlab.sim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "sim", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class SimCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("error: raftlab sim is not built yet");
        return 254;
    }
}
