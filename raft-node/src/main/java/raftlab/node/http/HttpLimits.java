package raftlab.node.http;

import java.util.concurrent.TimeUnit;

/**
 * What one client may cost the node. Every byte a client sends is buffered until its request is
 * whole, so bytes are bounded per connection (by the head and body limits) and for the whole node
 * (by {@code nodeBufferBytes}); and every stage of a request has a deadline, so that a client that
 * trickles bytes holds a connection for seconds, not for as long as it likes.
 *
 * @param maxConnections   connections served at once; a new one past this evicts the connection
 *                         that has waited longest without sending a whole request, or is refused 503
 * @param maxHeadBytes     request line and headers (431 beyond)
 * @param maxBodyBytes     a body, after chunked decoding (413 beyond)
 * @param nodeBufferBytes  every connection's buffered request bytes together (503 and close beyond)
 * @param headNanos        from a request's first byte until its head is whole (408 and close after)
 * @param bodyNanos        from the end of the head until the body is whole (408 and close after)
 * @param idleNanos        a connection with no request in hand closes after this long; bytes of an
 *                         unfinished request do not count as activity (the deadlines above cover those)
 */
record HttpLimits(int maxConnections, int maxHeadBytes, int maxBodyBytes, long nodeBufferBytes,
                  long headNanos, long bodyNanos, long idleNanos) {
    static final int MAX_HEAD_BYTES = 16 * 1024;
    /** Bodies are small JSON objects; a megabyte is already suspicious. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    HttpLimits {
        if (maxConnections < 1) throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        if (nodeBufferBytes < 2L * (maxHeadBytes + maxBodyBytes)) {
            throw new IllegalArgumentException("nodeBufferBytes " + nodeBufferBytes + " cannot hold even one largest request");
        }
    }

    /**
     * The node's limits: a quarter of the heap (at most 256 MiB) for buffered requests, so that no mix of
     * clients can run the event loop out of memory; 5 s for a head, 10 s for a body, a minute of idleness.
     */
    static HttpLimits forNode(int maxConnections) {
        long quarterHeap = Runtime.getRuntime().maxMemory() / 4;
        long budget = Math.max(4L * (MAX_HEAD_BYTES + MAX_BODY_BYTES), Math.min(256L << 20, quarterHeap));
        return new HttpLimits(maxConnections, MAX_HEAD_BYTES, MAX_BODY_BYTES, budget,
                TimeUnit.SECONDS.toNanos(5), TimeUnit.SECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(60));
    }
}
