package raftlab.harness.lab;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a fault can ask of a lab: the one interface behind which each lab (the simulator, the local
 * namespaces, the ssh hosts) executes the fault packages of {@code raftlab.harness.nemesis.faults}.
 * A fault package says what to do and how to heal; a lab only does it, in virtual time or on real hosts.
 * Node ids are {@code n1..nN}. Every method either does what it says or throws {@link LabException}.
 */
public interface LabControl {
    /** The lab's name for messages: {@code sim}, {@code local}, {@code ssh}. */
    String name();

    /** The node ids, in order. */
    List<String> ids();

    /** The node that leads the highest term, as far as the lab can tell quickly, if any. */
    Optional<String> leader();

    /**
     * Who leads, and in which term, as far as the lab can tell quickly: a schedule's {@code :on :leader-elected}
     * counts a new term with a leader as an election. A lab that cannot tell the term gives -1.
     */
    default Optional<Leadership> leadership() { return leader().map(id -> new Leadership(id, -1)); }

    /** A node that says it leads, and the term it leads. */
    record Leadership(String id, long term) {}

    /** Replaces any partition in force with this one. */
    void partition(Grudge grudge);

    /** Drops this fraction (0..1) of the packets between nodes; 0 removes it. */
    void dropPackets(double fraction);

    /** Removes every partition and packet loss. */
    void healNetwork();

    /** Kill -9 (in the simulator: a crash that loses unsynced writes). */
    void kill(String id);

    /** Starts a killed node again with its data. */
    void start(String id);

    boolean isRunning(String id);

    void pause(String id);

    void resume(String id);

    /** Sets the node's wall clock to true time plus {@code offset}. */
    void setClockOffset(String id, Duration offset);

    /** Starts flipping the node's clock between {@code offset} and true time every {@code period}; one strobe at a time. */
    void strobeClock(String id, Duration offset, Duration period);

    /** Stops the strobe, if any, and sets every clock back to true time. */
    void resetClocks();

    /** How long a node may take to see a new clock offset (0 in the simulator, where it is seen at once). */
    Duration clockSeenWithin();

    /** Waits this long: the lab's own time, virtual in the simulator. */
    void sleep(Duration duration);

    /** Asks the leader to hand leadership to {@code target}; returns what the leader answered, for the history. */
    String transferLeadership(String leader, String target);

    /** Asks the leader to remove a member; returns the HTTP status, or -1 when the leader was unreachable. */
    int removeMember(String leader, String victim);

    /** Asks the leader to add a member back; returns the HTTP status, or -1 when the leader was unreachable. */
    int addMember(String leader, String member);

    /** After a heal, waits until every node serves again; returns the nodes that did not within the lab's bound. */
    List<String> waitServing();
}
