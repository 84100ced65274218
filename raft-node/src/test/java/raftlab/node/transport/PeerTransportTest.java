package raftlab.node.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real sockets on loopback: members talk, strangers are refused. */
class PeerTransportTest {
    private final List<PeerTransport> started = new ArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    record Node(PeerTransport transport, AddressBook book, List<String> received) {}

    private Node node(String id, String cluster, String secret) throws Exception { return node(id, cluster, secret, InboundGate.MAX_INBOUND); }

    private Node node(String id, String cluster, String secret, int maxInbound) throws Exception {
        AddressBook book = new AddressBook(List.of());
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        PeerTransport transport = new PeerTransport(id, cluster, secret.getBytes(StandardCharsets.UTF_8), book, 1000,
                (from, payload) -> received.add(from + ":" + new String(payload, StandardCharsets.UTF_8)), line -> log.add(id + " " + line), null, maxInbound);
        transport.start("127.0.0.1", 0);
        book.put(new PeerAddress(id, "127.0.0.1", transport.port(), 1));
        started.add(transport);
        return new Node(transport, book, received);
    }

    private static void introduce(Node a, Node b) {
        a.book().put(b.book().get(b.book().all().get(0).id()));
    }

    @AfterEach void stop() { started.forEach(PeerTransport::close); }

    private void sendUntilDelivered(Node from, String to, Node receiver, int count) throws InterruptedException {
        sendUntil(from, to, receiver, count, null);
    }

    /** Sends until {@code count} arrived, or until a log line contains {@code logged}. */
    private void sendUntil(Node from, String to, Node receiver, int count, String logged) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        int sent = 0;
        while (receiver.received().size() < count && System.currentTimeMillis() < deadline
                && (logged == null || log.stream().noneMatch(l -> l.contains(logged)))) {
            if (sent < count && from.transport().send(to, ("m" + sent).getBytes(StandardCharsets.UTF_8))) sent++;
            else Thread.sleep(5);
        }
    }

    @Test void membersExchangeMessagesInOrderWithTheProvenSender() throws Exception {
        Node a = node("a", "c1", "s3cret");
        Node b = node("b", "c1", "s3cret");
        introduce(a, b);
        sendUntilDelivered(a, "b", b, 100);
        assertEquals(100, b.received().size(), log.toString());
        for (int i = 0; i < 100; i++) assertEquals("a:m" + i, b.received().get(i));
        // b learned a's address from the authenticated handshake.
        assertEquals(a.transport().port(), b.book().get("a").peerPort());
    }

    @Test void aNodeWithTheWrongSecretCannotDeliver() throws Exception {
        Node b = node("b", "c1", "s3cret");
        Node mallory = node("a", "c1", "guess");
        introduce(mallory, b);
        sendUntil(mallory, "b", b, 1, "could not prove");
        assertEquals(List.of(), b.received());
        assertTrue(log.stream().anyMatch(l -> l.contains("could not prove it knows the cluster secret")), log.toString());
        // The node that refused says so too (its log line used to be lost: the socket was closed before the check).
        awaitLog(l -> l.startsWith("b transport: refused a handshake from "));
    }

    @Test void aNodeOfAnotherClusterIsRefused() throws Exception {
        Node b = node("b", "c1", "s3cret");
        Node other = node("a", "c2", "s3cret");
        introduce(other, b);
        sendUntil(other, "b", b, 1, "refused: this node belongs");
        assertEquals(List.of(), b.received());
        // Both ends log a refusal; the wait above may have stopped at the other end's line.
        awaitLog(l -> l.contains("refused: this node belongs to cluster 'c1'"));
    }

    @Test void aStrangerCannotInjectWithoutTheHandshake() throws Exception {
        Node b = node("b", "c1", "s3cret");
        try (Socket socket = new Socket("127.0.0.1", b.transport().port())) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            // A message frame straight away, with a made-up MAC.
            Frames.write(out, Frames.MESSAGE, new byte[40]);
            out.flush();
            socket.setSoTimeout(3000);
            assertEquals(-1, new DataInputStream(socket.getInputStream()).read(), "the node must hang up");
        }
        assertEquals(List.of(), b.received());
    }

    /** Waits up to 10 s for a log line that matches, and fails the test when none comes. */
    private void awaitLog(java.util.function.Predicate<String> line) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (log.stream().noneMatch(line) && System.currentTimeMillis() < deadline) Thread.sleep(10);
        assertTrue(log.stream().anyMatch(line), "no such line within 10 s in " + log);
    }

    @Test void aHugeFrameBeforeTheHandshakeIsRefusedWithoutWaitingForIt() throws Exception {
        Node b = node("b", "c1", "s3cret");
        try (Socket socket = new Socket("127.0.0.1", b.transport().port())) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(16 * 1024 * 1024);
            out.writeByte(Frames.VERSION);
            out.writeByte(Frames.HELLO);
            out.flush();
            socket.setSoTimeout(10_000);
            long start = System.nanoTime();
            assertEquals(-1, new DataInputStream(socket.getInputStream()).read(), "the node must hang up");
            long millis = (System.nanoTime() - start) / 1_000_000;
            // It used to allocate 16 MiB and wait for them until its read timeout.
            assertTrue(millis < InboundGate.HANDSHAKE_MILLIS / 2, "hung up after " + millis + " ms");
        }
        awaitLog(l -> l.startsWith("b transport: refused a handshake from "));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("b transport: refused a handshake") && l.contains("a frame of length 16777216")), log.toString());
    }

    @Test void aHandshakeTrickledByteByByteIsCutOffAtOneDeadline() throws Exception {
        Node b = node("b", "c1", "s3cret");
        try (Socket socket = new Socket("127.0.0.1", b.transport().port())) {
            OutputStream out = socket.getOutputStream();
            socket.setSoTimeout(100);
            long start = System.nanoTime();
            boolean hungUp = false;
            // A HELLO of 1000 bytes, one byte every 100 ms: each read returns before a per-read timeout.
            byte[] hello = new byte[1006];
            java.nio.ByteBuffer.wrap(hello).putInt(1002).put(Frames.VERSION).put(Frames.HELLO);
            for (int i = 0; i < hello.length && !hungUp && System.nanoTime() - start < 20_000_000_000L; i++) {
                try {
                    out.write(hello[i]);
                    out.flush();
                    hungUp = socket.getInputStream().read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    // nothing yet
                } catch (IOException reset) {
                    hungUp = true;
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(hungUp, "still connected after " + millis + " ms");
            assertTrue(millis < 4 * InboundGate.HANDSHAKE_MILLIS, "hung up only after " + millis + " ms");
        }
        awaitLog(l -> l.startsWith("b transport: refused a handshake from "));
        assertTrue(log.stream().anyMatch(l -> l.contains("no complete handshake within")), log.toString());
    }

    @Test void acceptedConnectionsAreCappedAndMembersStillGetInAfterwards() throws Exception {
        Node b = node("b", "c1", "s3cret", 4);
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) silent.add(new Socket("127.0.0.1", b.transport().port()));
            int refusedAtOnce = 0;
            for (Socket s : silent) {
                s.setSoTimeout((int) InboundGate.HANDSHAKE_MILLIS / 2);
                try {
                    if (s.getInputStream().read() == -1) refusedAtOnce++;
                } catch (SocketTimeoutException heldUntilTheDeadline) {
                    // one of the four admitted
                } catch (IOException reset) {
                    refusedAtOnce++;
                }
            }
            assertTrue(refusedAtOnce >= 4, "only " + refusedAtOnce + " of 8 connections beyond a cap of 4 were refused at once");
        } finally {
            for (Socket s : silent) s.close();
        }
        // The silent ones are gone by their deadline; a member connects and delivers.
        Node a = node("a", "c1", "s3cret");
        introduce(a, b);
        sendUntilDelivered(a, "b", b, 5);
        assertEquals(5, b.received().size(), log.toString());
    }

    @Test void anAnnouncedAddressNeverReplacesAConfiguredOne() throws Exception {
        Node b = node("b", "c1", "s3cret");
        PeerAddress configured = new PeerAddress("a", "127.0.0.2", 7001, 8001);
        b.book().put(configured);
        Node a = node("a", "c1", "s3cret");
        a.book().put(b.book().get("b"));
        sendUntilDelivered(a, "b", b, 1);
        assertEquals(1, b.received().size(), log.toString());
        assertEquals(configured, b.book().get("a"));
    }

    @Test void refusalsAreLoggedAtMostOncePerInterval() {
        List<String> lines = new ArrayList<>();
        long[] now = {0};
        RefusalLog refusals = new RefusalLog(lines::add, () -> now[0], 1000);
        for (int i = 0; i < 100; i++) {
            refusals.refused("10.0.0." + i, "bad proof");
            now[0] += 100;
        }
        assertEquals(10, lines.size(), lines.toString());
        assertTrue(lines.get(1).endsWith("(and 9 more refused since the last such line)"), lines.get(1));
    }

    @Test void aStrangerWithTheOldDefaultSecretIsRefusedAndLogged() throws Exception {
        Node b = node("b", "c1", "s3cret");
        byte[] guessed = "raftlab-default-secret:c1".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", b.transport().port())) {
            socket.setSoTimeout(5000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] nonce = Handshake.nonce();
            java.io.ByteArrayOutputStream hello = new java.io.ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(hello);
            h.writeUTF("c1");
            h.writeUTF("n9");
            h.writeUTF("n9=127.0.0.1:1:2");
            h.write(nonce);
            Frames.write(out, Frames.HELLO, hello.toByteArray());
            out.flush();
            Frames.Frame challenge = Frames.read(in);
            DataInputStream c = new DataInputStream(new java.io.ByteArrayInputStream(challenge.body()));
            String acceptor = c.readUTF();
            byte[] acceptorNonce = c.readNBytes(Handshake.NONCE_BYTES);
            Frames.write(out, Frames.AUTH, Handshake.proof(guessed, "dialer", "c1", "n9", acceptor, acceptorNonce, nonce));
            // An AppendEntries-shaped message right behind it, MACed with the session key of the guessed secret.
            byte[] payload = "append".getBytes(StandardCharsets.UTF_8);
            byte[] mac = Handshake.frameMac(Handshake.mac(Handshake.sessionKey(guessed, nonce, acceptorNonce)), 1, payload, 0, payload.length);
            byte[] body = new byte[mac.length + payload.length];
            System.arraycopy(mac, 0, body, 0, mac.length);
            System.arraycopy(payload, 0, body, mac.length, payload.length);
            Frames.write(out, Frames.MESSAGE, body);
            out.flush();
            assertEquals(-1, in.read(), "the node must hang up");
        } catch (java.net.SocketException reset) {
            // hung up while the forged message was still being written
        }
        awaitLog(l -> l.startsWith("b transport: refused a handshake from "));
        assertEquals(List.of(), b.received());
        assertTrue(log.stream().anyMatch(l -> l.contains("the dialer calling itself n9 could not prove it knows the cluster secret")), log.toString());
        assertEquals(null, b.book().get("n9"), "an unproven dialer's address must not be learned");
    }
}
