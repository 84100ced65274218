package raftlab.checker.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "check", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class CheckCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("error: raftlab check is not built yet");
        return 254;
    }
}
