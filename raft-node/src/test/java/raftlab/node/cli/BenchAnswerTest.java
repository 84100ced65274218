package raftlab.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import raftlab.node.client.KvClient;

/** How the bench's multiplexed clients tell that an answer is whole, and where a redirect points. */
class BenchAnswerTest {
    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    @Test void anAnswerIsWholeOnlyWithItsWholeBody() {
        byte[] ok = bytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 12\r\n\r\n{\"value\":1}\n");
        for (int cut = 0; cut < ok.length; cut++) assertEquals(0, BenchLoad.Answer.complete(ok, cut), "cut at " + cut);
        assertEquals(200, BenchLoad.Answer.complete(ok, ok.length));
        byte[] noBody = bytes("HTTP/1.1 503 Service Unavailable\r\n\r\n");
        assertEquals(503, BenchLoad.Answer.complete(noBody, noBody.length));
    }

    @Test void aRedirectNamesTheLeader() {
        byte[] redirect = bytes("HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:8003/kv/k1\r\nContent-Length: 0\r\n\r\n");
        assertEquals(new KvClient.Endpoint("127.0.0.1", 8003), BenchLoad.Answer.location(redirect, redirect.length));
        byte[] none = bytes("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
        assertNull(BenchLoad.Answer.location(none, none.length));
    }
}
