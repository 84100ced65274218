package raftlab.harness.lab.ssh;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import raftlab.harness.lab.LabException;

/**
 * What the ssh lab uploads and runs on each host: a jar (copied to {@code <dir>/raft-node.jar},
 * whatever its name here) and the main class to run from it with raft-node's arguments.
 */
public record NodeBinary(Path jar, String mainClass) {

    /** raft-node itself, from this raftlab's build. */
    public static NodeBinary raftNode(Path home) {
        Path jar = home.resolve("raft-node/target/raft-node-0.1.0-SNAPSHOT-all.jar");
        if (!Files.isRegularFile(jar)) {
            throw new LabException("the node binary " + jar + " is missing; build it with `mvn -B -ntp -DskipTests package`");
        }
        return new NodeBinary(jar, "raftlab.node.cli.RaftNodeMain");
    }

    /**
     * The harness's stand-in node (raftlab.harness.standin.StandinNode, same arguments and client
     * API), from the jar the harness runs from: for trying the lab before the node is built.
     */
    public static NodeBinary standIn() {
        try {
            Path self = Path.of(NodeBinary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(self)) {
                throw new LabException("the stand-in node needs the harness's jar, but the harness runs from " + self + "; run it through bin/raftlab");
            }
            return new NodeBinary(self, "raftlab.harness.standin.StandinNode");
        } catch (URISyntaxException e) {
            throw new LabException("cannot find the harness's own jar: " + e.getMessage(), e);
        }
    }
}
