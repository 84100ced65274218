package raftlab.harness.campaign;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import raftlab.harness.lab.local.LocalLab;
import raftlab.harness.lab.local.LocalLayout;
import raftlab.harness.lab.local.LocalNetwork;

/**
 * Runs {@code raftlab test} inside the lab's control namespace. A JVM cannot move one thread into
 * another network namespace, so the supervisor (this JVM, in the host's namespace) builds the
 * lab's network, then runs the whole campaign as a second JVM under
 * {@code ip netns exec <control>}: all client traffic then starts inside a namespace with no
 * default route, and node commands use {@code ip netns exec <node>} from there. The supervisor
 * removes the network when the campaign ends, crashes, or is interrupted (Ctrl-C reaches both).
 */
public final class ControlNamespace {
    /** Set in the campaign JVM's environment; its value is the control namespace it runs in. */
    public static final String INSIDE_ENV = "RAFTLAB_IN_CONTROL_NS";

    private ControlNamespace() {}

    public static boolean inside() {
        String v = System.getenv(INSIDE_ENV);
        return v != null && !v.isBlank();
    }

    /** Builds the network, runs the campaign JVM inside it with the same arguments, and tears everything down. */
    public static int supervise(LocalLayout layout, List<String> arguments, boolean leaveRunning, PrintStream out) throws Exception {
        LocalNetwork network = new LocalNetwork(layout);
        network.up();
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", layout.controlNamespace(), "env",
                INSIDE_ENV + "=" + layout.controlNamespace()));
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("raftlab.harness.cli.RaftlabMain");
        command.addAll(arguments);
        Process child = new ProcessBuilder(command).inheritIO().start();
        Thread cleanup = new Thread(() -> {
            // Ctrl-C or a kill of the supervisor: let the campaign JVM finish its own teardown, then remove the network.
            child.destroy();
            try {
                child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            child.destroyForcibly();
            if (!leaveRunning) LocalLab.down(layout);
        }, "lab-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(cleanup);
        if (leaveRunning) {
            out.println("the lab is left running (--leave-db-running); remove it with: raftlab lab down" + prefixFlag(layout));
        } else {
            List<String> removed = LocalLab.down(layout);
            if (!new LocalNetwork(layout).namespaces().isEmpty()) {
                out.println("error: some namespaces of the lab are still there after teardown; remove them with raftlab lab down" + prefixFlag(layout));
                return Math.max(code, 255);
            }
            out.println("lab torn down (" + removed.size() + " namespaces and processes removed)");
        }
        return code;
    }

    static String prefixFlag(LocalLayout layout) {
        return layout.prefix().equals(LocalLayout.DEFAULT_PREFIX) ? "" : " --lab-prefix " + layout.prefix();
    }
}
