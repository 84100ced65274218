package raftlab.harness.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "analyze", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("error: raftlab analyze is not built yet");
        return 254;
    }
}
