package raftlab.node.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An HTTP/1.1 server on one event-loop thread. Clients keep their connections alive and wait for
 * each answer while the node loop replicates and fsyncs, so a thread per connection is woken twice
 * per request; here one wake-up reads every ready connection, and one covers every answer queued
 * before the loop looks (a commit batch completes many at once). Handlers must not block: they
 * answer at once or later, from any thread, through {@link HttpResponse}; one that throws is
 * answered 500. Connections beyond {@code maxConnections} are answered 503 and closed; idle ones
 * close after a minute.
 */
final class EventLoopHttpServer implements AutoCloseable, Executor {
    interface Handler {
        /** Called on the event loop; answers through {@code response}, now or later. */
        void handle(HttpRequest request, HttpResponse response);
    }

    static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final Selector selector;
    private final ServerSocketChannel server;
    private final Handler handler;
    private final Consumer<String> log;
    private final int maxConnections;
    private final RequestParser parser;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final Set<Connection> connections = new HashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private volatile boolean running = true;
    private Thread thread;

    EventLoopHttpServer(String host, int port, int maxConnections, int maxBodyBytes, Handler handler, Consumer<String> log) throws IOException {
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1024);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.handler = handler;
        this.log = log;
        this.maxConnections = maxConnections;
        this.parser = new RequestParser(MAX_HEAD_BYTES, maxBodyBytes);
    }

    int port() { return server.socket().getLocalPort(); }

    void start() {
        thread = new Thread(this::loop, "http-loop");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code task} on the event loop; one wake-up covers every task queued before the loop looks. */
    @Override public void execute(Runnable task) {
        tasks.add(task);
        if (Thread.currentThread() != thread && !wakeupPending.getAndSet(true)) selector.wakeup();
    }

    private void loop() {
        long nextSweep = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (running) {
            try {
                // A task queued by this thread itself (an outcome that was ready before its callback was attached)
                // has no wake-up behind it: look at the sockets without waiting, then run it.
                if (tasks.isEmpty()) selector.select(1000);
                else selector.selectNow();
                // Cleared before the queue is drained, so a task queued after the drain always wakes the next select.
                wakeupPending.set(false);
                runTasks();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) continue;
                    if (key.isAcceptable()) accept();
                    else ready((Connection) key.attachment(), key);
                }
                long now = System.nanoTime();
                if (now >= nextSweep) {
                    closeIdle(now);
                    nextSweep = now + TimeUnit.SECONDS.toNanos(1);
                }
            } catch (IOException | RuntimeException e) {
                if (running) log.accept("http: the event loop hit " + e + "; it goes on");
            }
        }
        for (Connection c : new ArrayList<>(connections)) c.close();
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.accept("http: an answer failed (" + e + ")");
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Connection c = new Connection(channel);
            c.key = channel.register(selector, SelectionKey.OP_READ, c);
            connections.add(c);
            if (connections.size() > maxConnections) {
                c.answerAndClose(503, "too many client connections; retry later", 0);
            }
        }
    }

    private void ready(Connection c, SelectionKey key) {
        try {
            if (key.isWritable()) c.flush();
            if (key.isValid() && key.isReadable()) c.read();
        } catch (IOException e) {
            c.close(); // the client went away
        } catch (RuntimeException e) {
            log.accept("http: a connection failed (" + e + ")");
            c.close();
        }
    }

    private void closeIdle(long now) {
        for (Connection c : new ArrayList<>(connections)) if (!c.busy && now - c.lastActive > IDLE_NANOS) c.close();
    }

    /** One client connection; touched only by the event loop thread. */
    private final class Connection {
        private final SocketChannel channel;
        private SelectionKey key;
        private byte[] in = new byte[4096];
        private int start;
        private int end;
        private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
        /** A request is with the handler; later bytes wait, so that answers leave in request order. */
        private boolean busy;
        private boolean continueSent;
        private boolean closeWhenFlushed;
        private boolean parsing;
        /** Bytes of an oversized body still to read and drop before closing. */
        private long discard;
        private long lastActive = System.nanoTime();
        private boolean closed;

        Connection(SocketChannel channel) { this.channel = channel; }

        void read() throws IOException {
            readBuffer.clear();
            int n = channel.read(readBuffer);
            if (n < 0) {
                close();
                return;
            }
            lastActive = System.nanoTime();
            readBuffer.flip();
            if (discard > 0) {
                discard -= readBuffer.remaining();
                if (discard <= 0 && out.isEmpty()) close();
                return;
            }
            append(readBuffer);
            parse();
        }

        private void append(ByteBuffer bytes) {
            int n = bytes.remaining();
            if (end + n > in.length) {
                if (start > 0) {
                    System.arraycopy(in, start, in, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end + n > in.length) in = Arrays.copyOf(in, Math.max(in.length * 2, end + n));
            }
            bytes.get(in, end, n);
            end += n;
        }

        private void parse() {
            // An answer given inside handle() lands here again; the loop below goes on with the next request.
            if (parsing) return;
            parsing = true;
            try {
                while (!closed && !closeWhenFlushed && !busy && out.isEmpty() && start < end) {
                    RequestParser.Result result = parser.parse(in, start, end);
                    if (result instanceof RequestParser.NeedMore more) {
                        if (more.expectsContinue() && !continueSent) {
                            continueSent = true;
                            write(CONTINUE);
                        }
                        break;
                    } else if (result instanceof RequestParser.Parsed p) {
                        start += p.consumed();
                        if (start == end) {
                            start = 0;
                            end = 0;
                            // A large body grew the buffer; do not keep that memory for an idle connection.
                            if (in.length > 64 * 1024) in = new byte[4096];
                        }
                        continueSent = false;
                        busy = true;
                        HttpResponse response = new HttpResponse(this::answered, EventLoopHttpServer.this, p.keepAlive());
                        try {
                            handler.handle(p.request(), response);
                        } catch (RuntimeException e) {
                            Exchange.internalError(p.request(), response, e, log);
                        }
                    } else if (result instanceof RequestParser.Refused r) {
                        answerAndClose(r.status(), r.message(), r.discard());
                    }
                }
            } finally {
                parsing = false;
            }
            interest();
        }

        /**
         * Reads only while no request is with the handler and no answer waits to leave, so that a client
         * that sends without reading its answers is held back by TCP instead of filling this node's memory;
         * after a refusal, reads only to drop the rest of an oversized body.
         */
        private void interest() {
            if (closed) return;
            boolean reading = closeWhenFlushed ? discard > 0 : !busy && out.isEmpty();
            key.interestOps((reading ? SelectionKey.OP_READ : 0) | (out.isEmpty() ? 0 : SelectionKey.OP_WRITE));
        }

        void answerAndClose(int status, String message, long discardBytes) {
            discard = discardBytes;
            busy = true;
            Exchange.error(new HttpResponse(this::answered, EventLoopHttpServer.this, false), status, message, null);
        }

        /** The answer to the request in hand, from any thread. */
        private void answered(byte[] bytes, boolean keepAlive) {
            if (Thread.currentThread() != thread) {
                execute(() -> answered(bytes, keepAlive));
                return;
            }
            if (closed) return;
            lastActive = System.nanoTime();
            if (!keepAlive) closeWhenFlushed = true;
            busy = false;
            write(bytes);
        }

        private void write(byte[] bytes) {
            out.add(ByteBuffer.wrap(bytes));
            try {
                flush();
            } catch (IOException e) {
                close();
            }
        }

        /** Writes what the socket takes; once every answer is out, the connection closes or goes on with the next request. */
        void flush() throws IOException {
            while (!out.isEmpty()) {
                ByteBuffer head = out.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    interest();
                    return;
                }
                out.poll();
            }
            if (closeWhenFlushed && discard <= 0) close();
            else parse();
        }

        void close() {
            if (closed) return;
            closed = true;
            connections.remove(this);
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override public void close() {
        running = false;
        selector.wakeup();
        try {
            if (thread != null) thread.join(2000);
            server.close();
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
