package raftlab.harness.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "lab", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class LabCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("error: raftlab lab is not built yet");
        return 254;
    }
}
