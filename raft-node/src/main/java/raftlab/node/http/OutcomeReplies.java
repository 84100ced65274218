package raftlab.node.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import raftlab.node.transport.PeerAddress;
import raftlab.raft.Outcome;

/**
 * Turns an outcome into the contract's status codes: 200 it happened, 409 a compare-and-set ran and
 * found another value, 307 ask the leader, 422 a sequence number reused for another request (nothing
 * applied), 503 certainly not appended, 504 may or may not happen.
 */
final class OutcomeReplies {
    private OutcomeReplies() {}

    /**
     * Answers once {@code reply} completes, or with 504 when the request timeout passes first, on the
     * connection's thread; then hands the result class (for metrics) to {@code answered}. A failure to
     * answer is logged and answered 500, so that no client waits for an answer that will not come.
     */
    static void answer(HttpRequest request, HttpResponse exchange, NodeApi node, CompletableFuture<Outcome> reply, boolean admin,
                       Consumer<String> answered, Consumer<String> log) {
        if (reply == null) {
            String why = node.stoppedBecause();
            Exchange.error(exchange, 503, why != null ? "this node stopped serving: " + why
                    : "the node is overloaded and did not take the request; retry later", leaderOf(node));
            answered.accept("unavailable");
            return;
        }
        reply.orTimeout(node.requestTimeoutMillis(), TimeUnit.MILLISECONDS).whenCompleteAsync((outcome, failure) -> {
            String result;
            try {
                result = failure == null ? answer(request, exchange, node, outcome, admin) : failed(exchange, node, failure);
            } catch (RuntimeException e) {
                // Thrown here it would only fail the future that whenCompleteAsync returns, which nobody reads.
                Exchange.internalError(request, exchange, e, log);
                result = "error";
            }
            answered.accept(result);
        }, exchange.connectionThread());
    }

    private static String failed(HttpResponse exchange, NodeApi node, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            Exchange.error(exchange, 504, "timed out waiting for the outcome; the operation may or may not take effect", leaderOf(node));
            return "timeout";
        }
        Exchange.error(exchange, 504, "the node failed while waiting for the outcome; the operation may or may not take effect", null);
        return "timeout";
    }

    private static String answer(HttpRequest request, HttpResponse exchange, NodeApi node, Outcome outcome, boolean admin) {
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
        } else if (outcome instanceof Outcome.SeqReused r) {
            Exchange.json(exchange, 422, "{\"error\":\"request-seq-reused\",\"reason\":" + JsonValues.quote(r.reason())
                    + ",\"leader\":" + JsonValues.quote(leaderOf(node)) + "}");
            return "seq-reused";
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
