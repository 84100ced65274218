package raftlab.node.http;

import java.io.IOException;
import java.util.function.Consumer;
import raftlab.node.metrics.NodeMetrics;

/**
 * The client API on its own port. Each connection has a thread that waits for the node loop's
 * answer to its request; {@code maxConnections} bounds the requests in flight.
 */
public final class ClientHttpServer implements AutoCloseable {
    private final BlockingHttpServer server;

    public ClientHttpServer(String host, int port, int maxConnections, NodeApi node, NodeMetrics metrics, Consumer<String> log) throws IOException {
        server = new BlockingHttpServer(host, port, maxConnections, Exchange.MAX_BODY_BYTES, new ClientApiHandler(node, metrics, log), log);
    }

    public void start() { server.start(); }

    public int port() { return server.port(); }

    @Override public void close() { server.close(); }
}
