package raftlab.harness.client;

import raftlab.harness.generator.OpSpec;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * The one mapping from what a node answered to what the history records, as docs/design.md's client API
 * says: 200 ok; 409 a compare-and-set that ran and found another value (fail, {@code :mismatch});
 * 503 not appended anywhere (fail); 504 appended, fate unknown (info); 400/404/413/431/422 bad input
 * (fail); anything else, such as 500, unknown (info). Both the network client and the simulator's
 * client use it, so an answer means the same in every lab. A 307 is not an answer: clients follow it.
 *
 * <p>A 401 says the node refused the client token, which means the lab and the harness disagree on
 * it: a broken lab, not a property of the cluster. It is recorded as info with its own error,
 * {@code client-token-refused}, never as a fail, so that a run whose every request was refused cannot
 * pass for a run of failed operations; its liveness probe fails and names the error.
 */
public final class Answers {
    private Answers() {}

    /** Redirects a client follows before it gives up: only a leader appends, and a leader answers itself. */
    public static final int MAX_REDIRECTS = 3;

    /** The error of an operation the node answered 401: it refused the lab's client token. */
    public static final String CLIENT_TOKEN_REFUSED = "client-token-refused";

    /** A node answered {@code status} (not 307); {@code read} is the value of a 200 read (null when absent). */
    public static Completion answered(OpSpec op, int status, Object read, String node) {
        return switch (outcome(status)) {
            case OK -> new Completion(OpType.OK, op.f().equals("read") ? op.recordedRead(read) : op.value(), null, node);
            case FAIL -> fail(op, switch (status) {
                case 409 -> op.f().equals("cas") ? "mismatch" : "conflict";
                case 503 -> "unavailable";
                case 422 -> "request-seq-reused";
                default -> "http-" + status;
            }, node);
            case INFO -> info(op, switch (status) {
                case 504 -> "timeout";
                case 401 -> CLIENT_TOKEN_REFUSED;
                default -> "http-" + status;
            }, node);
            case INVOKE -> throw new IllegalArgumentException("an answer is never an invocation");
        };
    }

    /** What a status (not 307) says happened; {@code raftlab lab kv} uses it too, so a person reads what the history records. */
    public static OpType outcome(int status) {
        return switch (status) {
            case 200 -> OpType.OK;
            case 409, 503, 422, 400, 404, 413, 431 -> OpType.FAIL;
            // 504, 500 and anything the contract does not name: the node may have done it.
            default -> OpType.INFO;
        };
    }

    /** No node received the request (connection refused everywhere tried): it certainly did not happen. */
    public static Completion notSent(OpSpec op) { return fail(op, "connect", Op.NO_NODE); }

    /** Sent, and no answer came within the client's timeout. */
    public static Completion noAnswer(OpSpec op) { return info(op, "timeout", Op.NO_NODE); }

    /** Sent, and the connection was lost before an answer. */
    public static Completion connectionLost(OpSpec op) { return info(op, "connection-lost", Op.NO_NODE); }

    /** A 200 read whose body held no value: the read may have happened, but what it saw is unknown. */
    public static Completion badReadBody(OpSpec op, String node) { return info(op, "bad-read-body", node); }

    /** Redirected more than {@link #MAX_REDIRECTS} times, or to nowhere: no node appended it. */
    public static Completion redirectedAway(OpSpec op, String error, String node) { return fail(op, error, node); }

    private static Completion fail(OpSpec op, String error, String node) { return new Completion(OpType.FAIL, op.value(), error, node); }

    private static Completion info(OpSpec op, String error, String node) { return new Completion(OpType.INFO, op.value(), error, node); }
}
