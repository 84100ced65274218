package raftlab.harness.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import raftlab.harness.campaign.ControlNamespace;
import raftlab.harness.lab.local.LocalLayout;
import raftlab.harness.lab.local.NamespaceGuard;

/**
 * Runs this same {@code raftlab} command again inside the lab's control namespace, for the
 * by-hand commands that talk to the nodes ({@code lab kv}, {@code lab partition leader}). A JVM
 * cannot move into another network namespace, so the command is run as a second JVM under
 * {@code ip netns exec}: its traffic then starts where the lab's addresses are routed and
 * nothing has a default route.
 */
final class InControlNamespace {
    private InControlNamespace() {}

    static boolean here(LocalLayout layout) { return NamespaceGuard.inside(layout.controlNamespace()); }

    /**
     * Runs {@code body} here when this process is inside the lab's control namespace, and otherwise
     * this whole command again in there. A process that was started in there but finds itself
     * elsewhere refuses rather than start another.
     */
    static int run(LocalLayout layout, java.util.concurrent.Callable<Integer> body) throws Exception {
        if (here(layout)) return body.call();
        if (ControlNamespace.inside()) NamespaceGuard.requireInside(layout.controlNamespace());
        return rerun(layout);
    }

    /** The command's exit code; its output goes to this process's output. */
    private static int rerun(LocalLayout layout) throws Exception {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", layout.controlNamespace(), "env",
                ControlNamespace.INSIDE_ENV + "=" + layout.controlNamespace()));
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RaftlabMain.class.getName());
        command.addAll(RaftlabMain.arguments());
        Process child = new ProcessBuilder(command).inheritIO().start();
        return child.waitFor();
    }
}
