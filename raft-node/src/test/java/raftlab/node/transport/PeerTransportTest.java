package raftlab.node.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
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

    private Node node(String id, String cluster, String secret) throws Exception {
        AddressBook book = new AddressBook(List.of());
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        PeerTransport transport = new PeerTransport(id, cluster, secret.getBytes(StandardCharsets.UTF_8), book, 1000,
                (from, payload) -> received.add(from + ":" + new String(payload, StandardCharsets.UTF_8)), line -> log.add(id + " " + line), null);
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
    }

    @Test void aNodeOfAnotherClusterIsRefused() throws Exception {
        Node b = node("b", "c1", "s3cret");
        Node other = node("a", "c2", "s3cret");
        introduce(other, b);
        sendUntil(other, "b", b, 1, "refused");
        assertEquals(List.of(), b.received());
        assertTrue(log.stream().anyMatch(l -> l.contains("refused: this node belongs to cluster 'c1'")), log.toString());
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
}
