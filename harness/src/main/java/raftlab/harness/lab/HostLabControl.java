package raftlab.harness.lab;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import raftlab.harness.client.ClusterProbe;

/**
 * The fault executor of the labs with real processes (local namespaces and ssh hosts): signals,
 * iptables and clocks through the {@link Lab}, and the node's own HTTP API for the leader and for
 * membership and leadership changes.
 */
public final class HostLabControl implements LabControl {
    /**
     * How long a node may take to see a new libfaketime offset: its cache is compared in whole seconds, so a change
     * was measured taking up to 3 s to show (RemoteScripts.faketimeOffset), and a real clock set with date at once.
     */
    private static final Duration CLOCK_SEEN = Duration.ofSeconds(3);
    private static final String REMOVE_PATH = "/admin/remove";
    private static final String ADD_PATH = "/admin/add";
    private static final String TRANSFER_PATH = "/admin/transfer";

    /** A paused node accepts a connection and never answers: the leader probe must not wait long on each. */
    private static final int LEADER_PROBE_MILLIS = 500;

    private final Lab lab;
    private final List<String> ids;
    private final int leaderProbeMillis;
    private ClockStrobe strobe;

    public HostLabControl(Lab lab) { this(lab, LEADER_PROBE_MILLIS); }

    /** With another wait for each node's status, such as a test's on a loaded machine. */
    public HostLabControl(Lab lab, int leaderProbeMillis) {
        this.lab = lab;
        this.ids = lab.nodes().stream().map(LabNode::id).toList();
        this.leaderProbeMillis = leaderProbeMillis;
    }

    @Override public String name() { return lab.name(); }

    @Override public List<String> ids() { return ids; }

    @Override public Optional<String> leader() { return ClusterProbe.leader(lab.nodes(), leaderProbeMillis); }

    @Override public Optional<Leadership> leadership() {
        return ClusterProbe.leadership(lab.nodes(), leaderProbeMillis);
    }

    @Override public void partition(Grudge grudge) { lab.partition(grudge); }

    @Override public void dropPackets(double fraction) { lab.dropPackets(fraction); }

    @Override public void healNetwork() { lab.heal(); }

    @Override public void kill(String id) { lab.killNode(id); }

    @Override public void start(String id) { lab.startNode(id); }

    @Override public boolean isRunning(String id) { return lab.isRunning(id); }

    @Override public void pause(String id) { lab.pauseNode(id); }

    @Override public void resume(String id) { lab.resumeNode(id); }

    @Override public void setClockOffset(String id, Duration offset) { lab.setClockOffset(id, offset); }

    @Override public synchronized void strobeClock(String id, Duration offset, Duration period) {
        if (strobe != null) strobe.stop();
        strobe = new ClockStrobe(lab, id, offset, period);
        strobe.start();
    }

    @Override public synchronized void resetClocks() {
        if (strobe != null) {
            strobe.stop();
            strobe = null;
        }
        lab.resetClocks();
    }

    @Override public Duration clockSeenWithin() { return CLOCK_SEEN; }

    @Override public void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public String transferLeadership(String leader, String target) {
        int status = ClusterProbe.admin(node(leader), TRANSFER_PATH, "{\"id\":\"" + target + "\"}", lab.adminToken(), 5000);
        return status < 0 ? "unreachable" : "http " + status;
    }

    @Override public int removeMember(String leader, String victim) {
        return ClusterProbe.admin(node(leader), REMOVE_PATH, "{\"id\":\"" + victim + "\"}", lab.adminToken(), 5000);
    }

    @Override public int addMember(String leader, String member) {
        LabNode m = node(member);
        String body = "{\"id\":\"" + m.id() + "\",\"address\":\"" + m.host() + ":" + m.peerPort() + ":" + m.clientPort() + "\"}";
        return ClusterProbe.admin(node(leader), ADD_PATH, body, lab.adminToken(), 5000);
    }

    // The heal is complete when every node is serving again: a JVM's start-up is not the cluster's recovery.
    @Override public List<String> waitServing() { return ClusterProbe.waitListening(lab.nodes(), 180_000); }

    private LabNode node(String id) {
        return lab.nodes().stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new LabException("no node " + id + " in this lab"));
    }
}
