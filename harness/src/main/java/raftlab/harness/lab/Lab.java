package raftlab.harness.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where the nodes of a campaign run, and the only way the harness touches them: the local lab
 * (network namespaces on this machine), the ssh lab (real hosts or VMs) and, for symmetry, the
 * simulator. Nemeses call these methods; clients only read {@link #nodes()} to find the client API and the token it asks for.
 *
 * <p>Every method either does what it says or throws {@link LabException} with one sentence.
 * Processes are signalled by the pid the lab recorded when it started them, never by name.
 * {@link #teardown()} is idempotent and undoes everything the lab made, even when called from a
 * shutdown hook after a half-finished {@link #up()}.
 */
public interface Lab extends AutoCloseable {

    /** A short name for logs: {@code local}, {@code ssh}. */
    String name();

    /**
     * The nodes of the cluster, in id order (n1, n2, ...). Known before {@link #up()}; each carries the client token
     * of the lab that is up, which {@link #up()} makes afresh, so ask again after it.
     */
    List<LabNode> nodes();

    /**
     * Prepares the hosts (network, packages, binaries, empty data directories, a random cluster
     * secret, client token and admin token in owner-only files) and starts every node with the
     * given raft-node bug switches (names without {@code --bug-}, such as {@code stale-reads};
     * empty for a correct cluster).
     */
    void up(List<String> bugs);

    /** Starts one node again after a kill or stop, with the same data directory and switches. */
    void startNode(String id);

    /** Stops one node gracefully (SIGTERM, then SIGKILL after a few seconds). */
    void stopNode(String id);

    /** SIGKILL of the recorded pid: no flush, no goodbye. A node already dead is not an error. */
    void killNode(String id);

    /** SIGSTOP of the recorded pid. */
    void pauseNode(String id);

    /** SIGCONT of the recorded pid. */
    void resumeNode(String id);

    /** True when the recorded process of this node is alive (paused counts as alive). */
    boolean isRunning(String id);

    /** The recorded pid of the node's process, when it runs. */
    OptionalLong pid(String id);

    /**
     * Replaces any partition in force with this one (iptables DROP rules on the receiving nodes).
     * Packet loss set by {@link #dropPackets} stays.
     */
    void partition(Grudge grudge);

    /** Drops this fraction (0..1) of the packets between nodes, at random, on every node. 0 removes it. */
    void dropPackets(double fraction);

    /** Removes every partition and packet-loss rule. */
    void heal();

    /**
     * Sets this node's wall clock to real time plus {@code offset} (negative moves it back).
     * Hosts sharing this machine's clock do it through libfaketime; the machine's own clock is
     * never changed. A strobe is a nemesis calling this repeatedly; the lab guarantees a change is
     * seen within about a second.
     */
    void setClockOffset(String id, Duration offset);

    /** Sets every node's clock back to real time. */
    void resetClocks();

    /** Copies each node's log into {@code dir} as {@code <id>.log} (best effort: a missing log is skipped). */
    void fetchLogs(Path dir);

    /** Kills every node, removes every rule, namespace, file and process the lab made. Idempotent. */
    void teardown();

    @Override default void close() { teardown(); }

    /**
     * The token the admin endpoints (add/remove member, transfer) accept on this lab's nodes: made at random by
     * {@link #up}, as the cluster secret and the client token are, and handed to the nodes in a file.
     */
    default String adminToken() { throw new LabException(name() + " lab has no admin endpoints to call"); }
}
