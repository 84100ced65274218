package raftlab.raft;

/**
 * How a request ended, in the three kinds a linearizability checker needs: it certainly happened,
 * it certainly did not, or it may have.
 */
public sealed interface Outcome {
    /** It happened; {@code value} is the value read or written (canonical JSON text, null when absent). */
    record Ok(String value) implements Outcome {}

    /** A compare-and-set ran and found {@code actual} instead of the expected value (it happened, and changed nothing). */
    record Mismatch(String actual) implements Outcome {}

    /** This server is not the leader and did not append the request; {@code leader} is its best guess, or null. */
    record NotLeader(NodeId leader) implements Outcome {}

    /**
     * A client reused its latest sequence number for a different operation: nothing was applied, and the
     * first request's answer is not this one's (the client API answers 422 {@code request-seq-reused}).
     */
    record SeqReused(String reason) implements Outcome {}

    /** A definite refusal that appended nothing (for example an admin change while another is pending). */
    record Rejected(String reason) implements Outcome {}

    /** The request may or may not take effect: it was appended, but leadership was lost or it timed out. */
    record Unknown(String reason) implements Outcome {}
}
