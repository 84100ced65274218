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
 * answered 500. What clients may cost (connections, buffered bytes, time per request) is bounded by
 * {@link HttpLimits}: a client is hostile until its request is whole.
 */
final class EventLoopHttpServer implements AutoCloseable, Executor {
    interface Handler {
        /** Called on the event loop; answers through {@code response}, now or later. */
        void handle(HttpRequest request, HttpResponse response);
    }

    /** An idle connection this old may be closed to make room for a new one when the node is at its connection limit. */
    private static final long EVICTABLE_IDLE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int FRESH_BUFFER_BYTES = 4096;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final Selector selector;
    private final ServerSocketChannel server;
    private final Handler handler;
    private final Consumer<String> log;
    private final HttpLimits limits;
    private final RequestParser parser;
    /** The capacity of every connection's input buffer together, against {@code limits.nodeBufferBytes()}. */
    private long bufferedBytes;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final Set<Connection> connections = new HashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private volatile boolean running = true;
    private Thread thread;

    EventLoopHttpServer(String host, int port, HttpLimits limits, Handler handler, Consumer<String> log) throws IOException {
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1024);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.handler = handler;
        this.log = log;
        this.limits = limits;
        this.parser = new RequestParser(limits.maxHeadBytes(), limits.maxBodyBytes());
    }

    int port() { return server.socket().getLocalPort(); }

    /**
     * Starts the event loop. A failure of one connection closes that connection; anything that escapes the
     * loop (an Error, such as running out of memory) ends the thread and goes to {@code crash}, which in a
     * node stops the process: a loop that is gone must not leave a port that accepts and never answers.
     */
    void start(Thread.UncaughtExceptionHandler crash) {
        thread = new Thread(this::loop, "http-loop");
        thread.setDaemon(true);
        if (crash != null) thread.setUncaughtExceptionHandler(crash);
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
                    sweep(now);
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
            if (connections.size() >= limits.maxConnections()) {
                Connection victim = longestWaiting(System.nanoTime());
                if (victim != null) victim.close();
            }
            Connection c = new Connection(channel);
            c.key = channel.register(selector, SelectionKey.OP_READ, c);
            connections.add(c);
            if (connections.size() > limits.maxConnections()) {
                c.answerAndClose(503, "too many client connections; retry later", 0);
            }
        }
    }

    /**
     * The connection that has waited longest for a whole request, so that slow or silent clients cannot
     * keep the connection slots from clients with requests: one with a partial request (oldest first
     * byte), or else one idle for a while; null when every connection is busy with a real request.
     */
    private Connection longestWaiting(long now) {
        Connection victim = null;
        long oldest = Long.MAX_VALUE;
        for (Connection c : connections) {
            long since = c.waitingSince(now);
            if (since < oldest) {
                oldest = since;
                victim = c;
            }
        }
        return victim;
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

    /** Closes idle connections and refuses requests past their deadlines. */
    private void sweep(long now) {
        for (Connection c : new ArrayList<>(connections)) c.checkDeadlines(now);
    }

    /** One client connection; touched only by the event loop thread. */
    private final class Connection {
        private final SocketChannel channel;
        private SelectionKey key;
        private byte[] in = new byte[FRESH_BUFFER_BYTES];
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
        /** When the connection was opened or last answered: its idleness is counted from here, not from its last byte. */
        private long lastAnswered = System.nanoTime();
        /** When the first byte of the request being read arrived, or 0 when none is being read. */
        private long requestStarted;
        /** When the head of the request being read was complete, or 0. */
        private long headCompleted;
        /** When this connection was answered for the last time, or 0 while it is not closing. */
        private long closingSince;
        private boolean closed;

        Connection(SocketChannel channel) {
            this.channel = channel;
            bufferedBytes += in.length;
        }

        /** Waiting for a request: not with the handler, nothing to send. */
        private boolean reading() { return !busy && !closeWhenFlushed && out.isEmpty(); }

        /** See {@link #longestWaiting}: the time this connection started waiting, or Long.MAX_VALUE when it is not evictable. */
        long waitingSince(long now) {
            if (closed || !reading()) return Long.MAX_VALUE;
            if (start < end) return requestStarted == 0 ? now : requestStarted;
            return now - lastAnswered > EVICTABLE_IDLE_NANOS ? lastAnswered : Long.MAX_VALUE;
        }

        void checkDeadlines(long now) {
            if (closed) return;
            if (closeWhenFlushed) {
                // Answered and closing, but the client reads neither its answer nor stops sending its oversized body.
                if (closingSince != 0 && now - closingSince > limits.bodyNanos()) close();
            } else if (busy) {
                return; // the node has the request in hand; its own timeout answers it
            } else if (!out.isEmpty()) {
                // An answer the client does not read: TCP holds it back, and the idle limit ends it.
                if (now - lastAnswered > limits.idleNanos()) close();
            } else if (start < end && requestStarted != 0) {
                if (headCompleted == 0 && now - requestStarted > limits.headNanos()) {
                    answerAndClose(408, "the request head did not arrive within " + TimeUnit.NANOSECONDS.toMillis(limits.headNanos()) + " ms", 0);
                } else if (headCompleted != 0 && now - headCompleted > limits.bodyNanos()) {
                    answerAndClose(408, "the request body did not arrive within " + TimeUnit.NANOSECONDS.toMillis(limits.bodyNanos()) + " ms", 0);
                }
            } else if (now - lastAnswered > limits.idleNanos()) {
                close();
            }
        }

        void read() throws IOException {
            readBuffer.clear();
            int n = channel.read(readBuffer);
            if (n < 0) {
                close();
                return;
            }
            readBuffer.flip();
            if (discard > 0) {
                discard -= readBuffer.remaining();
                if (discard <= 0 && out.isEmpty()) close();
                return;
            }
            if (append(readBuffer)) parse();
        }

        /** Buffers the bytes read; false (and the connection answered and closing) when the node cannot afford them. */
        private boolean append(ByteBuffer bytes) {
            int n = bytes.remaining();
            if (start == end && requestStarted == 0) requestStarted = System.nanoTime();
            if (end + n > in.length) {
                if (start > 0) {
                    System.arraycopy(in, start, in, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end + n > in.length) {
                    // The parser refuses any request that needs more; this only guards against a mistake in it.
                    long perConnection = limits.maxHeadBytes() + 2L * limits.maxBodyBytes() + 2L * RequestParser.MAX_CHUNK_LINE_BYTES + readBuffer.capacity();
                    int capacity = (int) Math.min(perConnection, Math.max(in.length * 2L, (long) end + n));
                    if (end + n > capacity) {
                        answerAndClose(413, "the request is larger than this server takes", 0);
                        return false;
                    }
                    if (bufferedBytes + capacity - in.length > limits.nodeBufferBytes()) {
                        answerAndClose(503, "the node holds too many unfinished requests; retry later", 0);
                        return false;
                    }
                    resize(capacity);
                }
            }
            bytes.get(in, end, n);
            end += n;
            return true;
        }

        private void resize(int capacity) {
            bufferedBytes += capacity - in.length;
            in = Arrays.copyOf(in, capacity);
        }

        private void parse() {
            // An answer given inside handle() lands here again; the loop below goes on with the next request.
            if (parsing) return;
            parsing = true;
            try {
                while (!closed && !closeWhenFlushed && !busy && out.isEmpty() && start < end) {
                    RequestParser.Result result = parser.parse(in, start, end);
                    if (requestStarted == 0) requestStarted = System.nanoTime();
                    if (result instanceof RequestParser.NeedMore more) {
                        if (more.headComplete() && headCompleted == 0) headCompleted = System.nanoTime();
                        if (more.expectsContinue() && !continueSent) {
                            continueSent = true;
                            write(CONTINUE);
                        }
                        break;
                    } else if (result instanceof RequestParser.Parsed p) {
                        start += p.consumed();
                        requestStarted = 0;
                        headCompleted = 0;
                        if (start == end) {
                            start = 0;
                            end = 0;
                            // A large body grew the buffer; do not keep that memory for an idle connection.
                            if (in.length > 64 * 1024) {
                                bufferedBytes -= in.length - FRESH_BUFFER_BYTES;
                                in = new byte[FRESH_BUFFER_BYTES];
                            }
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
            lastAnswered = System.nanoTime();
            if (!keepAlive) {
                closeWhenFlushed = true;
                closingSince = lastAnswered;
            }
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
            bufferedBytes -= in.length;
            in = null;
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
