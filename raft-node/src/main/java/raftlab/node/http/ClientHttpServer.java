package raftlab.node.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import raftlab.node.metrics.NodeMetrics;

/**
 * The client API on its own port: the JDK's HTTP server with a pool of threads, each of which waits
 * for the node loop's answer to its request (so the pool bounds the requests in flight).
 */
public final class ClientHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;

    public ClientHttpServer(String host, int port, int threads, NodeApi node, NodeMetrics metrics, Consumer<String> log) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 1024);
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", new ClientApiHandler(node, metrics, log));
    }

    public void start() { server.start(); }

    public int port() { return server.getAddress().getPort(); }

    @Override public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
