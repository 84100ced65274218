package raftlab.node.http;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import raftlab.node.transport.PeerAddress;
import raftlab.raft.Outcome;

/**
 * Turns an outcome into the contract's status codes: 200 it happened, 409 a compare-and-set ran and
 * found another value, 307 ask the leader, 503 certainly not appended, 504 may or may not happen.
 */
final class OutcomeReplies {
    private OutcomeReplies() {}

    /** Waits for {@code reply} and answers; returns the result class for metrics. */
    static String answer(HttpRequest request, HttpResponse exchange, NodeApi node, CompletableFuture<Outcome> reply, boolean admin) throws IOException {
        if (reply == null) {
            String why = node.stoppedBecause();
            Exchange.error(exchange, 503, why != null ? "this node stopped serving: " + why
                    : "the node is overloaded and did not take the request; retry later", leaderOf(node));
            return "unavailable";
        }
        Outcome outcome;
        try {
            outcome = reply.get(node.requestTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Exchange.error(exchange, 504, "timed out waiting for the outcome; the operation may or may not take effect", leaderOf(node));
            return "timeout";
        } catch (InterruptedException | ExecutionException e) {
            Exchange.error(exchange, 504, "the node failed while waiting for the outcome; the operation may or may not take effect", null);
            return "timeout";
        }
        if (outcome instanceof Outcome.Ok ok) {
            Exchange.json(exchange, 200, admin ? "{\"ok\":true}" : "{\"value\":" + (ok.value() == null ? "null" : ok.value()) + "}");
            return "ok";
        } else if (outcome instanceof Outcome.Mismatch m) {
            String actual = m.actual() == null ? "null" : m.actual();
            Exchange.json(exchange, 409, "{\"error\":\"compare-and-set found another value\",\"actual\":" + actual + ",\"value\":" + actual + "}");
            return "mismatch";
        } else if (outcome instanceof Outcome.NotLeader n) {
            PeerAddress leader = n.leader() == null ? null : node.address(n.leader().value());
            if (leader == null) {
                Exchange.error(exchange, 503, "no leader is known and the request was not appended; retry later",
                        n.leader() == null ? null : n.leader().value());
                return "no-leader";
            }
            String query = request.rawQuery();
            exchange.header("Location", leader.clientUrl() + request.rawPath() + (query == null ? "" : "?" + query));
            exchange.header("Raft-Leader", leader.id());
            Exchange.error(exchange, 307, "this node is not the leader; ask " + leader.id(), leader.id());
            return "redirect";
        } else if (outcome instanceof Outcome.Rejected r) {
            Exchange.error(exchange, admin ? 409 : 503, r.reason(), leaderOf(node));
            return "rejected";
        } else if (outcome instanceof Outcome.Unknown u) {
            Exchange.error(exchange, 504, u.reason() + "; the operation may or may not take effect", leaderOf(node));
            return "unknown";
        }
        throw new IllegalStateException("unhandled outcome " + outcome);
    }

    private static String leaderOf(NodeApi node) {
        var status = node.status();
        return status == null || status.leader() == null ? null : status.leader().value();
    }
}
