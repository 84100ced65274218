package raftlab.harness.lab.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import raftlab.harness.lab.LabException;

/**
 * How to start one node process: the java binary, JVM options, and either raft-node's jar or, for
 * developing the harness before the node exists, the stand-in node in the harness's own jar.
 * Both take raft-node's arguments ({@code run --id --peers --data-dir [--bug-...]}).
 */
public record NodeLauncher(String java, List<String> jvmOptions, List<String> classpathAndMain) {

    /** Small heaps and one GC thread: five nodes share this machine with the harness. */
    static final List<String> NODE_JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xss1m", "-XX:-UsePerfData");

    public static NodeLauncher raftNode(Path home) {
        Path jar = home.resolve("raft-node/target/raft-node-0.1.0-SNAPSHOT-all.jar");
        if (!Files.isRegularFile(jar)) {
            throw new LabException("the node binary " + jar + " is missing; build it with bin/raft-node --help (or mvn -DskipTests package)");
        }
        return new NodeLauncher(currentJava(), NODE_JVM_OPTIONS, List.of("-cp", jar.toString(), "raftlab.node.cli.RaftNodeMain"));
    }

    /** The stand-in node (raftlab.harness.standin.StandinNode) from the jar the harness runs from. */
    public static NodeLauncher standIn() {
        String classpath = System.getProperty("java.class.path");
        return new NodeLauncher(currentJava(), NODE_JVM_OPTIONS, List.of("-cp", classpath, "raftlab.harness.standin.StandinNode"));
    }

    static String currentJava() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public List<String> command(List<String> nodeArguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(classpathAndMain);
        command.addAll(nodeArguments);
        return command;
    }
}
