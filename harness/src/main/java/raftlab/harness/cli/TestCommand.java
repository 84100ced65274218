package raftlab.harness.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "test", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class TestCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("error: raftlab test is not built yet");
        return 254;
    }
}
