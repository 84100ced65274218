package raftlab.node.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raftlab.node.storage.DataDirectory;
import raftlab.node.storage.LogRepair;
import raftlab.node.storage.RealFileLayer;
import raftlab.node.storage.StorageCorruptException;

@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Say what it would take to start a stopped node whose log is damaged: the damaged record and everything after it "
                + "is dropped. Changes nothing unless --drop is given.",
                "A node that dropped entries rejoins without a vote: it grants none and does not count toward commitment until a leader "
                + "has replicated its log past what that leader holds, so the loss cannot take an acknowledged write with it."})
public final class RepairCommand implements Callable<Integer> {
    @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "The stopped node's data directory.")
    Path dataDir;

    @Option(names = "--drop", description = "Drop what the report lists and mark the node as rejoining (default: only report).")
    boolean drop;

    @Override public Integer call() throws Exception {
        RealFileLayer fs = new RealFileLayer();
        try (AutoCloseable lock = DataDirectory.lockStopped(dataDir)) {
            LogRepair.Plan plan = LogRepair.plan(fs, dataDir);
            if (!plan.needed()) {
                System.out.println("repair: the log in " + dataDir + " is intact; nothing to drop (if the node still refuses to start, "
                        + "its message says what is wrong, and repair cannot fix that)");
                return 0;
            }
            for (String finding : plan.findings()) System.out.println("found: " + finding);
            for (String change : plan.changes()) System.out.println((drop ? "done: " : "would: ") + change);
            if (drop) {
                LogRepair.apply(fs, dataDir, plan);
                System.out.println("repair: dropped; the log ends at index " + plan.keptLastIndex() + ". Start the node: it rejoins without a vote "
                        + "until a leader has caught it up (its log says when)");
            } else {
                System.out.println("repair: nothing was changed; run again with --drop to do the above");
            }
            return 0;
        } catch (IllegalStateException | StorageCorruptException e) {
            throw new UserError(e.getMessage());
        }
    }
}
