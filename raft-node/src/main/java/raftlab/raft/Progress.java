package raftlab.raft;

/**
 * What a leader knows about one follower's log. Invariant: {@code 0 <= match < next}.
 *
 * <p>PROBE: one AppendEntries at a time until the follower's log end is found. REPLICATE: up to
 * {@code maxInflightAppends} AppendEntries in flight, {@code next} advanced optimistically.
 * SNAPSHOT: the follower needs entries we compacted, so a snapshot is sent chunk by chunk.
 */
final class Progress {
    enum State { PROBE, REPLICATE, SNAPSHOT }

    final NodeId id;
    long match;
    long next;
    State state = State.PROBE;
    /** In PROBE: an AppendEntries is out and unanswered (cleared by a response or a heartbeat). */
    boolean probeSent;
    /** In REPLICATE: the last index of each AppendEntries in flight, oldest first (a ring buffer). */
    private final long[] inflight;
    private int inflightStart;
    private int inflightCount;
    /** Heartbeat intervals that passed with appends in flight and no acknowledgement of any. */
    int stalledHeartbeats;
    /** Heard from this follower in the current CheckQuorum window. */
    boolean recentActive;
    /** {@code node.readContext} when {@code match} last rose: an append sent in a later round was sent after we knew of it. */
    long matchKnownAt;
    /**
     * Not 0 while the follower rejoins after losing entries it had acknowledged: it does not count toward commitment,
     * and every append tells it this index, until it reports that its log matches ours up to it.
     */
    long rejoinIndex;
    /** The follower's own rejoin index was not 0 in its latest response. */
    boolean followerRejoining;
    /** The highest read context this follower has echoed in the current term. */
    long ackedReadContext;
    /** In SNAPSHOT: the snapshot being sent and how far the follower has it. */
    Snapshot sendingSnapshot;
    long snapshotOffset;
    boolean chunkInFlight;

    Progress(NodeId id, long next, int maxInflight) {
        this.id = id;
        this.next = next;
        this.inflight = new long[Math.max(1, maxInflight)];
    }

    void becomeProbe(long newNext) {
        state = State.PROBE;
        next = Math.max(match + 1, newNext);
        probeSent = false;
        clearInflight();
        sendingSnapshot = null;
    }

    void becomeReplicate() {
        state = State.REPLICATE;
        next = match + 1;
        clearInflight();
        sendingSnapshot = null;
    }

    void becomeSnapshot(Snapshot snapshot) {
        state = State.SNAPSHOT;
        clearInflight();
        sendingSnapshot = snapshot;
        snapshotOffset = 0;
        chunkInFlight = false;
    }

    boolean inflightFull() { return inflightCount == inflight.length; }

    boolean hasInflight() { return inflightCount > 0; }

    void addInflight(long lastIndex) {
        if (inflightFull()) throw new IllegalStateException("more than " + inflight.length + " appends in flight to " + id);
        inflight[(inflightStart + inflightCount) % inflight.length] = lastIndex;
        inflightCount++;
    }

    /** Forgets the appends acknowledged up to {@code index}. */
    void freeInflightTo(long index) {
        while (inflightCount > 0 && inflight[inflightStart] <= index) {
            inflightStart = (inflightStart + 1) % inflight.length;
            inflightCount--;
        }
    }

    void clearInflight() {
        inflightStart = 0;
        inflightCount = 0;
        stalledHeartbeats = 0;
    }
}
