package raftlab.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event loop over real loopback sockets: order, partial reads, limits and closing. */
class EventLoopHttpServerTest {
    private EventLoopHttpServer server;
    private final CompletableFuture<String> crashed = new CompletableFuture<>();

    /** Three connections, 1000-byte bodies, and deadlines long enough that only the tests of deadlines meet them. */
    private static final HttpLimits LIMITS = new HttpLimits(3, 1024, 1000, 64 * 1024,
            TimeUnit.SECONDS.toNanos(30), TimeUnit.SECONDS.toNanos(30), TimeUnit.SECONDS.toNanos(60));

    @BeforeEach void start() throws IOException { start(LIMITS); }

    private void start(HttpLimits limits) throws IOException {
        if (server != null) server.close();
        // "/slow" answers 50 ms later from another thread, as the node loop does; the rest at once.
        server = new EventLoopHttpServer("127.0.0.1", 0, limits, (request, response) -> {
            String echo = request.method() + " " + request.rawPath() + " " + new String(request.body(), StandardCharsets.UTF_8);
            if (request.rawPath().equals("/ready")) {
                // An outcome complete before its callback is attached: the callback is queued by the loop itself.
                CompletableFuture.completedFuture(echo).whenCompleteAsync((text, e) -> response.send(200, "text/plain", text), response.connectionThread());
            } else if (request.rawPath().equals("/oom")) {
                throw new OutOfMemoryError("simulated");
            } else if (request.rawPath().equals("/slow")) {
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS).execute(() -> response.send(200, "text/plain", echo));
            } else {
                response.send(200, "text/plain", echo);
            }
        }, line -> { });
        server.start((thread, failure) -> crashed.complete(thread.getName() + ": " + failure.getMessage()));
    }

    @AfterEach void stop() { server.close(); }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(5000);
        return s;
    }

    /** Reads one answer (head and Content-Length body) and returns it as text. */
    private static String answer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) throw new IOException("closed after " + head);
            head.write(c);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test void pipelinedRequestsAreAnsweredInOrderEvenWhenTheFirstIsSlow() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write("GET /slow HTTP/1.1\r\n\r\nPUT /fast HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            // The rest arrives while the first is still with the handler.
            Thread.sleep(10);
            s.getOutputStream().write("Content-Length: 2\r\n\r\nhiGET /third HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            assertTrue(answer(in).endsWith("GET /slow "));
            assertTrue(answer(in).endsWith("PUT /fast hi"));
            assertTrue(answer(in).endsWith("GET /third "));
        }
    }

    @Test void anAnswerQueuedByTheLoopItselfLeavesWithoutWaitingForOtherTraffic() throws IOException {
        try (Socket s = connect()) {
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                s.getOutputStream().write("GET /ready HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                assertTrue(answer(s.getInputStream()).endsWith("GET /ready "));
            }
            // Each would wait for the loop's one-second select timeout if nothing woke it: 20 s in all.
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 5000, "20 answers took " + millis + " ms");
        }
    }

    @Test void aClientThatNeverReadsItsAnswersIsHeldBackByTcp() throws Exception {
        byte[] requests = "GET /x HTTP/1.1\r\n\r\n".repeat(10_000).getBytes(StandardCharsets.ISO_8859_1);
        long limit = 64L << 20;
        AtomicLong written = new AtomicLong();
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(64 * 1024);
            s.connect(new InetSocketAddress("127.0.0.1", server.port()));
            Thread writer = new Thread(() -> {
                try {
                    while (written.get() < limit) {
                        s.getOutputStream().write(requests);
                        written.addAndGet(requests.length);
                    }
                } catch (IOException closed) {
                    // the test closed the socket
                }
            });
            writer.setDaemon(true);
            writer.start();
            long last = -1;
            for (int i = 0; i < 100 && written.get() != last; i++) {
                last = written.get();
                Thread.sleep(200);
            }
            // Without back-pressure the server reads on and queues every answer: all 64 MiB go through.
            assertTrue(written.get() < limit, "the client wrote " + written.get() + " bytes unread");
        }
    }

    @Test void aRequestArrivingByteByByteIsAnswered() throws Exception {
        try (Socket s = connect()) {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            for (byte b : "PUT /drip HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc".getBytes(StandardCharsets.ISO_8859_1)) {
                out.write(b);
                out.flush();
                Thread.sleep(1);
            }
            assertTrue(answer(s.getInputStream()).endsWith("PUT /drip abc"));
        }
    }

    @Test void expectContinueGetsA100BeforeTheBodyIsSent() throws IOException {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write("PUT /c HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", new String(in.readNBytes(25), StandardCharsets.ISO_8859_1));
            out.write("ok".getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(answer(in).endsWith("PUT /c ok"));
        }
    }

    @Test void anOversizedBodyGetsA413ThatTheClientCanRead() throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write(("PUT /big HTTP/1.1\r\nContent-Length: 5000\r\n\r\n" + "x".repeat(5000)).getBytes(StandardCharsets.ISO_8859_1));
            String a = answer(s.getInputStream());
            assertTrue(a.startsWith("HTTP/1.1 413 ") && a.contains("Connection: close"), a);
            assertEquals(-1, s.getInputStream().read());
        }
    }

    @Test void connectionCloseAndConnectionsBeyondTheLimit() throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write("GET /once HTTP/1.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(answer(s.getInputStream()).endsWith("GET /once "));
            assertEquals(-1, s.getInputStream().read());
        }
        try (Socket a = connect(); Socket b = connect(); Socket c = connect(); Socket d = connect()) {
            // The fourth of three allowed connections is told so and closed; the others still serve.
            assertTrue(answer(d.getInputStream()).startsWith("HTTP/1.1 503 "));
            a.getOutputStream().write("GET /still HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(answer(a.getInputStream()).endsWith("GET /still "));
        }
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    @Test void aHeadTrickledByteByByteIsRefusedAtItsDeadlineThoughBytesKeepComing() throws Exception {
        start(new HttpLimits(3, 1024, 1000, 64 * 1024, TimeUnit.MILLISECONDS.toNanos(1500), TimeUnit.SECONDS.toNanos(30), TimeUnit.SECONDS.toNanos(60)));
        try (Socket s = connect()) {
            s.setSoTimeout(200);
            long start = System.nanoTime();
            String answer = null;
            // One header byte every 100 ms: each would reset an idle timer, and the head never ends.
            for (int i = 0; answer == null && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30); i++) {
                send(s, i == 0 ? "GET /slowloris HTTP/1.1\r\nX: " : "y");
                try {
                    answer = answer(s.getInputStream());
                } catch (java.net.SocketTimeoutException stillWaiting) {
                    // the head deadline has not passed yet
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(answer != null && answer.startsWith("HTTP/1.1 408 "), "after " + millis + " ms: " + answer);
            assertTrue(millis >= 1400, "refused after only " + millis + " ms");
        }
    }

    @Test void aBodyThatStopsHalfWayIsRefusedAtItsDeadline() throws Exception {
        start(new HttpLimits(3, 1024, 1000, 64 * 1024, TimeUnit.SECONDS.toNanos(30), TimeUnit.MILLISECONDS.toNanos(1500), TimeUnit.SECONDS.toNanos(60)));
        try (Socket s = connect()) {
            s.setSoTimeout(30_000);
            send(s, "PUT /half HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
            assertTrue(answer(s.getInputStream()).startsWith("HTTP/1.1 408 "));
            assertEquals(-1, s.getInputStream().read());
        }
    }

    @Test void aNewClientAtTheConnectionLimitTakesTheSlotOfTheLongestStalledOne() throws Exception {
        try (Socket a = connect(); Socket b = connect(); Socket c = connect()) {
            // Apart in time, so that the server reads them in separate wake-ups and knows which stalled first.
            send(a, "GET /stalled HTTP/1.1\r\nX: ");
            Thread.sleep(100);
            send(b, "GET /stalled-too HTTP/1.1\r\nX: ");
            Thread.sleep(100);
            send(c, "GET /also HTTP/1.1\r\nX: ");
            Thread.sleep(100);
            try (Socket d = connect()) {
                send(d, "GET /health HTTP/1.1\r\n\r\n");
                assertTrue(answer(d.getInputStream()).endsWith("GET /health "));
            }
            // The first to stall lost its slot; the others are still waiting for the rest of their heads.
            a.setSoTimeout(5000);
            assertEquals(-1, a.getInputStream().read());
            send(c, "z\r\n\r\n");
            assertTrue(answer(c.getInputStream()).endsWith("GET /also "));
        }
    }

    @Test void unfinishedBodiesBeyondTheNodeBudgetAreRefusedAndTheServerGoesOn() throws Exception {
        // Room for about four half-sent 10 kB bodies; twenty clients try.
        start(new HttpLimits(40, 1024, 10_000, 48 * 1024, TimeUnit.SECONDS.toNanos(30), TimeUnit.SECONDS.toNanos(30), TimeUnit.SECONDS.toNanos(60)));
        java.util.List<Socket> sockets = new java.util.ArrayList<>();
        try {
            int refused = 0;
            for (int i = 0; i < 20; i++) {
                Socket s = connect();
                sockets.add(s);
                send(s, "PUT /big HTTP/1.1\r\nContent-Length: 10000\r\n\r\n" + "x".repeat(9000));
            }
            for (Socket s : sockets) {
                s.setSoTimeout(300);
                try {
                    String a = answer(s.getInputStream());
                    assertTrue(a.startsWith("HTTP/1.1 503 "), a);
                    refused++;
                } catch (java.net.SocketTimeoutException stillBuffered) {
                    // this one fitted in the budget
                }
            }
            assertTrue(refused >= 10, "only " + refused + " of 20 unfinished bodies were refused");
            try (Socket health = connect()) {
                send(health, "GET /health HTTP/1.1\r\n\r\n");
                assertTrue(answer(health.getInputStream()).endsWith("GET /health "));
            }
        } finally {
            for (Socket s : sockets) s.close();
        }
    }

    @Test void anErrorThatEscapesTheLoopReachesTheCrashHandlerInsteadOfLeavingADeadPort() throws Exception {
        try (Socket s = connect()) {
            send(s, "GET /oom HTTP/1.1\r\n\r\n");
            assertEquals("http-loop: simulated", crashed.get(10, TimeUnit.SECONDS));
        }
    }

    @Test void aClientThatNeverReadsItsAnswersIsClosedWhenIdle() throws Exception {
        // Head and body deadlines far beyond the wait below, and a buffer budget larger than one read of the requests
        // (64 KiB), so that only the idle limit on an unread answer can end the connection.
        start(new HttpLimits(3, 1024, 1000, 1 << 20, TimeUnit.MINUTES.toNanos(10), TimeUnit.MINUTES.toNanos(10),
                TimeUnit.MILLISECONDS.toNanos(1500)));
        byte[] requests = "GET /x HTTP/1.1\r\n\r\n".repeat(10_000).getBytes(StandardCharsets.ISO_8859_1);
        CompletableFuture<IOException> writeFailed = new CompletableFuture<>();
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(4096);
            s.connect(new InetSocketAddress("127.0.0.1", server.port()));
            // The client sends for ever and reads nothing: the answers fill both sockets' buffers, the server stops
            // reading, and the writer blocks until the server gives up on the connection (its next write then fails).
            Thread writer = new Thread(() -> {
                try {
                    while (true) s.getOutputStream().write(requests);
                } catch (IOException closed) {
                    writeFailed.complete(closed);
                }
            });
            writer.setDaemon(true);
            writer.start();
            try {
                writeFailed.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("a client that never reads its answers still held its connection after 30 s"
                        + " (the idle limit is 1.5 s)", e);
            }
        }
    }
}
