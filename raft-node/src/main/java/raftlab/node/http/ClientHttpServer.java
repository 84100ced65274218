package raftlab.node.http;

import java.io.IOException;
import java.util.function.Consumer;
import raftlab.node.metrics.NodeMetrics;

/**
 * The client API on its own port, served by one event-loop thread; {@code maxConnections} bounds the
 * connections, and so the requests in flight (one per connection at a time).
 */
public final class ClientHttpServer implements AutoCloseable {
    private final EventLoopHttpServer server;

    public ClientHttpServer(String host, int port, int maxConnections, NodeApi node, NodeMetrics metrics, Consumer<String> log) throws IOException {
        server = new EventLoopHttpServer(host, port, HttpLimits.forNode(maxConnections), new ClientApiHandler(node, metrics, log), log);
    }

    public void start() { server.start(null); }

    /** Starts serving; {@code crash} is told if the event loop thread dies (null: the JVM's default handler). */
    public void start(Thread.UncaughtExceptionHandler crash) { server.start(crash); }

    public int port() { return server.port(); }

    @Override public void close() { server.close(); }
}
